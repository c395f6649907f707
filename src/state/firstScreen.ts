/**
 * The first screen is complete: the body drawn, or a message saying why it cannot be. Kept out of
 * the app store on purpose: a store change redraws the body, and this needs no frame.
 */
let done = false;
const waiting = new Set<() => void>();

/** Says so, also as `data-ready="true"` on <html>, the signal tests and tools wait for. */
export function markFirstScreenDone(): void {
  document.documentElement.dataset.ready = 'true';
  if (done) return;
  done = true;
  for (const task of waiting) task();
  waiting.clear();
}

/** Runs `task` once the first screen is complete (at once if it is). */
export function whenFirstScreenDone(task: () => void): void {
  if (done) task();
  else waiting.add(task);
}
