/**
 * `npm run validate:data`: checks data/muscles, data/conditions, data/nerves and the region
 * vocabulary against the schema, each other and the body model. Exit 2 on any error.
 * Options (for tests): --data <folder>, --model <file.glb> | --no-model.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { checkMuscleFma, readDataset, readNerveMaps, readUncharted } from './read-data.ts';

export interface ScriptIo {
  out(text: string): void;
  err(text: string): void;
}

const nodeIo: ScriptIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Prints every problem and how many there are of `what`; the exit status for them. */
function failWith(io: ScriptIo, problems: readonly string[], what: string): number {
  for (const problem of problems) io.err(problem);
  io.err(`${what} ${problems.length} error${problems.length === 1 ? '' : 's'}`);
  return 2;
}

export function main(argv: readonly string[], io: ScriptIo = nodeIo): number {
  let dataDir: string | undefined;
  let modelPath: string | null | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data' && argv[i + 1] !== undefined) dataDir = resolve(argv[++i] ?? '');
    else if (arg === '--model' && argv[i + 1] !== undefined) modelPath = resolve(argv[++i] ?? '');
    else if (arg === '--no-model') modelPath = null;
    else {
      io.err(`usage: validate-data [--data <folder>] [--model <file.glb> | --no-model]`);
      return 2;
    }
  }
  const result = readDataset({
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(modelPath === undefined ? {} : { modelPath }),
  });
  if (!result.ok) return failWith(io, result.errors, 'data has');
  const nerves = readNerveMaps(result.dataset, dataDir);
  if (nerves && !nerves.ok) return failWith(io, nerves.errors, 'nerve maps have');
  const uncharted = readUncharted(result.dataset, dataDir);
  if (uncharted && !uncharted.ok)
    return failWith(io, uncharted.errors, 'the uncharted muscles have');
  const fma = checkMuscleFma(result.dataset, dataDir);
  if (fma.length > 0) return failWith(io, fma, 'FMA ids have');
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  const { muscles, triggerPoints, conditions } = result.dataset;
  const maps = nerves
    ? `, ${nerves.maps.dermatomes.length} dermatomes, ${nerves.maps.nerves.length} nerve territories`
    : '';
  const left = uncharted?.ok ? `, ${uncharted.uncharted.muscles.length} left out with why` : '';
  io.out(
    `data ok: ${muscles.size} muscles (each with FMA ids), ${triggerPoints.size} trigger points, ${conditions.size} conditions${maps}${left}`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
