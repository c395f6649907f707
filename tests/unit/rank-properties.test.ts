/**
 * Properties of the ranking over the real dataset and random sets of pain spots (fast-check):
 * essential spots never lower a score, mirroring, order independence, determinism, limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRanker, type RankedMuscle } from '../../src/core/rank.ts';
import { referralRegions } from '../../src/core/referral.ts';
import { mirrorRegionId, oppositeSide, sides } from '../../src/core/regions.ts';
import { realDataset } from './rank-data.ts';

const dataset = realDataset();
const ranker = createRanker(dataset);
const regionIds = dataset.regions.regionIds;
const muscleIds = [...dataset.muscles.keys()];

const spotSets = fc.uniqueArray(fc.constantFrom(...regionIds), { minLength: 1, maxLength: 10 });
const runs = { numRuns: 300 };

/** The rows without the sentence, whose words for sides differ between mirror images. */
function facts(rows: readonly RankedMuscle[]) {
  return rows.map(({ explanation: _explanation, ...row }) => row);
}

function scoreOf(rows: readonly RankedMuscle[], muscle: string, side: string): number {
  return rows.find((row) => row.muscle === muscle && row.side === side)?.score ?? 0;
}

const bodyPosition = (id: string): number => dataset.regions.regionIndex.get(id) ?? 0;

/** What the ranking should say about the mirror image: other side, mirrored spots in body order. */
function mirrorRow(row: ReturnType<typeof facts>[number]) {
  return {
    ...row,
    side: oppositeSide(row.side),
    explains: row.explains
      .map((spot) => ({ ...spot, region: mirrorRegionId(spot.region) }))
      .sort((a, b) => bodyPosition(a.region) - bodyPosition(b.region)),
    unexplained: row.unexplained
      .map(mirrorRegionId)
      .sort((a, b) => bodyPosition(a) - bodyPosition(b)),
  };
}

/** The ranking's order: score, then muscle id, then side. */
function rankOrder(a: RankedMuscle | ReturnType<typeof mirrorRow>, b: typeof a): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.muscle !== b.muscle) return a.muscle < b.muscle ? -1 : 1;
  return a.side < b.side ? -1 : a.side > b.side ? 1 : 0;
}

describe('ranking properties on the real data', () => {
  it('never lowers a muscle’s score when a spot is added inside its essential zone', () => {
    const cases = fc.record({
      spots: spotSets,
      muscle: fc.constantFrom(...muscleIds),
      side: fc.constantFrom(...sides),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(cases, ({ spots, muscle, side, pick }) => {
        const record = dataset.muscles.get(muscle);
        if (record === undefined) return;
        const essential = referralRegions(record, side, dataset.regions).essential;
        const added = essential[pick % essential.length] ?? '';
        const before = scoreOf(ranker.rank(spots), muscle, side);
        const after = scoreOf(ranker.rank([...spots, added]), muscle, side);
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('mirrors: mirroring every spot mirrors the ranking', () => {
    fc.assert(
      fc.property(spotSets, (spots) => {
        const mirrored = facts(ranker.rank(spots.map(mirrorRegionId)));
        const expected = facts(ranker.rank(spots)).map(mirrorRow).sort(rankOrder);
        expect(mirrored).toEqual(expected);
      }),
      runs,
    );
  });

  it('does not depend on the order or repetition of the spots', () => {
    fc.assert(
      fc.property(
        spotSets.chain((spots) =>
          fc.tuple(fc.constant(spots), fc.shuffledSubarray(spots, { minLength: spots.length })),
        ),
        ([spots, shuffled]) => {
          expect(ranker.rank([...shuffled, ...shuffled.slice(0, 2)])).toEqual(ranker.rank(spots));
        },
      ),
      runs,
    );
  });

  it('is deterministic: a fresh ranker gives the same result, call after call', () => {
    const fresh = createRanker(dataset);
    fc.assert(
      fc.property(spotSets, (spots) => {
        const first = ranker.rank(spots);
        expect(ranker.rank(spots)).toEqual(first);
        expect(fresh.rank(spots)).toEqual(first);
      }),
      runs,
    );
  });

  it('lists only explaining muscles, best first, each spot exactly once', () => {
    fc.assert(
      fc.property(spotSets, (spots) => {
        const rows = ranker.rank(spots);
        rows.forEach((row, i) => {
          expect(row.score).toBeGreaterThan(0);
          expect(row.score).toBeLessThanOrEqual(1);
          expect(row.explains.length).toBeGreaterThan(0);
          const covered = [...row.explains.map((spot) => spot.region), ...row.unexplained];
          expect(covered.sort()).toEqual([...spots].sort());
          const next = rows[i + 1];
          if (next !== undefined) expect(next.score).toBeLessThanOrEqual(row.score);
        });
      }),
      runs,
    );
  });

  it('with a limit, returns the head of the full ranking', () => {
    fc.assert(
      fc.property(spotSets, fc.integer({ min: 1, max: 20 }), (spots, limit) => {
        expect(ranker.rank(spots, { limit })).toEqual(ranker.rank(spots).slice(0, limit));
      }),
      { numRuns: 100 },
    );
  });
});
