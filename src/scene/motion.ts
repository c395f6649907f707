/**
 * Whether the person asked for reduced motion: the page reads its media query and tells the
 * view, which has no window to ask (viewRuntime.tsx).
 */
let reduced = false;

export function setReducedMotion(value: boolean): void {
  reduced = value;
}

export function prefersReducedMotion(): boolean {
  return reduced;
}
