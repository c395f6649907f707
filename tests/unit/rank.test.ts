/** rankMuscles / createRanker: the scoring rules on small hand-made records, and the API contract. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRanker, rankMuscles } from '../../src/core/rank.ts';
import { coverage, matchScore, specificity } from '../../src/core/rank-score.ts';
import { listWords } from '../../src/core/rank-explanation.ts';
import { buildRegionVocabulary, RegionIdError } from '../../src/core/regions.ts';
import type { MuscleRecord, RegionRef } from '../../src/core/schema.ts';

const regions = buildRegionVocabulary(
  JSON.parse(readFileSync('data/anatomy/landmarks.json', 'utf8')),
);

/** A valid record whose only interesting part is its referral zone. */
function muscle(id: string, essential: RegionRef[], spillover: RegionRef[] = []): MuscleRecord {
  return {
    id,
    name: id.replace(/_/g, ' '),
    latin: `Musculus ${id}`,
    aliases: [],
    fma: [22314],
    group: 'hip_thigh',
    layer: 'S',
    origin: 'somewhere',
    insertion: 'elsewhere',
    action: 'moves things',
    innervation: 'a nerve',
    triggerPoints: [
      {
        id: `${id}.trp1`,
        label: 'Central TrP',
        kind: 'central',
        at: { along: 0.5 },
        locate: 'Press the middle.',
      },
    ],
    referral: { essential, spillover },
    symptoms: ['pain'],
    mimics: [],
    perpetuatingFactors: [],
    selfCare: [
      {
        kind: 'stretch',
        title: 'Stretch',
        tool: 'none',
        position: 'standing',
        steps: ['Stretch'],
        dose: '30 s',
        cautions: [],
      },
    ],
    cautions: [],
    redFlags: [],
    sources: [{ citation: 'A textbook, 1999, a publisher.' }],
  };
}

function rank(records: MuscleRecord[], spots: string[], limit?: number) {
  return rankMuscles({ muscles: records, regions }, spots, limit === undefined ? {} : { limit });
}

const ids = (rows: { muscle: string; side: string }[]) =>
  rows.map((row) => `${row.muscle}:${row.side}`);

describe('match score', () => {
  it('is 1 for a zone that is exactly the spots, all essential', () => {
    expect(matchScore(coverage(2, 2), specificity(2, 2))).toBe(1);
  });

  it('is 0 when nothing is explained and stays within 0..1', () => {
    expect(matchScore(0, 0)).toBe(0);
    for (const [c, s] of [
      [0.2, 0.9],
      [1, 0.05],
      [0.5, 0.5],
    ] as const) {
      expect(matchScore(c, s)).toBeGreaterThan(0);
      expect(matchScore(c, s)).toBeLessThan(1);
    }
  });

  it('weighs coverage above specificity', () => {
    expect(matchScore(0.9, 0.3)).toBeGreaterThan(matchScore(0.3, 0.9));
  });
});

