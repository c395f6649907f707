import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildRegionVocabulary,
  mirrorRegionId,
  parseRegionId,
  readRegionVocabulary,
  regionId,
  regionLabel,
  RegionDataError,
  RegionIdError,
  resolveRegionRef,
} from '../../src/core/regions.ts';
import { fixtureLandmarks, fixtureRegionNames } from '../fixtures/dataset-fixture.ts';

const vocabulary = buildRegionVocabulary(fixtureLandmarks, fixtureRegionNames);

describe('region vocabulary', () => {
  it('lists every region in landmarks.md order, left before right, midline once', () => {
    expect(vocabulary.regionIds.slice(0, 5)).toEqual([
      'vertex',
      'forehead:left',
      'forehead:right',
      'eyebrow:left',
      'eyebrow:right',
    ]);
    expect(vocabulary.regionIds.at(-1)).toBe('lesser_toes:right');
    // 89 landmarks, 11 of them on the midline
    expect(vocabulary.regionIds).toHaveLength(11 + 78 * 2);
    expect(vocabulary.regionIndex.get('sacrum')).toBe(vocabulary.regionIds.indexOf('sacrum'));
  });

  it('uses the bundled region names when none are given', () => {
    expect(buildRegionVocabulary(fixtureLandmarks).regionIds).toEqual(vocabulary.regionIds);
  });

  it('reports a landmarks.md id missing from landmarks.json, with a suggestion', () => {
    const { surface } = fixtureLandmarks as { surface: Record<string, unknown> };
    const { buttock, ...rest } = surface;
    const result = readRegionVocabulary({ surface: { ...rest, butock: buttock } });
    expect(result).toEqual({
      ok: false,
      errors: [
        'data/anatomy/landmarks.json: surface: missing landmark "buttock" (docs/landmarks.md) (did you mean "butock"?)',
      ],
    });
  });

  it('reports a midline flag that disagrees with landmarks.md', () => {
    const { surface } = structuredClone(fixtureLandmarks) as {
      surface: Record<string, { midline: boolean }>;
    };
    surface.sacrum!.midline = false;
    const result = readRegionVocabulary({ surface });
    expect(result.ok ? [] : result.errors).toEqual([
      'data/anatomy/landmarks.json: surface.sacrum.midline: is false, but docs/landmarks.md has "sacrum" as midline',
    ]);
  });

  it('reports malformed landmarks with paths', () => {
    const result = readRegionVocabulary({ surface: { temple: { at: [0, 1], segment: 'head' } } });
    expect(result.ok ? [] : result.errors).toEqual([
      'data/anatomy/landmarks.json: surface.temple.at: Too small: expected array to have >=3 items',
      'data/anatomy/landmarks.json: surface.temple.midline: missing (expected boolean)',
    ]);
    expect(() => buildRegionVocabulary(null)).toThrow(RegionDataError);
  });

  it('reads landmarks from before the finer regions were added (nose, perineum, inner heel), and the current ones', () => {
    const before = readRegionVocabulary(fixtureLandmarks);
    expect(before.ok && before.vocabulary.landmarks.has('nose')).toBe(false);
    expect(before.ok && before.warnings).toEqual([]);
    const current = readRegionVocabulary(
      JSON.parse(readFileSync('data/anatomy/landmarks.json', 'utf8')) as unknown,
    );
    if (!current.ok) throw new Error(current.errors.join('\n'));
    expect(current.warnings).toEqual([]);
    expect(current.vocabulary.landmarks.get('nose')).toMatchObject({ name: 'nose', midline: true });
    expect(current.vocabulary.landmarks.get('perineum')).toMatchObject({ midline: true });
    expect(regionLabel('medial_heel:left', current.vocabulary)).toBe('inside of the left heel');
    expect(regionLabel('nose', current.vocabulary)).toBe('nose');
  });

  it('names an extra landmark from its id and warns', () => {
    const { surface } = structuredClone(fixtureLandmarks) as { surface: Record<string, unknown> };
    surface.nape_dimple = { at: [0.02, 1.5, -0.05], segment: 'neck', midline: false };
    const result = readRegionVocabulary({ surface });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.warnings).toEqual([
      'data/anatomy/region-names.json: no name for landmark "nape_dimple" (using "nape dimple")',
    ]);
    expect(result.vocabulary.regionIds.at(-1)).toBe('nape_dimple:right');
    expect(result.vocabulary.landmarks.get('nape_dimple')?.area).toBe('Neck');
  });
});

