import { createServer } from 'node:net';

// Server tests take their ports from one range, away from the e2e servers'; SYNC_TEST_PORTS=from-to overrides it.
const [FROM, TO] = (process.env.SYNC_TEST_PORTS ?? '14300-14399').split('-').map(Number) as [number, number];
const handedOut = new Set<number>();

/** A port in the range that nothing listens on right now (and that this process has not handed out). */
export async function freePort(): Promise<number> {
  const size = TO - FROM + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = FROM + ((start + i) % size);
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`No free port in ${FROM}-${TO}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