describe('rankMuscles', () => {
  it('ranks an essential hit above a spillover hit of a zone the same size', () => {
    const rows = rank(
      [muscle('b_spill', ['heel'], ['buttock']), muscle('a_main', ['buttock'], ['heel'])],
      ['buttock:right'],
    );
    expect(ids(rows)).toEqual(['a_main:right', 'b_spill:right']);
    expect(rows[0]?.explains).toEqual([{ region: 'buttock:right', level: 'essential' }]);
    expect(rows[1]?.explains).toEqual([{ region: 'buttock:right', level: 'spillover' }]);
  });

  it('ranks a muscle that covers more of the spots higher', () => {
    const rows = rank(
      [muscle('one', ['buttock', 'calf']), muscle('two', ['buttock', 'posterior_thigh'])],
      ['buttock:right', 'posterior_thigh:right'],
    );
    expect(ids(rows)).toEqual(['two:right', 'one:right']);
    expect(rows[1]?.unexplained).toEqual(['posterior_thigh:right']);
  });

  it('ranks a specific zone above one that refers everywhere', () => {
    const everywhere = muscle('broad', ['temple', 'occiput', 'jaw', 'ear', 'cheek', 'orbit']);
    const rows = rank([everywhere, muscle('narrow', ['temple', 'eyebrow'])], ['temple:right']);
    expect(ids(rows)).toEqual(['narrow:right', 'broad:right']);
    expect(rows[0]?.score).toBeGreaterThan(rows[1]?.score ?? 1);
  });

  it('leaves out muscles that explain no spot and resolves each side', () => {
    const rows = rank(
      [muscle('piriformis', ['buttock']), muscle('soleus', ['heel'])],
      ['buttock:left'],
    );
    expect(ids(rows)).toEqual(['piriformis:left']);
  });

  it('breaks ties by muscle id, then side', () => {
    const rows = rank([muscle('zeta', ['sacrum']), muscle('alpha', ['sacrum'])], ['sacrum']);
    expect(ids(rows)).toEqual(['alpha:left', 'alpha:right', 'zeta:left', 'zeta:right']);
    expect(new Set(rows.map((row) => row.score)).size).toBe(1);
  });

  it('follows references to the opposite side', () => {
    const rows = rank(
      [muscle('cross', ['flank', { region: 'flank', side: 'opposite' }])],
      ['flank:left'],
    );
    expect(ids(rows)).toEqual(['cross:left', 'cross:right']);
  });

  it('counts a region listed at both levels as essential', () => {
    const rows = rank([muscle('both', ['calf'], ['calf'])], ['calf:right']);
    expect(rows[0]?.explains).toEqual([{ region: 'calf:right', level: 'essential' }]);
    expect(rows[0]?.score).toBe(1);
  });

  it('explains the match in one plain line', () => {
    const piriformis = muscle(
      'piriformis',
      ['sacroiliac_joint', 'buttock', 'greater_trochanter'],
      ['posterior_thigh'],
    );
    const [row] = rank(
      [piriformis],
      ['posterior_thigh:right', 'buttock:right', 'sacroiliac_joint:right', 'heel:left'],
    );
    expect(row?.explanation).toBe(
      'Refers to 3 of your 4 spots: right sacroiliac joint and right buttock (main zone), back of the right thigh (spillover); not to left heel.',
    );
    expect(rank([piriformis], ['buttock:right'])[0]?.explanation).toBe(
      'Refers to your spot: right buttock (main zone).',
    );
  });

  it('lists spots in body order and counts a repeated spot once', () => {
    const [row] = rank(
      [muscle('m', ['buttock', 'sacrum'])],
      ['buttock:right', 'sacrum', 'buttock:right'],
    );
    expect(row?.explains.map((spot) => spot.region)).toEqual(['sacrum', 'buttock:right']);
    expect(row?.explanation).toMatch(/^Refers to 2 of your 2 spots/);
  });

  it('keeps the best N with limit, and rejects a bad limit', () => {
    const records = [muscle('a', ['sacrum']), muscle('b', ['sacrum', 'coccyx'])];
    expect(ids(rank(records, ['sacrum'], 1))).toEqual(['a:left']);
    expect(() => rank(records, ['sacrum'], 0)).toThrow(RangeError);
    expect(() => rank(records, ['sacrum'], 1.5)).toThrow(RangeError);
  });

  it('rejects region ids the vocabulary lacks, with a suggestion', () => {
    const ranker = createRanker({ muscles: [muscle('a', ['sacrum'])], regions });
    expect(() => ranker.rank(['butock:right'])).toThrow(RegionIdError);
    expect(() => ranker.rank(['butock:right'])).toThrow(/did you mean "buttock:right"/);
    expect(() => ranker.rank(['buttock'])).toThrow(/is paired/);
  });

  it('returns nothing for no spots', () => {
    expect(rank([muscle('a', ['sacrum'])], [])).toEqual([]);
  });

  it('reads a Dataset-shaped Map of records as well as an array', () => {
    const records = [muscle('a', ['sacrum'])];
    const fromMap = rankMuscles({ muscles: new Map(records.map((r) => [r.id, r])), regions }, [
      'sacrum',
    ]);
    expect(fromMap).toEqual(rank(records, ['sacrum']));
  });
});

describe('listWords', () => {
  it('joins with commas and a final "and"', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b'])).toBe('a and b');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
