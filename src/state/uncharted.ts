/** The muscles left out on purpose (data/uncharted), on the page: a small chunk of their own, loaded on first use. */
import type { UnchartedMuscle } from '../core/uncharted.ts';
import { lazyChunk } from './lazyChunk.ts';

export const unchartedChunk = lazyChunk<readonly UnchartedMuscle[]>(() =>
  import('virtual:uncharted-muscles').then((module) => module.default.muscles),
);
