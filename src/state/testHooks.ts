/**
 * `window.__atlas`: a read-mostly window into the running app for end-to-end tests and the bench
 * (the store; the 3D view's link adds screen projections). It changes nothing by itself.
 */
import { useAppStore } from './store.ts';

type Point = { x: number; y: number } | null;

/** The 3D view's answers come from its worker, so they arrive as promises. */
export interface AtlasHooks {
  store: typeof useAppStore;
  projectRegion?: (region: string) => Promise<Point>;
  musclePoint?: (muscle: string, side: 'left' | 'right') => Promise<Point>;
  pickAt?: (x: number, y: number) => Promise<string | null>;
  /** Whether the view's picking trees have arrived: the last start-up work. */
  pickingTrees?: () => Promise<boolean>;
  /** How long the model worker took to pick each recent click (the raycast alone), in ms. */
  pickTimes?: () => number[];
  /** The current state drawn now, as an image, for tests that count its colours. */
  snapshot?: () => Promise<ImageBitmap | null>;
  /** Drops and restores the view's WebGL context (WEBGL_lose_context), as a GPU reset would. */
  loseContext?: () => Promise<boolean>;
  restoreContext?: () => Promise<boolean>;
}

declare global {
  interface Window {
    __atlas?: AtlasHooks;
  }
}

export function installTestHooks(extra: Partial<AtlasHooks> = {}): void {
  window.__atlas = { ...window.__atlas, store: useAppStore, ...extra };
}
