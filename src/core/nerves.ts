/**
 * Nerve maps (data/nerves/nerve-maps.json): the skin areas of the spinal nerve roots (dermatomes)
 * and of the main peripheral nerves, as body regions, and the muscles known to entrap a nerve.
 * This module checks the file (zod); nerveMatch.ts says which areas a pain drawing fits, so a
 * muscle ranking can be shown beside "this pattern also fits the L5 nerve root": the textbook
 * way to tell radicular from referred muscle pain.
 */
import { z } from 'zod';
import { describeIssues, joinPath } from './issues.ts';
import { didYouMean } from './suggest.ts';
import { Source } from './schema.ts';
import type { RegionVocabulary } from './regionIds.ts';
import { rootIdPattern } from './nerveMatch.ts';
import type * as Match from './nerveMatch.ts';

export * from './nerveMatch.ts';

const snakeId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case');
const rootId = z.string().regex(rootIdPattern, 'must be C2-S4');

/** A skin area: landmark ids without a side (each side of the body has its own). */
const Territory = {
  name: z.string().min(3),
  regions: z.array(snakeId).min(1),
};

const DermatomeSchema = z.strictObject({ id: rootId, ...Territory });

const PeripheralNerveSchema = z.strictObject({
  id: snakeId,
  ...Territory,
  /** The spinal roots whose fibres it carries. */
  roots: z.array(rootId).min(1),
  /** Muscles that can press on it (an entrapment the trigger point manual describes). */
  entrappedBy: z.array(snakeId).optional(),
});

export const NerveMapsFile = z.strictObject({
  $schema: z.string().optional(),
  about: z.string().optional(),
  dermatomes: z.array(DermatomeSchema).min(1),
  nerves: z.array(PeripheralNerveSchema).min(1),
  sources: z.array(Source).min(1),
});
export type NerveMapsData = z.infer<typeof NerveMapsFile>;

export type NerveMapsResult = { ok: true; maps: NerveMapsData } | { ok: false; errors: string[] };

/**
 * Checks the file: its shape, each region against the vocabulary, each entrapping muscle against
 * the dataset's muscle ids, ids unique. Never throws; every problem is named with its place.
 */
export function checkNerveMaps(
  json: unknown,
  vocabulary: RegionVocabulary,
  muscleIds: ReadonlySet<string>,
  file = 'data/nerves/nerve-maps.json',
): NerveMapsResult {
  const parsed = NerveMapsFile.safeParse(json);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error, json, NerveMapsFile);
    return {
      ok: false,
      errors: issues.map(({ path, message }) => `${file}: ${joinPath('', path)}: ${message}`),
    };
  }
  const maps = parsed.data;
  const errors: string[] = [];
  const landmarks = [...vocabulary.landmarks.keys()];
  const seen = new Set<string>();
  const checkArea = (entry: Match.Dermatome, where: string) => {
    if (seen.has(entry.id)) errors.push(`${where}: duplicate id "${entry.id}"`);
    seen.add(entry.id);
    const regions = new Set<string>();
    for (const region of entry.regions) {
      if (regions.has(region)) errors.push(`${where}: region "${region}" is listed twice`);
      regions.add(region);
      if (!vocabulary.landmarks.has(region))
        errors.push(`${where}: unknown region "${region}"${didYouMean(region, landmarks)}`);
    }
  };
  maps.dermatomes.forEach((entry, i) =>
    checkArea(entry, `${file}: dermatomes[${i}] (${entry.id})`),
  );
  maps.nerves.forEach((entry, i) => {
    const where = `${file}: nerves[${i}] (${entry.id})`;
    checkArea(entry, where);
    for (const muscle of entry.entrappedBy ?? []) {
      if (!muscleIds.has(muscle))
        errors.push(`${where}: unknown muscle "${muscle}"${didYouMean(muscle, muscleIds)}`);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, maps };
}
