/**
 * The body-region vocabulary (docs/landmarks.md) as read from its files: landmarks.json and the
 * region names, checked with zod, and the body area of a landmark. The ids and lookups themselves
 * are in regionIds.ts (no zod), re-exported here.
 */
import { z } from 'zod';
import bundledRegionNames from '../../data/anatomy/region-names.json' with { type: 'json' };
import { describeIssues, joinPath } from './issues.ts';
import { didYouMean } from './suggest.ts';
import {
  bodyAreas,
  vocabularyOf,
  type BodyArea,
  type Landmark,
  type RegionVocabulary,
} from './regionIds.ts';

// the parts without zod, for code that only looks regions up (the 3D view's worker, the panels)
export * from './regionIds.ts';

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
      /**
       * A finer region the project added beyond docs/landmarks.md (that list may grow, never
       * shrink): a landmarks.json from before it, which lacks it, still reads.
       */
      added: z.literal(true).optional(),
    }),
  ),
});
export type RegionNamesFile = z.infer<typeof RegionNamesFile>;

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
    if (point === undefined && named.added) continue;
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

  return { ok: true, vocabulary: vocabularyOf(landmarks.values()), warnings };
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
