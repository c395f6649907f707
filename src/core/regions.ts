/**
 * The body-region vocabulary (docs/landmarks.md): landmark ids, the region ids derived from them
 * (`sacrum`, `buttock:left`, `buttock:right`), plain-word labels and body areas.
 * Records name regions by landmark id for the person's right side; these helpers turn such a
 * reference into a full region id for either side.
 */
import { z } from 'zod';
import bundledRegionNames from '../../data/anatomy/region-names.json' with { type: 'json' };
import { describeIssues, joinPath } from './issues.ts';
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

const landmarkId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case');

/** data/anatomy/landmarks.json as written by the model builder; only `surface` matters here. */
export const LandmarksFile = z.object({
  about: z.string().optional(),
  surface: z.record(
    landmarkId,
    z.object({
      at: z.tuple([z.number(), z.number(), z.number()]),
      segment: z.string().min(1),
      midline: z.boolean(),
    }),
  ),
  anchors: z.unknown().optional(),
});

/** data/anatomy/region-names.json: plain names and areas for the landmarks.md ids, in that order. */
export const RegionNamesFile = z.strictObject({
  about: z.string().optional(),
  landmarks: z.record(
    landmarkId,
    z.strictObject({
      name: z.string().min(2),
      area: z.enum(bodyAreas),
      midline: z.literal(true).optional(),
      /** How to say the region with a side, e.g. "back of the {side} thigh"; default "{side} <name>". */
      sided: z.string().includes('{side}').optional(),
    }),
  ),
});
export type RegionNamesFile = z.infer<typeof RegionNamesFile>;

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

export type VocabularyResult =
  { ok: true; vocabulary: RegionVocabulary; warnings: string[] } | { ok: false; errors: string[] };

export interface VocabularyFiles {
  landmarks?: string;
  names?: string;
}

const defaultFiles = {
  landmarks: 'data/anatomy/landmarks.json',
  names: 'data/anatomy/region-names.json',
};

/** Segment of the canonical body -> area, for landmarks that region-names.json does not name yet. */
function areaOfSegment(segment: string, at: readonly number[]): BodyArea {
  if (segment === 'head') return 'Head and face';
  if (segment === 'neck') return 'Neck';
  if (['upper_arm', 'forearm', 'hand'].includes(segment)) return 'Shoulder and arm';
  if (['thigh', 'leg', 'foot'].includes(segment)) return 'Hip and leg';
  // The body faces +Z, so a trunk point in front of the frontal plane is on the front.
  return (at[2] ?? 0) > 0 ? 'Trunk, front' : 'Trunk, back';
}

/**
 * Validates landmarks.json (and the region names) and builds the vocabulary, reporting every
 * problem: malformed files, landmarks.md ids missing from landmarks.json, midline disagreements.
 */
export function readRegionVocabulary(
  landmarksJson: unknown,
  namesJson: unknown = bundledRegionNames,
  files: VocabularyFiles = {},
): VocabularyResult {
  const landmarksFile = files.landmarks ?? defaultFiles.landmarks;
  const namesFile = files.names ?? defaultFiles.names;
  const errors: string[] = [];
  const warnings: string[] = [];
  const landmarksParse = LandmarksFile.safeParse(landmarksJson);
  const namesParse = RegionNamesFile.safeParse(namesJson);
  if (!landmarksParse.success) {
    for (const { path, message } of describeIssues(
      landmarksParse.error,
      landmarksJson,
      LandmarksFile,
    )) {
      errors.push(`${landmarksFile}: ${joinPath('', path) || '(top level)'}: ${message}`);
    }
  }
  if (!namesParse.success) {
    for (const { path, message } of describeIssues(namesParse.error, namesJson, RegionNamesFile)) {
      errors.push(`${namesFile}: ${joinPath('', path) || '(top level)'}: ${message}`);
    }
  }
  if (!landmarksParse.success || !namesParse.success) return { ok: false, errors };

  const surface = landmarksParse.data.surface;
  const names = namesParse.data.landmarks;
  const landmarks = new Map<string, Landmark>();
  for (const [id, named] of Object.entries(names)) {
    const point = surface[id];
    if (point === undefined) {
      errors.push(
        `${landmarksFile}: surface: missing landmark "${id}" (docs/landmarks.md)${didYouMean(
          id,
          Object.keys(surface).filter((k) => !(k in names)),
        )}`,
      );
      continue;
    }
    const midline = named.midline ?? false;
    if (point.midline !== midline) {
      errors.push(
        `${landmarksFile}: surface.${id}.midline: is ${point.midline}, but docs/landmarks.md has "${id}" as ${midline ? 'midline' : 'paired'}`,
      );
    }
    landmarks.set(id, {
      id,
      name: named.name,
      sidedName: named.sided ?? `{side} ${named.name}`,
      area: named.area,
      midline,
      at: point.at,
      segment: point.segment,
    });
  }
  for (const [id, point] of Object.entries(surface)) {
    if (landmarks.has(id) || id in names) continue;
    warnings.push(`${namesFile}: no name for landmark "${id}" (using "${id.replace(/_/g, ' ')}")`);
    const name = id.replace(/_/g, ' ');
    landmarks.set(id, {
      id,
      name,
      sidedName: `{side} ${name}`,
      area: areaOfSegment(point.segment, point.at),
      midline: point.midline,
      at: point.at,
      segment: point.segment,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const regionIds = [...landmarks.values()].flatMap((landmark) =>
    landmark.midline ? [landmark.id] : sides.map((side) => regionId(landmark.id, side)),
  );
  const regionIndex = new Map(regionIds.map((id, index) => [id, index]));
  return { ok: true, vocabulary: { landmarks, regionIds, regionIndex }, warnings };
}

/** Thrown by buildRegionVocabulary; `problems` lists every message. */
export class RegionDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'RegionDataError';
  }
}

/** The vocabulary from landmarks.json (and names, default the bundled region-names.json); throws RegionDataError. */
export function buildRegionVocabulary(landmarksJson: unknown, names?: unknown): RegionVocabulary {
  const result = readRegionVocabulary(landmarksJson, names ?? bundledRegionNames);
  if (!result.ok) throw new RegionDataError(result.errors);
  return result.vocabulary;
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

let bundledAreas: ReadonlyMap<string, BodyArea> | null = null;
/** Read on first use: parsing the bundled names on import would cost every page start ~10 ms. */
function areasOfBundledNames(): ReadonlyMap<string, BodyArea> {
  bundledAreas ??= new Map(
    Object.entries(RegionNamesFile.parse(bundledRegionNames).landmarks).map(([id, named]) => [
      id,
      named.area,
    ]),
  );
  return bundledAreas;
}

/**
 * The body area a region belongs to, for grouped lists (docs/landmarks.md headings).
 * Landmarks outside landmarks.md are found through `vocabulary`; undefined when unknown.
 */
export function regionArea(id: string, vocabulary?: RegionVocabulary): BodyArea | undefined {
  const landmark = id.split(':')[0] ?? id;
  return vocabulary?.landmarks.get(landmark)?.area ?? areasOfBundledNames().get(landmark);
}
