/** The real dataset for the ranking tests, read once (partial data is fine: the CLI's rules). */
import { readDataset } from '../../scripts/read-data.ts';
import type { Dataset } from '../../src/core/dataset.ts';

let cached: Dataset | undefined;

export function realDataset(): Dataset {
  if (cached !== undefined) return cached;
  const result = readDataset({ modelPath: null, requireAllMuscles: false });
  if (!result.ok) throw new Error(`data/ does not load:\n${result.errors.slice(0, 10).join('\n')}`);
  return (cached = result.dataset);
}
