/**
 * Nerve maps (data/nerves/nerve-maps.json): the skin areas of the spinal nerve roots (dermatomes)
 * and of the main peripheral nerves, as body regions, and the muscles known to entrap a nerve.
 * `matchNerves` says which of them a pain drawing fits, so a muscle ranking can be shown beside
 * "this pattern also fits the L5 nerve root": the textbook way to tell radicular from referred
 * muscle pain.
 */
import { z } from 'zod';
import { describeIssues, joinPath } from './issues.ts';
import { didYouMean } from './suggest.ts';
import { Source } from './schema.ts';
import { parseRegionId, type RegionVocabulary, type Side } from './regionIds.ts';

const snakeId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case');
const rootId = z.string().regex(/^(C[2-8]|T([1-9]|1[0-2])|L[1-5]|S[1-4])$/, 'must be C2-S4');

/** A skin area: landmark ids without a side (each side of the body has its own). */
const Territory = {
  name: z.string().min(3),
  regions: z.array(snakeId).min(1),
};

export const Dermatome = z.strictObject({ id: rootId, ...Territory });
export type Dermatome = z.infer<typeof Dermatome>;

export const PeripheralNerve = z.strictObject({
  id: snakeId,
  ...Territory,
  /** The spinal roots whose fibres it carries. */
  roots: z.array(rootId).min(1),
  /** Muscles that can press on it (an entrapment the trigger point manual describes). */
  entrappedBy: z.array(snakeId).optional(),
});
export type PeripheralNerve = z.infer<typeof PeripheralNerve>;

export const NerveMapsFile = z.strictObject({
  $schema: z.string().optional(),
  about: z.string().optional(),
  dermatomes: z.array(Dermatome).min(1),
  nerves: z.array(PeripheralNerve).min(1),
  sources: z.array(Source).min(1),
});
export type NerveMaps = z.infer<typeof NerveMapsFile>;

export type NerveMapsResult = { ok: true; maps: NerveMaps } | { ok: false; errors: string[] };

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
  const checkArea = (entry: Dermatome | PeripheralNerve, where: string) => {
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

/** How well a drawing fits one skin area, on one side. */
export interface TerritoryMatch {
  kind: 'dermatome' | 'nerve';
  id: string;
  name: string;
  side: Side | null;
  /** The drawing's spots inside the area. */
  spots: string[];
  /** 0-1: the share of the drawing inside the area, times how much of the area it covers. */
  score: number;
}

/** A muscle that is a likely source here and can entrap a nerve whose area overlaps the drawing. */
export interface EntrapmentNote {
  muscle: string;
  nerve: string;
  nerveName: string;
  roots: readonly string[];
}

export interface NerveMatch {
  dermatomes: TerritoryMatch[];
  nerves: TerritoryMatch[];
  entrapments: EntrapmentNote[];
}

/** The drawing's spots as landmark and side; midline spots count for both sides. */
function spotsBySide(spots: readonly string[]): Map<Side, Map<string, string>> {
  const out = new Map<Side, Map<string, string>>([
    ['left', new Map()],
    ['right', new Map()],
  ]);
  for (const spot of spots) {
    const parsed = parseRegionId(spot);
    if (parsed instanceof Error) continue;
    for (const side of parsed.side === null ? (['left', 'right'] as const) : [parsed.side])
      out.get(side)?.set(parsed.landmark, spot);
  }
  return out;
}

function matchAll(
  kind: TerritoryMatch['kind'],
  entries: readonly (Dermatome | PeripheralNerve)[],
  bySide: Map<Side, Map<string, string>>,
  total: number,
): TerritoryMatch[] {
  const out: TerritoryMatch[] = [];
  for (const [side, spots] of bySide) {
    for (const entry of entries) {
      const inside = entry.regions.flatMap((region) => spots.get(region) ?? []);
      if (inside.length === 0) continue;
      // most of the drawing inside, and most of the area drawn: a pattern that follows it
      const score = (inside.length / total) * (inside.length / entry.regions.length);
      out.push({ kind, id: entry.id, name: entry.name, side, spots: inside, score });
    }
  }
  // a midline-only drawing matches both sides alike: keep one
  const unique = new Map(out.map((match) => [`${match.id}:${match.spots.join()}`, match]));
  return [...unique.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Which dermatomes and nerve territories the drawing `spots` (region ids) fits, best first, and
 * which of `likelyMuscles` (the ranking's top muscle ids) can entrap a nerve drawn on.
 */
export function matchNerves(
  spots: readonly string[],
  maps: NerveMaps,
  likelyMuscles: readonly string[] = [],
): NerveMatch {
  const unique = [...new Set(spots)];
  const bySide = spotsBySide(unique);
  const total = Math.max(1, unique.length);
  const nerves = matchAll('nerve', maps.nerves, bySide, total);
  const drawnNerves = new Set(nerves.map((match) => match.id));
  const entrapments: EntrapmentNote[] = [];
  for (const muscle of likelyMuscles) {
    for (const nerve of maps.nerves) {
      if (!nerve.entrappedBy?.includes(muscle)) continue;
      // the note is about this drawing: a nerve whose area it touches, or one the muscle's own
      // pain area hides (the sciatic nerve under piriformis: buttock pain, no leg area drawn)
      if (drawnNerves.has(nerve.id) || likelyMuscles.indexOf(muscle) === 0)
        entrapments.push({ muscle, nerve: nerve.id, nerveName: nerve.name, roots: nerve.roots });
    }
  }
  return { dermatomes: matchAll('dermatome', maps.dermatomes, bySide, total), nerves, entrapments };
}