describe('region ids', () => {
  it('builds, parses and mirrors ids', () => {
    expect(regionId('buttock', 'left')).toBe('buttock:left');
    expect(regionId('sacrum', null)).toBe('sacrum');
    expect(parseRegionId('buttock:right')).toEqual({ landmark: 'buttock', side: 'right' });
    expect(parseRegionId('sacrum')).toEqual({ landmark: 'sacrum', side: null });
    expect(mirrorRegionId('buttock:left')).toBe('buttock:right');
    expect(mirrorRegionId('calf:right')).toBe('calf:left');
    expect(mirrorRegionId('sacrum')).toBe('sacrum');
  });

  it('rejects malformed ids and unknown sides with typed errors', () => {
    const malformed = parseRegionId('Buttock left');
    expect(malformed).toBeInstanceOf(RegionIdError);
    expect((malformed as RegionIdError).problem).toBe('malformed');
    expect((parseRegionId('buttock:up') as RegionIdError).message).toBe(
      'unknown side "up" in "buttock:up" (use "left" or "right")',
    );
  });

  it('checks ids against the vocabulary, with suggestions', () => {
    const messages = ['buttok:left', 'sacrum:left', 'buttock', 'Buttock:left'].map(
      (text) => (parseRegionId(text, vocabulary) as RegionIdError).message,
    );
    expect(messages).toEqual([
      'unknown region "buttok:left" (did you mean "buttock:left"?)',
      '"sacrum" is on the midline and has no side: write "sacrum"',
      '"buttock" is paired: write "buttock:left" or "buttock:right"',
      'malformed region id "Buttock:left" (did you mean "buttock:left"?)',
    ]);
    expect(parseRegionId('calf:left', vocabulary)).toEqual({ landmark: 'calf', side: 'left' });
  });
});

describe('resolving record references', () => {
  it('puts a plain reference on the muscle side and "opposite" on the other', () => {
    expect(resolveRegionRef('buttock', 'right', vocabulary)).toBe('buttock:right');
    expect(resolveRegionRef('buttock', 'left', vocabulary)).toBe('buttock:left');
    expect(resolveRegionRef({ region: 'buttock', side: 'opposite' }, 'right', vocabulary)).toBe(
      'buttock:left',
    );
    expect(resolveRegionRef({ region: 'buttock', side: 'same' }, 'left', vocabulary)).toBe(
      'buttock:left',
    );
  });

  it('gives midline landmarks no side', () => {
    expect(resolveRegionRef('sacrum', 'left', vocabulary)).toBe('sacrum');
    expect(resolveRegionRef({ region: 'sacrum', side: 'opposite' }, 'right', vocabulary)).toBe(
      'sacrum',
    );
  });

  it('throws for a landmark the vocabulary lacks', () => {
    expect(() => resolveRegionRef('buttok', 'left', vocabulary)).toThrow('unknown region "buttok"');
  });
});

describe('labels and areas', () => {
  it('says the region in plain words with the person side', () => {
    expect(regionLabel('buttock:right', vocabulary)).toBe('right buttock');
    expect(regionLabel('posterior_thigh:left', vocabulary)).toBe('back of the left thigh');
    expect(regionLabel('sacrum', vocabulary)).toBe('sacrum');
    expect(regionLabel('vertex', vocabulary)).toBe('top of the head');
    expect(regionLabel('nowhere:left', vocabulary)).toBe('nowhere:left');
  });

  it('groups regions by the body areas of landmarks.md', () => {
    const area = (landmark: string) => vocabulary.landmarks.get(landmark)?.area;
    expect(area('temple')).toBe('Head and face');
    expect(area('throat')).toBe('Neck');
    expect(area('sternum')).toBe('Trunk, front');
    expect(area('buttock')).toBe('Trunk, back');
    expect(area('thumb')).toBe('Shoulder and arm');
    expect(area('heel')).toBe('Hip and leg');
    expect(area('nowhere')).toBeUndefined();
  });
});
