/**
 * Loads the dataset in the browser: the JSON files ship with the app as one lazy chunk, parsed
 * and cross-checked by the same src/core code the CLI and validator use.
 */
import { loadDataset, type Dataset } from '../core/dataset.ts';
import { requiredMuscleIds } from '../core/required-muscles.ts';

export async function loadAppData(): Promise<Dataset> {
  const files = await import('./dataFiles.ts');
  const result = loadDataset({
    muscleFiles: files.muscleFiles,
    conditionFiles: files.conditionFiles,
    landmarks: files.landmarks as unknown,
    regionNames: undefined, // regions.ts bundles the region names
    requiredMuscleIds,
  });
  if (!result.ok) {
    throw new Error(
      `The trigger point data failed its checks:\n${result.errors.slice(0, 8).join('\n')}`,
    );
  }
  return result.dataset;
}
