/**
 * The nerve maps (data/nerves/nerve-maps.json, src/core/nerves.ts): every dermatome and nerve
 * territory resolves to known regions, and a pain drawing is matched to the root or nerve it
 * follows, beside the muscle ranking, as a clinician compares a pain drawing with the maps.
 */
import { describe, expect, it } from 'vitest';
import { readNerveMaps } from '../../scripts/read-data.ts';
import { checkNerveMaps, matchNerves, type NerveMaps } from '../../src/core/nerves.ts';
import { createRanker } from '../../src/core/rank.ts';
import { realDataset } from './rank-data.ts';

function shippedMaps(): NerveMaps {
  const result = readNerveMaps(realDataset());
  if (!result?.ok) throw new Error(`nerve maps do not load: ${result?.errors.join('\n')}`);
  return result.maps;
}

describe('the nerve maps file', () => {
  it('checks clean: every area names known regions, every entrapping muscle is in the dataset', () => {
    const result = readNerveMaps(realDataset());
    expect(result?.ok ? [] : result?.errors).toEqual([]);
  });

  it('has the dermatomes C2 to S4, in order, and the nerves the issue names', () => {
    const maps = shippedMaps();
    const roots = [
      ...['C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'],
      ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
      ...['L1', 'L2', 'L3', 'L4', 'L5', 'S1', 'S2', 'S3', 'S4'],
    ];
    expect(maps.dermatomes.map((d) => d.id)).toEqual(roots);
    const nerves = maps.nerves.map((n) => n.id);
    for (const id of [
      'sciatic',
      'tibial',
      'common_fibular',
      'superficial_fibular',
      'deep_fibular',
      'sural',
      'femoral',
      'lateral_femoral_cutaneous',
      'obturator',
      'median',
      'ulnar',
      'radial',
      'greater_occipital',
      'lesser_occipital',
    ])
      expect(nerves).toContain(id);
    // every nerve's roots are dermatomes of the file
    for (const nerve of maps.nerves) for (const root of nerve.roots) expect(roots).toContain(root);
  });

  it('names each problem with its place: unknown region, duplicate, unknown muscle, bad root', () => {
    const dataset = realDataset();
    const maps = shippedMaps();
    const broken = structuredClone(maps) as { dermatomes: unknown[]; nerves: unknown[] };
    broken.dermatomes.push({ id: 'L5', name: 'again', regions: ['lateral_lge'] });
    broken.nerves.push({
      id: 'made_up',
      name: 'made-up nerve',
      roots: ['L5'],
      regions: ['lateral_leg'],
      entrappedBy: ['piriformus'],
    });
    const result = checkNerveMaps(broken, dataset.regions, new Set(dataset.muscles.keys()), 'f');
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContain('f: dermatomes[28] (L5): duplicate id "L5"');
    expect(
      errors.some((e) => e.includes('unknown region "lateral_lge" (did you mean "lateral_leg"?)')),
    ).toBe(true);
    expect(errors).toContain(
      'f: nerves[15] (made_up): unknown muscle "piriformus" (did you mean "piriformis"?)',
    );
    const badRoot = checkNerveMaps(
      { ...maps, dermatomes: [{ id: 'X9', name: 'nowhere', regions: ['calf'] }] },
      dataset.regions,
      new Set(dataset.muscles.keys()),
      'f',
    );
    expect(badRoot.ok ? [] : badRoot.errors).toEqual(['f: dermatomes[0].id: must be C2-S4']);
    expect(checkNerveMaps(null, dataset.regions, new Set(), 'f').ok).toBe(false);
  });
});

describe('matching a pain drawing', () => {
  it('a drawing on the L5 dermatome (outer leg, top of the foot, big toe) reports L5 first', () => {
    const spots = ['lateral_leg:right', 'dorsum_of_foot:right', 'big_toe:right'];
    const match = matchNerves(spots, shippedMaps());
    expect(match.dermatomes[0]).toMatchObject({ id: 'L5', side: 'right' });
    expect(match.dermatomes[0]?.spots).toEqual(spots);
    // the nerve it runs in comes first among the nerves
    expect(match.nerves[0]?.id).toMatch(/fibular|sciatic/);
  });

  it('a drawing along the outer thigh fits the lateral femoral cutaneous nerve best', () => {
    const match = matchNerves(['lateral_thigh:left'], shippedMaps());
    expect(match.nerves[0]).toMatchObject({ id: 'lateral_femoral_cutaneous', side: 'left' });
    expect(match.nerves[0]?.score).toBe(1);
  });

  it('the classic piriformis pattern ranks piriformis first and notes the sciatic nerve (S1)', () => {
    const spots = [
      'sacroiliac_joint:left',
      'buttock:left',
      'greater_trochanter:left',
      'posterior_thigh:left',
    ];
    const ranking = createRanker(realDataset()).rank(spots, { limit: 5 });
    expect(ranking[0]?.muscle).toBe('piriformis');
    const match = matchNerves(spots, shippedMaps(), ranking[0]?.muscle);
    const sciatic = match.entrapments.find((note) => note.nerve === 'sciatic');
    expect(sciatic).toMatchObject({ muscle: 'piriformis' });
    expect(sciatic?.roots).toContain('S1');
    // the back of the thigh is S2's skin: the drawing also follows a root
    expect(match.dermatomes.map((d) => d.id)).toContain('S2');
  });

  it('a drawing away from any listed area matches nothing, and notes no entrapment', () => {
    const match = matchNerves(['forehead:right'], shippedMaps(), 'frontalis');
    expect(match).toEqual({ dermatomes: [], nerves: [], entrapments: [] });
  });

  it('a midline spot counts once, not once per side', () => {
    const match = matchNerves(['coccyx'], shippedMaps());
    expect(match.dermatomes.map((d) => d.id)).toEqual(['S4']);
    // and names no side: the coccyx is neither side's
    expect(match.dermatomes[0]?.side).toBeNull();
  });

  it('scores are between 0 and 1 and sorted best first', () => {
    const match = matchNerves(
      ['calf:right', 'heel:right', 'sole:right', 'lateral_foot:left'],
      shippedMaps(),
    );
    for (const list of [match.dermatomes, match.nerves]) {
      for (const row of list) expect(row.score).toBeGreaterThan(0);
      for (const row of list) expect(row.score).toBeLessThanOrEqual(1);
      const scores = list.map((row) => row.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(match.dermatomes[0]).toMatchObject({ id: 'S1', side: 'right' });
  });
});
