/**
 * File I/O for the dataset scripts (validator, CLI, coverage): reads the JSON files and the
 * model's node names, and hands them to src/core, which stays free of Node APIs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadDataset,
  muscleIdsInModel,
  type DataFile,
  type DatasetInput,
  type DatasetResult,
} from '../src/core/dataset.ts';
import { requiredMuscleIds } from '../src/core/required-muscles.ts';
import type { Dataset } from '../src/core/assemble.ts';
import { checkNerveMaps, type NerveMapsResult } from '../src/core/nerves.ts';
import { checkFmaIds, readFmaNames } from '../src/core/fma.ts';
import { checkUnchartedMuscles, type UnchartedResult } from '../src/core/uncharted-check.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const defaultDataDir = join(repoRoot, 'data');
export const defaultModelPath = join(repoRoot, 'public/models/body.glb');

/** Repository-relative path with forward slashes, as messages show it. */
function shown(path: string): string {
  const inRepo = relative(repoRoot, path);
  return (inRepo.startsWith('..') ? path : inRepo).split('\\').join('/');
}

interface ReadResult<T> {
  value?: T;
  error?: string;
}

function readJson(path: string): ReadResult<unknown> {
  if (!existsSync(path)) return { error: `${shown(path)}: file not found` };
  try {
    return { value: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    return { error: `${shown(path)}: not valid JSON: ${(error as Error).message}` };
  }
}

/** Every `*.json` in a folder, sorted by name (the app loads them in the same order). */
function readFolder(folder: string, errors: string[]): DataFile[] {
  if (!existsSync(folder)) return [];
  const files: DataFile[] = [];
  for (const name of readdirSync(folder)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const { value, error } = readJson(join(folder, name));
    if (error !== undefined) errors.push(error);
    else files.push({ path: shown(join(folder, name)), json: value });
  }
  return files;
}

/** Node names from a binary glTF: the JSON chunk starts at byte 20 (after the 12-byte header and chunk header). */
export function glbNodeNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = 0x46546c67; // "glTF" little-endian
  const jsonChunk = 0x4e4f534a; // "JSON" little-endian
  if (bytes.byteLength < 20 || view.getUint32(0, true) !== magic) {
    throw new Error('not a binary glTF (.glb) file');
  }
  const length = view.getUint32(12, true);
  if (view.getUint32(16, true) !== jsonChunk || 20 + length > bytes.byteLength) {
    throw new Error('the first chunk is not a JSON chunk');
  }
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + length))) as {
    nodes?: { name?: unknown }[];
  };
  return (json.nodes ?? []).flatMap((node) => (typeof node.name === 'string' ? [node.name] : []));
}

export interface ReadOptions {
  /** Folder holding muscles/, conditions/ and anatomy/. */
  dataDir?: string;
  /** The GLB whose `m:<id>:<side>` nodes must cover every muscle; null skips the check. */
  modelPath?: string | null;
  /** Require the docs/muscles.md ids (the validator does; the CLI works with partial data). */
  requireAllMuscles?: boolean;
}

/** Reads the dataset files and checks them with src/core; file-level problems join the errors. */
export function readDataset(options: ReadOptions = {}): DatasetResult {
  const dataDir = options.dataDir ?? defaultDataDir;
  const errors: string[] = [];
  const landmarksPath = join(dataDir, 'anatomy/landmarks.json');
  const namesPath = join(dataDir, 'anatomy/region-names.json');
  const landmarks = readJson(landmarksPath);
  const names = readJson(namesPath);
  for (const read of [landmarks, names]) if (read.error !== undefined) errors.push(read.error);
  const input: DatasetInput = {
    muscleFiles: readFolder(join(dataDir, 'muscles'), errors),
    conditionFiles: readFolder(join(dataDir, 'conditions'), errors),
    landmarks: landmarks.value,
    regionNames: names.value,
    landmarksPath: shown(landmarksPath),
    regionNamesPath: shown(namesPath),
    requiredMuscleIds: options.requireAllMuscles === false ? [] : requiredMuscleIds,
  };
  const modelPath = options.modelPath === undefined ? defaultModelPath : options.modelPath;
  if (modelPath !== null) {
    input.modelPath = shown(modelPath);
    if (!existsSync(modelPath)) {
      errors.push(`${shown(modelPath)}: file not found (npm run build:model writes it)`);
    } else {
      try {
        input.modelMuscleIds = muscleIdsInModel(glbNodeNames(readFileSync(modelPath)));
      } catch (error) {
        errors.push(`${shown(modelPath)}: ${(error as Error).message}`);
      }
    }
  }
  // Unreadable landmarks would only repeat as schema errors; the read error says it better.
  if (landmarks.error !== undefined || names.error !== undefined) {
    return { ok: false, errors };
  }
  const result = loadDataset(input);
  if (errors.length === 0) return result;
  return { ok: false, errors: [...errors, ...(result.ok ? [] : result.errors)] };
}

/**
 * data/nerves/nerve-maps.json checked against the dataset's regions and muscles; a data folder
 * without one (a test fixture) has none to check (`null`).
 */
export function readNerveMaps(dataset: Dataset, dataDir = defaultDataDir): NerveMapsResult | null {
  return readOptional(dataDir, 'nerves/nerve-maps.json', (json, file) =>
    checkNerveMaps(json, dataset.regions, new Set(dataset.muscles.keys()), file),
  );
}

/**
 * A file of `dataDir` read and checked: a read error is the only problem; another data folder
 * without it (a test fixture) has none to check (`null`), while the project's own data must
 * have it (readJson says "file not found").
 */
function readOptional<T>(
  dataDir: string,
  relativePath: string,
  check: (json: unknown, file: string) => T,
): T | { ok: false; errors: string[] } | null {
  const path = join(dataDir, relativePath);
  if (dataDir !== defaultDataDir && !existsSync(path)) return null;
  const read = readJson(path);
  if (read.error !== undefined) return { ok: false, errors: [read.error] };
  return check(read.value, shown(path));
}

/**
 * data/uncharted/muscles.json (the muscles left out on purpose) checked against the dataset; a
 * data folder without one (a test fixture) has none to check (`null`).
 */
export function readUncharted(dataset: Dataset, dataDir = defaultDataDir): UnchartedResult | null {
  return readOptional(dataDir, 'uncharted/muscles.json', (json, file) =>
    checkUnchartedMuscles(json, dataset.muscles, file),
  );
}

/**
 * Every muscle's FMA ids checked against data/anatomy/fma-names.json: the problems, none when
 * all fit. A data folder without the names file (a test fixture) is checked against the
 * project's own.
 */
export function checkMuscleFma(dataset: Dataset, dataDir = defaultDataDir): string[] {
  const own = join(dataDir, 'anatomy/fma-names.json');
  const path = existsSync(own) ? own : join(defaultDataDir, 'anatomy/fma-names.json');
  const read = readJson(path);
  if (read.error !== undefined) return [read.error];
  const names = readFmaNames(read.value, shown(path));
  if (!names.ok) return names.errors;
  return checkFmaIds(dataset.muscles.values(), names.names).map(
    (problem) => `${shown(join(dataDir, 'muscles'))}: ${problem}`,
  );
}
