/** The muscles left out on purpose (data/uncharted), on the page: a small chunk of their own, loaded on first use. */
import type { UnchartedMuscle } from '../core/uncharted.ts';

let loading: Promise<readonly UnchartedMuscle[]> | null = null;

export function loadUncharted(): Promise<readonly UnchartedMuscle[]> {
  loading ??= import('virtual:uncharted-muscles').then(
    (module) => module.default.muscles,
    (error: unknown) => {
      // offline before the chunk was cached: a later search tries again
      loading = null;
      throw error;
    },
  );
  return loading;
}
