/** What counts as the reader at work: background derivations wait until these stop (see untilQuiet). */
const INTERACTIONS = ['scroll', 'wheel', 'pointerdown', 'keydown', 'input'] as const;

let lastInteraction = Number.NEGATIVE_INFINITY;
let listening = false;

/** One set of listeners for the page, added on first use; capturing, so element scrolls count too. */
function listen(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  const note = () => {
    lastInteraction = performance.now();
  };
  for (const type of INTERACTIONS) document.addEventListener(type, note, { capture: true, passive: true });
}

/**
 * Resolves once the reader has not scrolled, typed or clicked for `quietMs`. Background work (the
 * milestone scan over a million events) waits for it between stretches: idle time between
 * scrolled frames is still time the page spends, on a machine whose cores are shared, and a
 * stretch under way when a click or key arrives delays the answer to it. Outside a page
 * (Node, workers) it resolves at once.
 */
export function untilQuiet(quietMs: number): Promise<void> {
  listen();
  return new Promise((resolve) => {
    const check = () => {
      const left = lastInteraction + quietMs - performance.now();
      if (left <= 0) resolve();
      else setTimeout(check, left);
    };
    check();
  });
}
