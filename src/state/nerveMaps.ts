/** The nerve maps (data/nerves) on the page: a small chunk of their own, loaded on first use. */
import type { NerveMaps } from '../core/nerveMatch.ts';
import { lazyChunk } from './lazyChunk.ts';

export const nerveMapsChunk = lazyChunk<NerveMaps>(() =>
  import('virtual:nerve-maps').then((module) => module.default),
);

export const loadNerveMaps = (): Promise<NerveMaps> => nerveMapsChunk.load();

/** The maps if they have loaded, for code that cannot wait (the label under the pointer). */
export const loadedNerveMaps = (): NerveMaps | null => nerveMapsChunk.loaded();
