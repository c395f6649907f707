/**
 * "Where it hurts": ranks every muscle × side by how well its referral zone explains the person's
 * pain spots (full region ids such as `buttock:right`, `sacrum`). Model: docs/ranking.md.
 * Pure and deterministic; `createRanker` builds the zone tables once so each ranking is cheap.
 */
import { explainMatch, type ExplainedSpot } from './rank-explanation.ts';
import { coverage, matchScore, specificity } from './rank-score.ts';
import { essentialIntensity, referralIntensities, type ZoneLevel } from './referral.ts';
import {
  parseRegionId,
  RegionIdError,
  sides,
  type RegionVocabulary,
  type Side,
} from './regionIds.ts';
import type { MuscleRecord } from './schema.ts';

/** Just what ranking needs from a Dataset: the records (a Map or an array) and the vocabulary. */
export interface RankInput {
  muscles: { values(): Iterable<MuscleRecord> };
  regions: RegionVocabulary;
}

export interface RankOptions {
  /** Keep only the best N results (a positive integer); all muscles that explain a spot by default. */
  limit?: number;
  /**
   * Spot -> weight in 0..1 (painDetails.ts spotWeights: strength relative to the strongest
   * spot); a spot without one weighs 1. Equal weights rank exactly as none.
   */
  weights?: ReadonlyMap<string, number>;
}

export interface RankedMuscle {
  muscle: string;
  side: Side;
  name: string;
  /** 0..1, higher explains the spots better (docs/ranking.md). */
  score: number;
  /** The spots this muscle refers to, in body order, with the zone level that covers each. */
  explains: ExplainedSpot[];
  /** The spots it does not refer to, in body order. */
  unexplained: string[];
  explanation: string;
}

export interface Ranker {
  /** Best first; muscles that explain none of the spots are left out. Throws RegionIdError for a bad id. */
  rank(spots: readonly string[], options?: RankOptions): RankedMuscle[];
}

/** One muscle on one side: its region -> weight table (1 essential, 0.5 spillover) and total. */
interface Zone {
  muscle: MuscleRecord;
  side: Side;
  weights: ReadonlyMap<string, number>;
  totalWeight: number;
}

interface ZoneHit {
  zone: number;
  weight: number;
}

/** Zones in a fixed order (records, then left before right), so ties and output never vary. */
function buildZones(input: RankInput): Zone[] {
  const zones: Zone[] = [];
  for (const muscle of input.muscles.values()) {
    for (const side of sides) {
      const weights = referralIntensities(muscle, side, input.regions);
      let totalWeight = 0;
      for (const weight of weights.values()) totalWeight += weight;
      zones.push({ muscle, side, weights, totalWeight });
    }
  }
  return zones;
}

/** Region -> the zones that cover it: a spot only visits the muscles that can explain it. */
function indexByRegion(zones: readonly Zone[]): Map<string, ZoneHit[]> {
  const index = new Map<string, ZoneHit[]>();
  zones.forEach((zone, i) => {
    for (const [region, weight] of zone.weights) {
      const hits = index.get(region) ?? [];
      hits.push({ zone: i, weight });
      index.set(region, hits);
    }
  });
  return index;
}

/** Distinct spots in body order (vocabulary order): the ranking cannot depend on input order. */
function canonicalSpots(spots: readonly string[], vocabulary: RegionVocabulary): string[] {
  const unique = new Set<string>();
  for (const spot of spots) {
    if (!vocabulary.regionIndex.has(spot)) throw invalidSpot(spot, vocabulary);
    unique.add(spot);
  }
  const position = (spot: string): number => vocabulary.regionIndex.get(spot) ?? 0;
  return [...unique].sort((a, b) => position(a) - position(b));
}

function invalidSpot(spot: string, vocabulary: RegionVocabulary): RegionIdError {
  const parsed = parseRegionId(spot, vocabulary);
  return parsed instanceof RegionIdError
    ? parsed
    : new RegionIdError('unknown-landmark', spot, `unknown region "${spot}"`);
}

function checkWeight(spot: string, weight: number): number {
  if (!(weight >= 0 && weight <= 1)) {
    throw new RangeError(`the weight of spot "${spot}" must be in 0..1, got ${weight}`);
  }
  return weight;
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return Infinity;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  return limit;
}

/** Score desc, then muscle id, then side: the order the issue fixes for ties. */
function compareRanked(a: { score: number; zone: Zone }, b: { score: number; zone: Zone }): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.zone.muscle.id !== b.zone.muscle.id) return a.zone.muscle.id < b.zone.muscle.id ? -1 : 1;
  return a.zone.side < b.zone.side ? -1 : a.zone.side > b.zone.side ? 1 : 0;
}

function describe(
  zone: Zone,
  score: number,
  spots: readonly string[],
  vocabulary: RegionVocabulary,
): RankedMuscle {
  const explains: ExplainedSpot[] = [];
  const unexplained: string[] = [];
  for (const spot of spots) {
    const weight = zone.weights.get(spot);
    if (weight === undefined) unexplained.push(spot);
    else {
      const level: ZoneLevel = weight >= essentialIntensity ? 'essential' : 'spillover';
      explains.push({ region: spot, level });
    }
  }
  return {
    muscle: zone.muscle.id,
    side: zone.side,
    name: zone.muscle.name,
    score,
    explains,
    unexplained,
    explanation: explainMatch(explains, unexplained, vocabulary),
  };
}

export function createRanker(input: RankInput): Ranker {
  const vocabulary = input.regions;
  const zones = buildZones(input);
  const index = indexByRegion(zones);
  return {
    rank(spots, options = {}) {
      const limit = checkLimit(options.limit);
      const canonical = canonicalSpots(spots, vocabulary);
      const explained = new Float64Array(zones.length);
      const touched: number[] = [];
      const seen = new Uint8Array(zones.length);
      let spotWeight = 0;
      for (const spot of canonical) {
        const strength = checkWeight(spot, options.weights?.get(spot) ?? 1);
        spotWeight += strength;
        for (const hit of index.get(spot) ?? []) {
          if (seen[hit.zone] === 0) {
            seen[hit.zone] = 1;
            touched.push(hit.zone);
          }
          explained[hit.zone] = (explained[hit.zone] ?? 0) + hit.weight * strength;
        }
      }
      const scored = touched.flatMap((i) => {
        const zone = zones[i] as Zone;
        const weight = explained[i] ?? 0;
        // only spots rated 0 in its zone: it explains none of the pain there is
        if (weight === 0) return [];
        const score = matchScore(
          coverage(weight, spotWeight),
          specificity(weight, zone.totalWeight),
        );
        return [{ zone, score }];
      });
      scored.sort(compareRanked);
      return scored
        .slice(0, limit)
        .map(({ zone, score }) => describe(zone, score, canonical, vocabulary));
    },
  };
}

/** One-off ranking; build a `createRanker` once instead when ranking repeatedly. */
export function rankMuscles(
  input: RankInput,
  spots: readonly string[],
  options?: RankOptions,
): RankedMuscle[] {
  return createRanker(input).rank(spots, options);
}
