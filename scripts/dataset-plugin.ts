/**
 * Vite plugin: the dataset as the module `virtual:checked-dataset`, checked at build time (and by
 * the dev server) with the same src/core code `npm run validate:data` uses. Data that fails its
 * checks fails the build with the validator's path-precise messages; the browser then only builds
 * the lookups (src/core/assemble.ts assembleDataset, no zod) instead of parsing every record
 * again.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkedDataOf } from '../src/core/dataset.ts';
import { defaultDataDir, defaultModelPath, readDataset } from './read-data.ts';

const checkedDatasetId = 'virtual:checked-dataset';
const resolvedId = `\0${checkedDatasetId}`;

/** Every file the check reads: a change to any of them reloads the module in the dev server. */
function inputFiles(dataDir: string): string[] {
  // a missing folder is the check's to report, with its own words
  const jsonIn = (folder: string) =>
    existsSync(join(dataDir, folder))
      ? readdirSync(join(dataDir, folder))
          .filter((name) => name.endsWith('.json'))
          .map((name) => join(dataDir, folder, name))
      : [];
  return [
    ...jsonIn('muscles'),
    ...jsonIn('conditions'),
    join(dataDir, 'anatomy/landmarks.json'),
    join(dataDir, 'anatomy/region-names.json'),
    defaultModelPath,
  ];
}

/** The module's code, or an error listing every problem. */
export function checkedDatasetModule(dataDir = defaultDataDir): string {
  const result = readDataset({ dataDir });
  if (!result.ok) {
    throw new Error(`The dataset failed its checks:\n${result.errors.join('\n')}`);
  }
  const data = checkedDataOf(result.dataset);
  // JSON.parse of a string: faster to load than the same data as an object literal; the text
  // itself is what the page hands the 3D view's worker (a string is copied, not walked)
  const json = JSON.stringify(JSON.stringify(data));
  return `export const json = ${json};\nexport default JSON.parse(json);\n`;
}

export function datasetPlugin(dataDir = defaultDataDir): Plugin {
  return {
    name: 'trigger-atlas:checked-dataset',
    resolveId(source) {
      return source === checkedDatasetId ? resolvedId : null;
    },
    load(id) {
      if (id !== resolvedId) return null;
      for (const file of inputFiles(dataDir)) this.addWatchFile(file);
      return checkedDatasetModule(dataDir);
    },
  };
}
