/**
 * Loads the dataset in the browser: the JSON files ship with the app as separate chunks, parsed
 * and cross-checked by the same src/core code the CLI and validator use.
 */
import { loadDataset, type Dataset } from '../core/dataset.ts';
import { requiredMuscleIds } from '../core/required-muscles.ts';

const muscleModules = import.meta.glob<unknown>('../../data/muscles/*.json', { import: 'default' });
const conditionModules = import.meta.glob<unknown>('../../data/conditions/*.json', {
  import: 'default',
});

async function readAll(modules: Record<string, () => Promise<unknown>>) {
  const entries = Object.entries(modules).sort(([a], [b]) => (a < b ? -1 : 1));
  return Promise.all(
    entries.map(async ([path, load]) => ({
      path: path.replace(/^(\.\.\/)+/, ''),
      json: await load(),
    })),
  );
}

export async function loadAppData(): Promise<Dataset> {
  const [muscleFiles, conditionFiles, landmarks, regionNames] = await Promise.all([
    readAll(muscleModules),
    readAll(conditionModules),
    import('../../data/anatomy/landmarks.json').then((m) => m.default as unknown),
    Promise.resolve(undefined), // regions.ts bundles the region names
  ]);
  const result = loadDataset({
    muscleFiles,
    conditionFiles,
    landmarks,
    regionNames,
    requiredMuscleIds,
  });
  if (!result.ok) {
    throw new Error(
      `The trigger point data failed its checks:\n${result.errors.slice(0, 8).join('\n')}`,
    );
  }
  return result.dataset;
}
