import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignColumns, commands, main, parseArgs } from '../../scripts/cli.ts';
import { fixtureDataDir } from '../fixtures/dataset-fixture.ts';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main([...argv, '--data', fixtureDataDir], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli muscles', () => {
  it('prints an aligned table per body group', () => {
    const { code, out } = cli('muscles');
    expect(code).toBe(0);
    expect(out).toContain('Hip and thigh (2)');
    expect(out).toContain(
      '  piriformis       Piriformis       deep   2 TrP   sacroiliac joint, buttock',
    );
    expect(out.split('\n').at(-1)).toBe('3 muscles, 5 trigger points');
  });

  it('prints the full records as JSON', () => {
    const { code, out } = cli('muscles', '--json');
    expect(code).toBe(0);
    const records = JSON.parse(out) as {
      id: string;
      triggerPoints: unknown[];
      sources: unknown[];
    }[];
    expect(records.map((r) => r.id)).toEqual(['piriformis', 'gluteus_minimus', 'upper_trapezius']);
    expect(records[0]?.triggerPoints).toHaveLength(2);
    expect(records[0]?.sources).toHaveLength(1);
  });
});

describe('cli muscle <id>', () => {
  it('shows a muscle with its referral on the right side by default', () => {
    const { code, out } = cli('muscle', 'piriformis');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('Piriformis (Musculus piriformis)');
    expect(out).toContain('  Essential: right sacroiliac joint, right buttock');
    expect(out).toContain('  Spillover: outside of the right hip, back of the right thigh');
    expect(out).toContain('  piriformis.trp1  Outer piriformis (central, 70% along)');
    expect(out).toContain('Red flags: see a clinician');
  });

  it('shows the left side on request', () => {
    expect(cli('muscle', 'piriformis', '--side', 'left').out).toContain(
      '  Essential: left sacroiliac joint, left buttock',
    );
    expect(cli('muscle', 'piriformis', '--side=up').code).toBe(2);
  });

  it('prints the record as JSON', () => {
    const { out } = cli('muscle', 'gluteus_minimus', '--json');
    expect(JSON.parse(out)).toMatchObject({ id: 'gluteus_minimus', layer: 'D' });
  });

  it('suggests the id for a typo and exits 2', () => {
    expect(cli('muscle', 'pirformis')).toEqual({
      code: 2,
      out: '',
      err: 'unknown muscle "pirformis" (did you mean "piriformis"?)',
    });
    expect(cli('muscle').code).toBe(2);
  });
});

describe('cli regions and conditions', () => {
  it('lists regions by body area with plain labels', () => {
    const { code, out } = cli('regions');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('Head and face (22)');
    expect(out).toMatch(/^ {2}posterior_thigh:left +back of the left thigh$/m);
    expect(out.split('\n').at(-1)).toBe('167 regions from 89 landmarks');
  });

  it('lists regions as JSON', () => {
    const regions = JSON.parse(cli('regions', '--json').out) as unknown[];
    expect(regions).toHaveLength(167);
    expect(regions[0]).toEqual({
      id: 'vertex',
      landmark: 'vertex',
      side: null,
      label: 'top of the head',
      area: 'Head and face',
    });
  });

  it('lists conditions as text and JSON', () => {
    const text = cli('conditions').out;
    expect(text).toContain('Sciatica-like pain (sciatica_like_pain)');
    expect(text).toContain('  Muscles, most likely first: gluteus_minimus, piriformis');
    const conditions = JSON.parse(cli('conditions', '--json').out) as Record<string, unknown>[];
    expect(conditions[0]?.id).toBe('sciatica_like_pain');
    expect(conditions[0]).not.toHaveProperty('$schema');
  });
});

describe('cli usage', () => {
  it('prints help with every command', () => {
    const out: string[] = [];
    expect(main(['--help'], { out: (t) => out.push(t), err: () => {} })).toBe(0);
    for (const command of commands) expect(out.join('\n')).toContain(`  ${command.name} `);
  });

  it('rejects an unknown command or option with exit 2', () => {
    const unknown = cli('muscels');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^unknown command "muscels" \(did you mean "muscles"\?\)/);
    expect(unknown.err).toContain('usage: npm run cli -- <command> [options]');
    const option = cli('muscles', '--jsno');
    expect(option.code).toBe(2);
    expect(option.err.split('\n')[0]).toBe('unknown option "--jsno" (did you mean "--json"?)');
    expect(main([], { out: () => {}, err: () => {} })).toBe(2);
  });

  it('parses options with and without values', () => {
    expect(parseArgs(['a', '--side', 'left', '--json'], { side: 'value', json: 'flag' })).toEqual({
      positionals: ['a'],
      options: new Map<string, string | true>([
        ['side', 'left'],
        ['json', true],
      ]),
    });
    expect(parseArgs(['--side'], { side: 'value' })).toBe('option "--side" needs a value');
  });

  it('aligns columns', () => {
    expect(
      alignColumns([
        ['a', 'bb', 'c'],
        ['ddd', 'e', 'f'],
      ]),
    ).toEqual(['a    bb  c', 'ddd  e   f']);
  });
});

describe('cli as a process', () => {
  const script = fileURLToPath(new URL('../../scripts/cli.ts', import.meta.url));
  const node = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

  it('runs from the shell: help, a muscle, an unknown id', () => {
    const help = execFileSync(process.execPath, ['--import', 'tsx', script, '--help'], {
      encoding: 'utf8',
    });
    expect(help).toContain('usage: npm run cli -- <command> [options]');
    const muscle = node(['muscle', 'piriformis', '--json', '--data', fixtureDataDir]);
    expect(muscle.status).toBe(0);
    expect(JSON.parse(muscle.stdout)).toMatchObject({ id: 'piriformis' });
    const typo = node(['muscle', 'pirformis', '--data', fixtureDataDir]);
    expect(typo.status).toBe(2);
    expect(typo.stderr.trim()).toBe('unknown muscle "pirformis" (did you mean "piriformis"?)');
  });
});
