/**
 * Loads the dataset in the browser: the build checked it (scripts/dataset-plugin.ts, the same
 * src/core code the CLI and validator use) and ships it as one lazy chunk; here only the lookups
 * are built.
 */
import { assembleDataset, type Dataset } from '../core/dataset.ts';

export async function loadAppData(): Promise<Dataset> {
  const { default: data } = await import('virtual:checked-dataset');
  return assembleDataset(data);
}
