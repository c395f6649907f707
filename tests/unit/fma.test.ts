/**
 * FMA ids (src/core/fma.ts, data/anatomy/fma-names.json): every muscle has them, each is an FMA
 * muscle concept whose name names the muscle, so any model that names its parts by FMA id maps
 * onto the atlas.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkFmaIds, fmaNameFits, readFmaNames, type FmaNames } from '../../src/core/fma.ts';
import { checkMuscleFma } from '../../scripts/read-data.ts';
import type { MuscleRecord } from '../../src/core/schema.ts';
import { realDataset } from './rank-data.ts';

function shippedNames(): FmaNames {
  const json: unknown = JSON.parse(readFileSync('data/anatomy/fma-names.json', 'utf8'));
  const read = readFmaNames(json, 'fma-names.json');
  if (!read.ok) throw new Error(read.errors.join('\n'));
  return read.names;
}

describe('FMA ids', () => {
  it('every muscle of the dataset has FMA ids that name it', () => {
    const dataset = realDataset();
    expect(checkMuscleFma(dataset)).toEqual([]);
    for (const record of dataset.muscles.values()) expect(record.fma.length).toBeGreaterThan(0);
  });

  it('maps well-known muscles to their FMA concepts', () => {
    const muscles = realDataset().muscles;
    expect(muscles.get('gluteus_maximus')!.fma).toEqual([22314]);
    expect(muscles.get('piriformis')!.fma).toEqual([19082]);
    expect(muscles.get('extensor_hallucis_longus')!.fma).toEqual([22533]);
    // a group record lists its parts
    expect(muscles.get('rhomboids')!.fma).toEqual([13379, 13380]);
  });

  it('fails on an id the FMA names differently, and on an unknown id', () => {
    const names = shippedNames();
    const lateralis = realDataset().muscles.get('vastus_lateralis')!;
    const swapped: MuscleRecord = { ...lateralis, fma: [22432] };
    expect(checkFmaIds([swapped], names)).toEqual([
      'vastus_lateralis: fma 22432 is "vastus medialis" in the FMA, which does not name "Vastus lateralis" (add the FMA name as an alias if it is a synonym)',
    ]);
    expect(checkFmaIds([{ ...lateralis, fma: [99999999] }], names)).toEqual([
      'vastus_lateralis: fma 99999999 is not a muscle in data/anatomy/fma-names.json',
    ]);
  });

  it('matches names by their telling words, in any order', () => {
    const trapezius = realDataset().muscles.get('upper_trapezius')!;
    expect(fmaNameFits(trapezius, 'descending part of trapezius')).toBe(true);
    expect(fmaNameFits(trapezius, 'ascending part of trapezius')).toBe(false);
  });

  it('refuses a names file with a malformed id', () => {
    const read = readFmaNames(
      { about: '', sources: [{ citation: 'x' }], names: { FMA1: 'x' } },
      'f',
    );
    expect(read.ok).toBe(false);
  });
});
