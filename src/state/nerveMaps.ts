/** The nerve maps (data/nerves) on the page: a small chunk of their own, loaded on first use. */
import type { NerveMaps } from '../core/nerveMatch.ts';

let loading: Promise<NerveMaps> | null = null;
let loaded: NerveMaps | null = null;

export function loadNerveMaps(): Promise<NerveMaps> {
  loading ??= import('virtual:nerve-maps').then(
    (module) => (loaded = module.default),
    (error: unknown) => {
      // offline before the chunk was cached: a later use tries again
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The maps if they have loaded, for code that cannot wait (the label under the pointer). */
export function loadedNerveMaps(): NerveMaps | null {
  return loaded;
}
