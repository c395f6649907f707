import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset, muscleIdsInModel, type DatasetInput } from '../../src/core/dataset.ts';
import type { MuscleRecord } from '../../src/core/schema.ts';
import {
  fixtureInput,
  gluteusMinimus,
  piriformis,
  sciaticaCondition,
  upperTrapezius,
  withMuscles,
} from '../fixtures/dataset-fixture.ts';

function errorsOf(input: DatasetInput): string[] {
  const result = loadDataset(input);
  return result.ok ? [] : result.errors;
}

function loaded(input: DatasetInput = fixtureInput()) {
  const result = loadDataset(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

const file = 'data/muscles/hip-thigh.json';

describe('loading a valid dataset', () => {
  it('keeps muscles in file order, grouped by body group', () => {
    const { dataset, warnings } = loaded();
    expect(warnings).toEqual([]);
    expect([...dataset.muscles.keys()]).toEqual([
      'piriformis',
      'gluteus_minimus',
      'upper_trapezius',
    ]);
    expect(dataset.musclesByGroup.get('hip_thigh')?.map((m) => m.id)).toEqual([
      'piriformis',
      'gluteus_minimus',
    ]);
    expect(dataset.musclesByGroup.get('leg_foot')).toEqual([]);
    expect(dataset.triggerPoints.get('piriformis.trp2')?.muscle.id).toBe('piriformis');
    expect([...dataset.conditions.keys()]).toEqual(['sciatica_like_pain']);
    expect(dataset.regions.regionIds).toContain('buttock:left');
  });

  it('finds muscles by id, name, alias and Latin name, best match first', () => {
    const { dataset } = loaded();
    const ids = (query: string) => dataset.findMuscles(query).map((m) => m.id);
    expect(ids('piriformis')).toEqual(['piriformis']);
    expect(ids('GLUTE')).toEqual(['gluteus_minimus']);
    expect(ids('minimus')).toEqual(['gluteus_minimus']);
    expect(ids('traps')).toEqual(['upper_trapezius']);
    expect(ids('musculus')).toEqual(['piriformis', 'gluteus_minimus', 'upper_trapezius']);
    expect(ids('upper trap')).toEqual(['upper_trapezius']);
    expect(ids('pyri')).toEqual(['piriformis']);
    expect(ids('zzz')).toEqual([]);
    expect(ids('  ')).toHaveLength(3);
  });

  it('ranks an exact alias above a substring match', () => {
    const other = {
      ...upperTrapezius(),
      id: 'trapezoid_thing',
      name: 'Trapezoid thing',
      aliases: [],
    };
    other.triggerPoints = [{ ...other.triggerPoints[0]!, id: 'trapezoid_thing.trp1' }];
    const { dataset } = loaded(withMuscles([other, upperTrapezius()]));
    expect(dataset.findMuscles('trapezius').map((m) => m.id)).toEqual([
      'upper_trapezius',
      'trapezoid_thing',
    ]);
  });
});

describe('schema errors', () => {
  it('says where a misspelt region is and what was meant', () => {
    const record = piriformis();
    record.referral.essential.push('sacrum', 'buttok');
    expect(errorsOf(withMuscles([record]))).toEqual([
      `${file}: piriformis.referral.essential[3]: unknown region "buttok" (did you mean "buttock"?)`,
    ]);
  });

  it('maps schema issues to the record id and path', () => {
    const record = { ...piriformis(), layer: 'X', name: 'P' } as unknown;
    expect(errorsOf(withMuscles([record]))).toEqual([
      `${file}: piriformis.name: Too small: expected string to have >=3 characters`,
      `${file}: piriformis.layer: expected one of "S", "D", got "X"`,
    ]);
  });

  it('names a record without an id by its index', () => {
    const { id: _id, ...record } = piriformis();
    expect(errorsOf(withMuscles([gluteusMinimus(), record]))).toEqual([
      `${file}: muscles[1].id: missing (expected string)`,
    ]);
  });

  it('suggests the right name for a misspelt field', () => {
    const { triggerPoints, ...rest } = piriformis();
    expect(errorsOf(withMuscles([{ ...rest, triggerpoints: triggerPoints }]))).toEqual([
      `${file}: piriformis.triggerPoints: missing (expected array)`,
      `${file}: piriformis: unknown field "triggerpoints" (did you mean "triggerPoints"?)`,
    ]);
  });

  it('explains a region reference of the wrong type or with a bad side', () => {
    const record = piriformis() as unknown as { referral: { essential: unknown[] } };
    record.referral.essential = [7, { region: 'buttock', side: 'left' }];
    expect(errorsOf(withMuscles([record]))).toEqual([
      `${file}: piriformis.referral.essential[0]: expected string or object`,
      `${file}: piriformis.referral.essential[1].side: expected one of "same", "opposite", got "left"`,
    ]);
  });

  it('reports a malformed file', () => {
    expect(errorsOf(withMuscles([]))).toEqual([`${file}: muscles: needs at least one muscle`]);
    const input = fixtureInput({
      muscleFiles: [{ path: file, json: { muscle: [] } }],
      conditionFiles: [],
    });
    expect(errorsOf(input)).toEqual([
      `${file}: muscles: missing (expected array)`,
      `${file}: (file): unknown field "muscle" (did you mean "muscles"?)`,
    ]);
  });
});

describe('cross-checks', () => {
  it('rejects a muscle id used twice, across files', () => {
    const input = fixtureInput();
    const second = { path: 'data/muscles/extra.json', json: { muscles: [piriformis()] } };
    expect(errorsOf({ ...input, muscleFiles: [...input.muscleFiles, second] })).toEqual([
      'data/muscles/extra.json: piriformis.id: duplicate muscle id "piriformis" (first in data/muscles/hip-thigh.json)',
    ]);
  });

  it('requires trigger point ids unique and prefixed by their muscle', () => {
    const record = piriformis();
    record.triggerPoints[1]!.id = 'piriformis.trp1';
    const other = gluteusMinimus();
    other.triggerPoints[0]!.id = 'gluteus_medius.trp1';
    expect(errorsOf(withMuscles([record, other]))).toEqual([
      `${file}: piriformis.triggerPoints[1].id: duplicate trigger point id "piriformis.trp1"`,
      `${file}: gluteus_minimus.triggerPoints[0].id: "gluteus_medius.trp1" must start with "gluteus_minimus."`,
    ]);
  });

  it('lists every missing required muscle', () => {
    const required = ['piriformis', 'gluteus_medius', 'soleus'];
    expect(errorsOf(fixtureInput({ requiredMuscleIds: required }))).toEqual([
      'data/muscles: missing required muscle "gluteus_medius" (docs/muscles.md)',
      'data/muscles: missing required muscle "soleus" (docs/muscles.md)',
    ]);
  });

  it('points at a likely misspelt id when a required muscle is missing', () => {
    const record = piriformis();
    record.id = 'pirformis';
    record.triggerPoints = record.triggerPoints.map((p) => ({
      ...p,
      id: p.id.replace('piri', 'pir'),
    }));
    expect(errorsOf(withMuscles([record], { requiredMuscleIds: ['piriformis'] }))).toEqual([
      `data/muscles: missing required muscle "piriformis" (docs/muscles.md) (is "pirformis" in ${file} meant to be it?)`,
    ]);
  });

  it('explains that records are written for the right side', () => {
    const record = piriformis();
    record.referral.spillover = ['posterior_thigh:left', 'greater_trochanter:right', 'sacrum:left'];
    record.triggerPoints[0]!.referral = undefined as never;
    delete record.triggerPoints[0]!.referral;
    expect(errorsOf(withMuscles([record]))).toEqual([
      `${file}: piriformis.referral.spillover[0]: "posterior_thigh:left" names a side, but records are written for the right side: write { "region": "posterior_thigh", "side": "opposite" } for the other side`,
      `${file}: piriformis.referral.spillover[1]: "greater_trochanter:right" names a side, but records are written for the right side: write "greater_trochanter"`,
      `${file}: piriformis.referral.spillover[2]: "sacrum" is on the midline and has no side: write "sacrum"`,
    ]);
  });

  it('checks regions inside objects and trigger point patterns', () => {
    const record = piriformis();
    record.referral.spillover.push({ region: 'calff', side: 'opposite' });
    record.triggerPoints[0]!.referral!.spillover.push('hele');
    expect(errorsOf(withMuscles([record]))).toEqual([
      `${file}: piriformis.referral.spillover[2].region: unknown region "calff" (did you mean "calf"?)`,
      `${file}: piriformis.triggerPoints[0].referral.spillover[1]: unknown region "hele" (did you mean "heel"?)`,
    ]);
  });

  it("keeps a trigger point's own pattern inside the muscle's referral", () => {
    const record = piriformis();
    record.triggerPoints[0]!.referral!.spillover.push('calf', {
      region: 'buttock',
      side: 'opposite',
    });
    expect(errorsOf(withMuscles([record]))).toEqual([
      `${file}: piriformis.triggerPoints[0].referral.spillover[1]: "calf" is not in the muscle's referral (add it to piriformis.referral)`,
      `${file}: piriformis.triggerPoints[0].referral.spillover[2]: "buttock" (opposite side) is not in the muscle's referral (add it to piriformis.referral)`,
    ]);
  });

  it('requires model nodes for every muscle when the model is given', () => {
    const model = muscleIdsInModel([
      'skin',
      'm:piriformis:left',
      'm:piriformis:right',
      'm:gluteus_minimus:left',
      'm:upper_trapezius:left',
      'm:upper_trapezius:right',
      'm:soleus:left',
      'm:soleus:right',
    ]);
    expect([...model]).toEqual(['piriformis', 'upper_trapezius', 'soleus']);
    const result = loadDataset(fixtureInput({ modelMuscleIds: model }));
    expect(result.ok ? [] : result.errors).toEqual([
      `${file}: gluteus_minimus: no model nodes "m:gluteus_minimus:left" and "m:gluteus_minimus:right" in public/models/body.glb`,
    ]);
  });

  it('warns about model nodes without a record, and duplicate regions', () => {
    const record = piriformis();
    record.referral.spillover.push('greater_trochanter');
    const model = new Set(['piriformis', 'soleus']);
    const result = loadDataset(withMuscles([record], { modelMuscleIds: model }));
    expect(result.ok && result.warnings).toEqual([
      `${file}: piriformis.referral.spillover[2]: "greater_trochanter" is listed twice`,
      'public/models/body.glb: nodes for "soleus" but no muscle record',
    ]);
  });

  it("checks a condition's muscles and regions", () => {
    const condition = sciaticaCondition();
    condition.muscles.push('pirifomis', 'gluteus_minimus');
    condition.regions.push('buttock:left', 'calff');
    expect(
      errorsOf(
        fixtureInput({ conditionFiles: [{ path: 'data/conditions/x.json', json: condition }] }),
      ),
    ).toEqual([
      'data/conditions/x.json: sciatica_like_pain.regions[4]: "buttock:left" names a side, but a condition\'s regions are side-free (the user picks the side): write "buttock"',
      'data/conditions/x.json: sciatica_like_pain.regions[5]: unknown region "calff" (did you mean "calf"?)',
      'data/conditions/x.json: sciatica_like_pain.muscles[2]: unknown muscle "pirifomis" (did you mean "piriformis"?)',
      'data/conditions/x.json: sciatica_like_pain.muscles[3]: "gluteus_minimus" is listed twice',
    ]);
  });

  it('names a condition without an id after its file, and rejects a duplicate id', () => {
    const { id: _id, ...nameless } = sciaticaCondition();
    const files = [
      { path: 'data/conditions/sciatica_like_pain.json', json: sciaticaCondition() },
      { path: 'data/conditions/again.json', json: sciaticaCondition() },
      { path: 'data/conditions/nameless.json', json: nameless },
    ];
    expect(errorsOf(fixtureInput({ conditionFiles: files }))).toEqual([
      'data/conditions/again.json: sciatica_like_pain.id: duplicate condition id "sciatica_like_pain"',
      'data/conditions/nameless.json: nameless.id: missing (expected string)',
    ]);
  });

  it('reports every problem at once, across files', () => {
    const bad = piriformis();
    bad.referral.essential = ['buttok'];
    bad.triggerPoints[0]!.id = 'piriformis.trp2';
    const trapezius = upperTrapezius();
    trapezius.referral.spillover = ['templ'];
    const input = fixtureInput({
      muscleFiles: [
        { path: file, json: { muscles: [bad, gluteusMinimus()] } },
        { path: 'data/muscles/shoulder-upper-back.json', json: { muscles: [trapezius] } },
      ],
      requiredMuscleIds: ['soleus'],
    });
    expect(errorsOf(input)).toHaveLength(5);
  });

  it('reports broken landmarks and still checks the muscle schema', () => {
    const record = { ...piriformis(), layer: 'X' };
    expect(errorsOf(withMuscles([record], { landmarks: { surface: 3 } }))).toEqual([
      'data/anatomy/landmarks.json: surface: expected record, got number',
      `${file}: piriformis.layer: expected one of "S", "D", got "X"`,
    ]);
  });
});

describe('loadDataset never throws', () => {
  const cases: unknown[] = [
    undefined,
    null,
    42,
    {},
    { muscleFiles: 'nope', conditionFiles: null, landmarks: [] },
    { muscleFiles: [null, { path: 3, json: undefined }], conditionFiles: [{}], landmarks: {} },
    fixtureInput({ muscleFiles: [{ path: file, json: { muscles: [null, 1, 'x', [], {}] } }] }),
    fixtureInput({
      conditionFiles: [{ path: 'c.json', json: { regions: [null, {}, { region: 1 }] } }],
    }),
  ];
  it.each(cases.map((value, i) => [i, value]))('case %i gives a result', (_i, value) => {
    const result = loadDataset(value as DatasetInput);
    expect(typeof result.ok).toBe('boolean');
  });

  it('survives random JSON in every slot', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        fc.jsonValue(),
        (muscles, condition, landmarks) => {
          const result = loadDataset({
            muscleFiles: [
              { path: file, json: muscles },
              { path: 'b.json', json: { muscles: [muscles] } },
            ],
            conditionFiles: [{ path: 'c.json', json: condition }],
            landmarks,
          });
          return typeof result.ok === 'boolean';
        },
      ),
      { numRuns: 200 },
    );
  });

  it('survives random damage to a valid record', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<keyof MuscleRecord>(
          ...(Object.keys(piriformis()) as (keyof MuscleRecord)[]),
        ),
        fc.jsonValue(),
        (key, value) => {
          const record = { ...piriformis(), [key]: value };
          return typeof loadDataset(withMuscles([record])).ok === 'boolean';
        },
      ),
      { numRuns: 200 },
    );
  });
});
