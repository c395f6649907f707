/**
 * Vite plugin: the dataset as the module `virtual:checked-dataset` (and the nerve maps as
 * `virtual:nerve-maps`), checked at build time (and by the dev server) with the same src/core
 * code `npm run validate:data` uses. Data that fails its checks fails the build with the
 * validator's path-precise messages; the browser then only builds the lookups
 * (src/core/assemble.ts assembleDataset, no zod) instead of parsing every record again.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkedDataOf } from '../src/core/dataset.ts';
import type { Dataset } from '../src/core/assemble.ts';
import {
  defaultDataDir,
  defaultModelPath,
  readDataset,
  readNerveMaps,
  readUncharted,
} from './read-data.ts';

const checkedDatasetId = 'virtual:checked-dataset';
const resolvedId = `\0${checkedDatasetId}`;
const nerveMapsId = 'virtual:nerve-maps';
const resolvedNerveMapsId = `\0${nerveMapsId}`;
const unchartedId = 'virtual:uncharted-muscles';
const resolvedUnchartedId = `\0${unchartedId}`;

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
    ...jsonIn('nerves'),
    ...jsonIn('uncharted'),
    join(dataDir, 'anatomy/landmarks.json'),
    join(dataDir, 'anatomy/region-names.json'),
    defaultModelPath,
  ];
}

let lastRead: { key: string; dataset: Dataset } | null = null;

/**
 * The checked dataset, read once for both modules (and the view worker's build) until one of its
 * files changes; throws listing every problem.
 */
function checkedDataset(dataDir: string): Dataset {
  const key = inputFiles(dataDir)
    .map((file) => {
      if (!existsSync(file)) return file;
      const { mtimeMs, size } = statSync(file);
      return `${file}@${mtimeMs}:${size}`;
    })
    .join('|');
  if (lastRead?.key === key) return lastRead.dataset;
  const result = readDataset({ dataDir });
  if (!result.ok) {
    throw new Error(`The dataset failed its checks:\n${result.errors.join('\n')}`);
  }
  lastRead = { key, dataset: result.dataset };
  return result.dataset;
}

/** The module's code, or an error listing every problem. */
export function checkedDatasetModule(dataDir = defaultDataDir): string {
  const data = checkedDataOf(checkedDataset(dataDir));
  // JSON.parse of a string: faster to load than the same data as an object literal; the text
  // itself is what the page hands the 3D view's worker (a string is copied, not walked)
  const json = JSON.stringify(JSON.stringify(data));
  return `export const json = ${json};\nexport default JSON.parse(json);\n`;
}

/** The nerve maps' module code (checked against the dataset), or an error listing every problem. */
export function nerveMapsModule(dataDir = defaultDataDir): string {
  const maps = readNerveMaps(checkedDataset(dataDir), dataDir);
  if (maps && !maps.ok) {
    throw new Error(`The nerve maps failed their checks:\n${maps.errors.join('\n')}`);
  }
  return jsonModule(maps ? maps.maps : { dermatomes: [], nerves: [], sources: [] });
}

/** The left-out muscles' module code (checked against the dataset), or an error listing every problem. */
export function unchartedModule(dataDir = defaultDataDir): string {
  const result = readUncharted(checkedDataset(dataDir), dataDir);
  if (result && !result.ok) {
    throw new Error(`The uncharted muscles failed their checks:\n${result.errors.join('\n')}`);
  }
  // the page shows the why and the pointers; the sources stay in the file and the docs
  const muscles = (result ? result.uncharted.muscles : []).map(
    ({ id, name, aliases, why, see }) => ({ id, name, aliases, why, see }),
  );
  return jsonModule({ muscles });
}

/** A module whose default export is `data`, parsed from JSON text (faster than an object literal). */
function jsonModule(data: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
}

export function datasetPlugin(dataDir = defaultDataDir): Plugin {
  return {
    name: 'trigger-atlas:checked-dataset',
    resolveId(source) {
      if (source === checkedDatasetId) return resolvedId;
      if (source === unchartedId) return resolvedUnchartedId;
      return source === nerveMapsId ? resolvedNerveMapsId : null;
    },
    load(id) {
      const modules: Record<string, () => string> = {
        [resolvedId]: () => checkedDatasetModule(dataDir),
        [resolvedNerveMapsId]: () => nerveMapsModule(dataDir),
        [resolvedUnchartedId]: () => unchartedModule(dataDir),
      };
      const code = modules[id];
      if (!code) return null;
      for (const file of inputFiles(dataDir)) this.addWatchFile(file);
      return code();
    },
  };
}
