import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/read-data.ts';
import { buildRegionVocabulary } from '../../src/core/regions.ts';
import { requiredMuscleIds } from '../../src/core/required-muscles.ts';
import { Condition } from '../../src/core/schema.ts';

const folder = join(repoRoot, 'data/conditions');
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort();
const conditions = files.map((name) => ({
  name,
  condition: Condition.parse(JSON.parse(readFileSync(join(folder, name), 'utf8'))),
}));
// the shipped presets, against the shipped landmarks (with the regions added beyond landmarks.md)
const vocabulary = buildRegionVocabulary(
  JSON.parse(readFileSync(join(repoRoot, 'data/anatomy/landmarks.json'), 'utf8')) as unknown,
);

describe('condition presets', () => {
  it('cover the common complaints', () => {
    expect(conditions.map(({ condition }) => condition.id)).toEqual(
      expect.arrayContaining([
        'sciatica_like_pain',
        'tension_type_headache',
        'tmj_jaw_pain',
        'tennis_elbow',
        'shoulder_pain',
        'low_back_pain',
        'knee_pain',
        'heel_plantar_pain',
        'wrist_hand_pain',
      ]),
    );
  });

  it.each(conditions)(
    '$name is named after its id and points editors at the schema',
    ({ name, condition }) => {
      expect(name).toBe(`${condition.id}.json`);
      expect(condition.$schema).toBe('../schema/condition.json');
    },
  );

  it.each(conditions)(
    '$name lists known muscles once each and side-free regions',
    ({ condition }) => {
      for (const id of condition.muscles) expect(requiredMuscleIds).toContain(id);
      expect(new Set(condition.muscles).size).toBe(condition.muscles.length);
      for (const ref of condition.regions) {
        expect(typeof ref).toBe('string');
        expect(vocabulary.landmarks.has(ref as string)).toBe(true);
      }
    },
  );

  it.each(conditions)('$name says when to get urgent care', ({ condition }) => {
    expect(condition.redFlags.join(' ')).toMatch(/emergency|urgent|same day|promptly/);
  });

  it.each(conditions)(
    '$name cites only the trigger point manuals, with no DOI',
    ({ condition }) => {
      for (const source of condition.sources) {
        expect(source.citation).toMatch(/Travell|Simons|Donnelly/);
        expect(source.doi).toBeUndefined();
      }
    },
  );

  it('sciatica-like pain starts with the muscles the seeds and manuals name', () => {
    const sciatica = conditions.find(({ condition }) => condition.id === 'sciatica_like_pain');
    expect(sciatica?.condition.muscles.slice(0, 4)).toEqual([
      'gluteus_minimus',
      'piriformis',
      'quadratus_lumborum',
      'gluteus_medius',
    ]);
    expect(sciatica?.condition.regions).toEqual(
      expect.arrayContaining([
        'buttock',
        'posterior_thigh',
        'lateral_thigh',
        'calf',
        'sacroiliac_joint',
        'low_back',
      ]),
    );
  });
});
