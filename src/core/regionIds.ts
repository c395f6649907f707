/**
 * Body-region ids and lookups (docs/landmarks.md): landmark ids, the region ids derived from them
 * (`sacrum`, `buttock:left`, `buttock:right`), plain-word labels. Records name regions by landmark
 * id for the person's right side; these helpers turn such a reference into a full region id for
 * either side. No zod here: reading the files is regions.ts's work.
 */
import type { RegionRef } from './schema.ts';
import { didYouMean } from './suggest.ts';

export type Side = 'left' | 'right';
export const sides: readonly Side[] = ['left', 'right'];

/** Body areas in docs/landmarks.md order, used to group region lists. */
export const bodyAreas = [
  'Head and face',
  'Neck',
  'Trunk, front',
  'Trunk, back',
  'Shoulder and arm',
  'Hip and leg',
] as const;
export type BodyArea = (typeof bodyAreas)[number];

export interface Landmark {
  id: string;
  /** Plain words without a side, e.g. "back of the thigh". */
  name: string;
  /** Template with `{side}` for paired landmarks, e.g. "back of the {side} thigh". */
  sidedName: string;
  area: BodyArea;
  midline: boolean;
  /** Position on the left side (or the midline) in the canonical frame, metres. */
  at: readonly [number, number, number];
  segment: string;
}

export interface RegionVocabulary {
  /** landmarks.md order, then any extra landmarks in landmarks.json order. */
  landmarks: ReadonlyMap<string, Landmark>;
  /** Every region id: landmark order, `:left` before `:right` for paired landmarks. */
  regionIds: readonly string[];
  /** Position of each region id in `regionIds`: a compact index for per-vertex attributes. */
  regionIndex: ReadonlyMap<string, number>;
}

/** The vocabulary over landmarks already checked: lookups and the region ids, in order. */
export function vocabularyOf(landmarkList: Iterable<Landmark>): RegionVocabulary {
  const landmarks = new Map([...landmarkList].map((landmark) => [landmark.id, landmark]));
  const regionIds = [...landmarks.values()].flatMap((landmark) =>
    landmark.midline ? [landmark.id] : sides.map((side) => regionId(landmark.id, side)),
  );
  const regionIndex = new Map(regionIds.map((id, index) => [id, index]));
  return { landmarks, regionIds, regionIndex };
}

/** `buttock` + right -> `buttock:right`; a midline landmark (side null) is its own region id. */
export function regionId(landmark: string, side: Side | null): string {
  return side === null ? landmark : `${landmark}:${side}`;
}

export interface ParsedRegionId {
  landmark: string;
  side: Side | null;
}

export type RegionIdProblem =
  'malformed' | 'unknown-side' | 'unknown-landmark' | 'side-on-midline' | 'missing-side';

export class RegionIdError extends Error {
  constructor(
    readonly problem: RegionIdProblem,
    readonly text: string,
    message: string,
  ) {
    super(message);
    this.name = 'RegionIdError';
  }
}

/**
 * Reads a region id (`sacrum`, `buttock:left`). Without a vocabulary only the syntax is checked;
 * with one, the landmark must exist and carry a side exactly when it is paired.
 */
export function parseRegionId(
  text: string,
  vocabulary?: RegionVocabulary,
): ParsedRegionId | RegionIdError {
  const match = /^([a-z][a-z0-9_]*)(?::([a-z]+))?$/.exec(text);
  if (match === null) {
    const hint = vocabulary ? didYouMean(text, vocabulary.regionIds) : '';
    return new RegionIdError('malformed', text, `malformed region id "${text}"${hint}`);
  }
  const landmark = match[1] ?? '';
  const sideText = match[2];
  if (sideText !== undefined && sideText !== 'left' && sideText !== 'right') {
    return new RegionIdError(
      'unknown-side',
      text,
      `unknown side "${sideText}" in "${text}" (use "left" or "right")`,
    );
  }
  const side: Side | null = sideText ?? null;
  if (vocabulary === undefined) return { landmark, side };
  const known = vocabulary.landmarks.get(landmark);
  if (known === undefined) {
    const hint =
      didYouMean(text, vocabulary.regionIds) || didYouMean(landmark, vocabulary.landmarks.keys());
    return new RegionIdError('unknown-landmark', text, `unknown region "${text}"${hint}`);
  }
  if (known.midline && side !== null) {
    return new RegionIdError(
      'side-on-midline',
      text,
      `"${landmark}" is on the midline and has no side: write "${landmark}"`,
    );
  }
  if (!known.midline && side === null) {
    return new RegionIdError(
      'missing-side',
      text,
      `"${landmark}" is paired: write "${landmark}:left" or "${landmark}:right"`,
    );
  }
  return { landmark, side };
}

export function oppositeSide(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}

/** The same place on the other side: `buttock:left` <-> `buttock:right`; midline ids map to themselves. */
export function mirrorRegionId(id: string): string {
  const parsed = parseRegionId(id);
  if (parsed instanceof RegionIdError || parsed.side === null) return id;
  return regionId(parsed.landmark, oppositeSide(parsed.side));
}

/** The landmark a reference names, whatever its form. */
export function refLandmark(ref: RegionRef): string {
  return typeof ref === 'string' ? ref : ref.region;
}

/**
 * The full region id a record's reference means for a muscle on `muscleSide`: a plain id is on the
 * muscle's side, `{ side: "opposite" }` on the other; midline landmarks have no side.
 * Throws RegionIdError for a landmark the vocabulary lacks (a validated dataset has none).
 */
export function resolveRegionRef(
  ref: RegionRef,
  muscleSide: Side,
  vocabulary: RegionVocabulary,
): string {
  const landmark = vocabulary.landmarks.get(refLandmark(ref));
  if (landmark === undefined) {
    throw new RegionIdError(
      'unknown-landmark',
      refLandmark(ref),
      `unknown region "${refLandmark(ref)}"`,
    );
  }
  if (landmark.midline) return landmark.id;
  const opposite = typeof ref !== 'string' && ref.side === 'opposite';
  return regionId(landmark.id, opposite ? oppositeSide(muscleSide) : muscleSide);
}

/** Plain words for a region id with the person's side: "right buttock", "back of the left thigh", "sacrum". */
export function regionLabel(id: string, vocabulary: RegionVocabulary): string {
  const parsed = parseRegionId(id);
  if (parsed instanceof RegionIdError) return id;
  const landmark = vocabulary.landmarks.get(parsed.landmark);
  if (landmark === undefined) return id;
  if (parsed.side === null || landmark.midline) return landmark.name;
  return landmark.sidedName.replace('{side}', parsed.side);
}
