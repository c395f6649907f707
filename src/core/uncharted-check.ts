/**
 * Checks data/uncharted/muscles.json (see uncharted.ts) against the dataset: each entry is a
 * muscle the atlas does not chart, and points only to muscles it does.
 */
import { z } from 'zod';
import { describeIssues, joinPath } from './issues.ts';
import { searchable } from './assemble.ts';
import { didYouMean } from './suggest.ts';
import { Source, type MuscleRecord } from './schema.ts';
import { namesOf, type UnchartedMuscles } from './uncharted.ts';

const snakeId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case');

const UnchartedFile = z.strictObject({
  about: z.string().min(10),
  muscles: z
    .array(
      z.strictObject({
        id: snakeId,
        name: z.string().min(3),
        aliases: z.array(z.string().min(3)),
        why: z.string().min(20),
        see: z.array(snakeId).min(1, 'needs at least one charted muscle to look at instead'),
        sources: z.array(Source),
      }),
    )
    .min(1),
});

export type UnchartedResult =
  | { readonly ok: true; readonly uncharted: UnchartedMuscles }
  | { readonly ok: false; readonly errors: readonly string[] };

export function checkUnchartedMuscles(
  json: unknown,
  charted: ReadonlyMap<string, MuscleRecord>,
  file = 'data/uncharted/muscles.json',
): UnchartedResult {
  const parsed = UnchartedFile.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: describeIssues(parsed.error, json, UnchartedFile).map(
        ({ path, message }) => `${file}: ${joinPath('', path)}: ${message}`,
      ),
    };
  }
  const errors: string[] = [];
  // a name a charted muscle answers to would send its search to two places
  const chartedNames = new Map<string, string>();
  for (const record of charted.values())
    for (const name of [record.id, record.name, record.latin, ...record.aliases])
      chartedNames.set(searchable(name), record.id);
  // a name two entries answer to would explain only one of them
  const leftOutNames = new Map<string, string>();
  for (const [i, entry] of parsed.data.muscles.entries()) {
    const where = `${file}: muscles[${i}] (${entry.id})`;
    for (const name of new Set(namesOf(entry).map(searchable))) {
      const owner = chartedNames.get(name);
      if (owner) errors.push(`${where}: "${name}" names the charted muscle "${owner}"`);
      const other = leftOutNames.get(name);
      if (other) errors.push(`${where}: "${name}" also names the entry "${other}"`);
      leftOutNames.set(name, entry.id);
    }
    const seen = new Set<string>();
    for (const id of entry.see) {
      if (seen.has(id)) errors.push(`${where}.see: "${id}" is listed twice`);
      seen.add(id);
      if (!charted.has(id))
        errors.push(`${where}.see: unknown muscle "${id}"${didYouMean(id, charted.keys())}`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, uncharted: parsed.data };
}
