/**
 * How strong a marked spot is and what it feels like (src/core/painDetails.ts): the link's
 * `region@7:burning` syntax, the ranking's weights, and the nerve-like qualities. The ranking
 * weighs spots by strength: a strong spot pulls the muscles that refer there up.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatSpot,
  keptDetails,
  nerveLikeSpots,
  parseSpot,
  spotWeights,
  type PainDetails,
} from '../../src/core/painDetails.ts';
import { createRanker } from '../../src/core/rank.ts';
import { realDataset } from './rank-data.ts';

describe('a spot as a link writes it', () => {
  it('reads region, intensity and quality, in either order after "@"', () => {
    expect(parseSpot('buttock:right')).toEqual({ ok: true, region: 'buttock:right', detail: null });
    expect(parseSpot(' Calf:Left@Tingling:3 ')).toEqual({
      ok: true,
      region: 'calf:left',
      detail: { intensity: 3, quality: 'tingling' },
    });
    expect(parseSpot('sacrum@0')).toEqual({
      ok: true,
      region: 'sacrum',
      detail: { intensity: 0, quality: null },
    });
  });

  it('says what is wrong with a rating it cannot read', () => {
    for (const bad of ['sacrum@11', 'sacrum@-1', 'sacrum@sore', 'sacrum@2.5', 'sacrum@1@2']) {
      const parsed = parseSpot(bad);
      expect(parsed.ok, bad).toBe(false);
      expect(parsed.region).toBe('sacrum');
    }
  });

  it('writes back what it reads, and an unrated spot bare', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom(null, 'aching', 'deep', 'burning', 'electric', 'tingling' as const),
        (intensity, quality) => {
          const text = formatSpot('calf:left', { intensity, quality });
          const parsed = parseSpot(text);
          expect(parsed).toEqual({
            ok: true,
            region: 'calf:left',
            detail: intensity === 5 && quality === null ? null : { intensity, quality },
          });
        },
      ),
    );
    expect(formatSpot('calf:left', undefined)).toBe('calf:left');
  });
});

describe('weights and qualities', () => {
  it('weighs each spot by its strength relative to the strongest; unrated spots as 5', () => {
    const details: PainDetails = {
      a: { intensity: 8, quality: null },
      b: { intensity: 2, quality: 'burning' },
      c: { intensity: 0, quality: null },
    };
    expect(spotWeights(['a', 'b', 'c', 'd'], details)).toEqual(
      new Map([
        ['a', 1],
        ['b', 0.25],
        ['c', 0],
        ['d', 5 / 8],
      ]),
    );
    // nothing rated, or everything 0: every spot counts alike
    expect([...spotWeights(['a', 'b'], {}).values()]).toEqual([1, 1]);
    expect([...spotWeights(['c'], details).values()]).toEqual([1]);
  });

  it('finds the spots described as burning, electric or tingling', () => {
    const details: PainDetails = {
      a: { intensity: 5, quality: 'aching' },
      b: { intensity: 5, quality: 'electric' },
      c: { intensity: 2, quality: 'tingling' },
    };
    expect(nerveLikeSpots(['a', 'b', 'c', 'd'], details)).toEqual(['b', 'c']);
  });

  it('keeps only ratings of marked spots that differ from unrated', () => {
    expect(
      keptDetails(['a', 'b'], {
        a: { intensity: 5, quality: null },
        b: { intensity: 6, quality: null },
        gone: { intensity: 9, quality: 'deep' },
      }),
    ).toEqual({ b: { intensity: 6, quality: null } });
  });
});

describe('the ranking weighs spots by intensity', () => {
  const ranker = createRanker(realDataset());
  const spots = ['posterior_thigh:right', 'lateral_leg:right', 'heel:right'];

  it('ranks exactly as unweighted when all spots are rated alike', () => {
    const plain = ranker.rank(spots, { limit: 10 });
    const rated = keptDetails(
      spots,
      Object.fromEntries(spots.map((spot) => [spot, { intensity: 7, quality: null }])),
    );
    expect(ranker.rank(spots, { limit: 10, weights: spotWeights(spots, rated) })).toEqual(plain);
  });

  it('puts the muscles of a strong spot above those of a faint one', () => {
    const heelStrong = spotWeights(spots, {
      'heel:right': { intensity: 9, quality: null },
      'posterior_thigh:right': { intensity: 1, quality: null },
      'lateral_leg:right': { intensity: 1, quality: null },
    });
    const thighStrong = spotWeights(spots, {
      'heel:right': { intensity: 1, quality: null },
      'posterior_thigh:right': { intensity: 9, quality: null },
      'lateral_leg:right': { intensity: 1, quality: null },
    });
    const refersTo = (region: string) => (row: { explains: { region: string }[] }) =>
      row.explains.some((spot) => spot.region === region);
    const heelFirst = ranker.rank(spots, { limit: 1, weights: heelStrong })[0]!;
    const thighFirst = ranker.rank(spots, { limit: 1, weights: thighStrong })[0]!;
    expect(refersTo('heel:right')(heelFirst)).toBe(true);
    expect(refersTo('posterior_thigh:right')(thighFirst)).toBe(true);
    expect(heelFirst.muscle).not.toBe(thighFirst.muscle);
  });

  it('leaves out a muscle that explains only spots rated 0', () => {
    const weights = spotWeights(['heel:right', 'temple:right'], {
      'temple:right': { intensity: 0, quality: null },
      'heel:right': { intensity: 6, quality: null },
    });
    const rows = ranker.rank(['heel:right', 'temple:right'], { weights });
    expect(rows.every((row) => row.explains.some((spot) => spot.region === 'heel:right'))).toBe(
      true,
    );
  });

  it('refuses a weight outside 0..1', () => {
    expect(() => ranker.rank(['heel:right'], { weights: new Map([['heel:right', 2]]) })).toThrow(
      /must be in 0..1/,
    );
  });
});
