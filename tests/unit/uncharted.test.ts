/** The muscles left out on purpose: the list is checked against the charted ones, and found by search. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkUnchartedMuscles } from '../../src/core/uncharted-check.ts';
import { findUncharted, type UnchartedMuscle } from '../../src/core/uncharted.ts';
import { main } from '../../scripts/cli.ts';
import { realDataset } from './rank-data.ts';

const file = JSON.parse(readFileSync('data/uncharted/muscles.json', 'utf8')) as {
  about: string;
  muscles: UnchartedMuscle[];
};
const charted = realDataset().muscles;

function withEntry(change: Partial<UnchartedMuscle>) {
  const [first, ...rest] = file.muscles;
  return { ...file, muscles: [{ ...first!, ...change }, ...rest] };
}

describe('the uncharted muscles list', () => {
  it('passes its checks against the dataset', () => {
    const result = checkUnchartedMuscles(file, charted);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('refuses a pointer to a muscle the atlas does not chart, suggesting the near one', () => {
    const result = checkUnchartedMuscles(withEntry({ see: ['piriformiss'] }), charted);
    expect(result.ok ? [] : result.errors).toEqual([
      'data/uncharted/muscles.json: muscles[0] (gemelli).see: unknown muscle "piriformiss" (did you mean "piriformis"?)',
    ]);
  });

  it('refuses a name that a charted muscle answers to', () => {
    const result = checkUnchartedMuscles(withEntry({ aliases: ['pyriformis'] }), charted);
    expect(result.ok ? [] : result.errors).toEqual([
      'data/uncharted/muscles.json: muscles[0] (gemelli): "pyriformis" names the charted muscle "piriformis"',
    ]);
  });

  it('refuses a name two entries answer to', () => {
    const [first, second, ...rest] = file.muscles;
    const twice = { ...file, muscles: [first!, { ...second!, aliases: ['gemellus'] }, ...rest] };
    const result = checkUnchartedMuscles(twice, charted);
    expect(result.ok ? [] : result.errors).toEqual([
      'data/uncharted/muscles.json: muscles[1] (lumbricals_foot): "gemellus" also names the entry "gemelli"',
    ]);
  });

  it('names the field of a malformed entry', () => {
    const result = checkUnchartedMuscles(withEntry({ why: 'short' }), charted);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join('\n')).toMatch(/muscles\[0\]\.why: .*20/);
  });
});

describe('finding a left-out muscle', () => {
  it('by any of its names, and not for a charted muscle or a too-short query', () => {
    expect(findUncharted(file.muscles, 'gemellus')?.id).toBe('gemelli');
    expect(findUncharted(file.muscles, 'Extensor pollicis brevis')?.see[0]).toBe(
      'abductor_pollicis_longus',
    );
    expect(findUncharted(file.muscles, 'piriformis')).toBeNull();
    expect(findUncharted(file.muscles, 'ps')).toBeNull();
  });

  it('the CLI says why a left-out muscle has no record and where to look', () => {
    const err: string[] = [];
    const code = main(['muscle', 'gemelli'], { out: () => {}, err: (text) => err.push(text) });
    expect(code).toBe(2);
    // a part of a name is a typo to correct, not a left-out muscle ("psoas" is not psoas minor)
    const typo: string[] = [];
    main(['muscle', 'psoas'], { out: () => {}, err: (text) => typo.push(text) });
    expect(typo.join('\n')).toMatch(/^unknown muscle "psoas"/);
    expect(err.join('\n')).toMatch(
      /^"gemelli": Gemelli \(superior and inferior gemellus\) is not charted in this atlas\. .*piriformis.* Look at: piriformis, obturator_internus, quadratus_femoris\.$/,
    );
  });
});
