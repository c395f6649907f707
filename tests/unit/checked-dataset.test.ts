/**
 * The build checks the dataset and hands the browser the checked records
 * (scripts/dataset-plugin.ts); the browser only builds the lookups (assembleDataset). These tests
 * hold that path to the validator's own result, and check that bad data fails the build.
 */
import { describe, expect, it } from 'vitest';
import { assembleDataset, type CheckedData } from '../../src/core/dataset.ts';
import { checkedDatasetModule } from '../../scripts/dataset-plugin.ts';
import { readDataset } from '../../scripts/read-data.ts';
import { fixtureDataDir } from '../fixtures/dataset-fixture.ts';

/** The data the module's code exports. */
function exported(code: string): CheckedData {
  const match = /^export const json = (.*);\nexport default JSON\.parse\(json\);\n$/s.exec(code);
  if (!match) throw new Error(`unexpected module code: ${code.slice(0, 80)}`);
  return JSON.parse(JSON.parse(match[1]!) as string) as CheckedData;
}

describe('the checked dataset module', () => {
  it('gives the browser the same dataset the validator builds', () => {
    const checked = readDataset();
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    const expected = checked.dataset;
    const assembled = assembleDataset(exported(checkedDatasetModule()));
    expect([...assembled.muscles.keys()]).toEqual([...expected.muscles.keys()]);
    expect([...assembled.muscles.values()]).toEqual([...expected.muscles.values()]);
    expect([...assembled.conditions.values()]).toEqual([...expected.conditions.values()]);
    expect([...assembled.triggerPoints.keys()]).toEqual([...expected.triggerPoints.keys()]);
    expect(
      [...assembled.musclesByGroup].map(([group, list]) => [group, list.map((m) => m.id)]),
    ).toEqual([...expected.musclesByGroup].map(([group, list]) => [group, list.map((m) => m.id)]));
    expect([...assembled.regions.landmarks.keys()]).toEqual([...expected.regions.landmarks.keys()]);
    expect(assembled.findMuscles('piri').map((m) => m.id)).toEqual(
      expected.findMuscles('piri').map((m) => m.id),
    );
  });

  it("fails the build with the validator's messages when the data does not pass", () => {
    // the fixture holds 3 of the 93 required muscles
    expect(() => checkedDatasetModule(fixtureDataDir)).toThrow(/^The dataset failed its checks:/);
    expect(() => checkedDatasetModule(fixtureDataDir)).toThrow(
      'tests/fixtures/data/muscles: missing required muscle "soleus" (docs/muscles.md)',
    );
  });
});
