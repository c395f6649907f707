/**
 * `window.__atlas`: a read-mostly window into the running app for end-to-end tests and the bench
 * (the store; the 3D view adds screen projections once it loads). It changes nothing by itself.
 */
import { useAppStore } from './store.ts';

export interface AtlasHooks {
  store: typeof useAppStore;
  projectRegion?: (region: string) => { x: number; y: number } | null;
  musclePoint?: (muscle: string, side: 'left' | 'right') => { x: number; y: number } | null;
  pickAt?: (x: number, y: number) => string | null;
  /** Draws the current frame now, so a test can read the canvas in the same task. */
  drawNow?: () => void;
}

declare global {
  interface Window {
    __atlas?: AtlasHooks;
  }
}

export function installTestHooks(extra: Partial<AtlasHooks> = {}): void {
  window.__atlas = { ...window.__atlas, store: useAppStore, ...extra };
}
