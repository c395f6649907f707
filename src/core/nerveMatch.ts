/**
 * Which dermatomes and nerve territories a pain drawing fits (the maps: data/nerves, checked by
 * nerves.ts). No zod here: the page and the CLI both match, and the page keeps zod out of its
 * start.
 */
import { parseRegionId, type Side } from './regionIds.ts';

/** From this score a drawing follows an area (the app's note and the CLI list it); below, it only
 * touches it. */
export const fitsFrom = 0.3;

/** A spinal nerve root with a dermatome in the maps: C2 to S4. */
export const rootIdPattern = /^(C[2-8]|T([1-9]|1[0-2])|L[1-5]|S[1-4])$/;

/** A skin area as landmark ids without a side (each side of the body has its own). */
export interface Dermatome {
  readonly id: string;
  readonly name: string;
  readonly regions: readonly string[];
}

export interface PeripheralNerve extends Dermatome {
  /** The spinal roots whose fibres it carries. */
  readonly roots: readonly string[];
  /** Muscles that can press on it (an entrapment the trigger point manual describes). */
  readonly entrappedBy?: readonly string[] | undefined;
}

export interface NerveMaps {
  readonly dermatomes: readonly Dermatome[];
  readonly nerves: readonly PeripheralNerve[];
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

/** The likeliest source muscle here can press on this nerve. */
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
      // only midline spots inside (the coccyx for S4): the area of neither side in particular
      const sided = inside.some((spot) => spot.includes(':'));
      out.push({
        kind,
        id: entry.id,
        name: entry.name,
        side: sided ? side : null,
        spots: inside,
        score,
      });
    }
  }
  // such a match comes from both sides alike: keep one
  const unique = new Map(out.map((match) => [`${match.id}:${match.spots.join()}`, match]));
  return [...unique.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Which dermatomes and nerve territories the drawing `spots` (region ids) fits, best first, and
 * the nerves `likelyMuscle` (the ranking's first) can press on: its own pain area may hide the
 * nerve's (buttock pain from piriformis, over the sciatic nerve).
 */
export function matchNerves(
  spots: readonly string[],
  maps: NerveMaps,
  likelyMuscle?: string,
): NerveMatch {
  const unique = [...new Set(spots)];
  const bySide = spotsBySide(unique);
  const total = Math.max(1, unique.length);
  const entrapments = maps.nerves.flatMap((nerve): EntrapmentNote[] =>
    likelyMuscle !== undefined && nerve.entrappedBy?.includes(likelyMuscle)
      ? [{ muscle: likelyMuscle, nerve: nerve.id, nerveName: nerve.name, roots: nerve.roots }]
      : [],
  );
  return {
    dermatomes: matchAll('dermatome', maps.dermatomes, bySide, total),
    nerves: matchAll('nerve', maps.nerves, bySide, total),
    entrapments,
  };
}
