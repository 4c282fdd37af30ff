import type WebSocket from 'ws';

export interface RateLimits {
  /** Sustained messages per second a connection may send. */
  messagesPerSecond: number;
  /** Sustained bytes per second a connection may send. */
  bytesPerSecond: number;
  /** How far a connection may run ahead of the sustained rates (seconds' worth). */
  burstSeconds: number;
}

/**
 * Per-connection rate limit, as two token buckets (messages and bytes). A connection that runs
 * out is not dropped: its socket is paused until the buckets refill, so a flooding client is
 * slowed to the configured rate (TCP pushes back on it) while its messages stay intact and the
 * other connections go on. Message size is capped separately by the WebSocket server's
 * maxPayload (close code 1009).
 */
export function limitConnectionRate(ws: WebSocket, limits: RateLimits, onThrottle: (pauseMs: number) => void): void {
  const messageCapacity = limits.messagesPerSecond * limits.burstSeconds;
  const byteCapacity = limits.bytesPerSecond * limits.burstSeconds;
  let messages = messageCapacity;
  let bytes = byteCapacity;
  let refilledAt = performance.now();
  let resumeTimer: NodeJS.Timeout | undefined;

  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
    const now = performance.now();
    const elapsed = (now - refilledAt) / 1000;
    refilledAt = now;
    messages = Math.min(messageCapacity, messages + elapsed * limits.messagesPerSecond) - 1;
    bytes = Math.min(byteCapacity, bytes + elapsed * limits.bytesPerSecond) - byteLength(data);
    if ((messages >= 0 && bytes >= 0) || resumeTimer) return;
    const pauseMs = Math.ceil(1000 * Math.max(-messages / limits.messagesPerSecond, -bytes / limits.bytesPerSecond));
    ws.pause();
    onThrottle(pauseMs);
    resumeTimer = setTimeout(() => {
      resumeTimer = undefined;
      if (ws.readyState === ws.OPEN) ws.resume();
    }, pauseMs);
  });
  ws.once('close', () => clearTimeout(resumeTimer));
}

function byteLength(data: Buffer | ArrayBuffer | Buffer[]): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.byteLength, 0);
  return data.byteLength;
}
