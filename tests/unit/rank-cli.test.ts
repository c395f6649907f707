/** `npm run cli -- where-it-hurts`, run in-process against the real data. */
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli.ts';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['where-it-hurts', ...argv], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface JsonRow {
  muscle: string;
  side: string;
  name: string;
  score: number;
  explains: { region: string; level: string }[];
  unexplained: string[];
}

describe('cli where-it-hurts', () => {
  it('prints a ranked table with explanations', () => {
    const { code, out } = cli(
      'sacroiliac_joint:right',
      'buttock:right',
      'posterior_thigh:right',
      '--limit',
      '3',
    );
    expect(code).toBe(0);
    expect(out).toContain('Muscles most likely to refer pain to your 3 spots, best first:');
    expect(out).toMatch(/ 1\. Piriformis \(right\) +0\.\d\d {2}piriformis/);
    expect(out).toContain(
      'Refers to 3 of your 3 spots: right sacroiliac joint and right buttock (main zone), back of the right thigh (spillover).',
    );
    expect(out).not.toMatch(/ 4\. /);
  });

  it('prints JSON rows, best first, with --side completing paired ids', () => {
    const { code, out } = cli('heel', 'achilles', '--side', 'left', '--json', '--limit', '5');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as JsonRow[];
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'muscle',
      'side',
      'name',
      'score',
      'explains',
      'unexplained',
    ]);
    expect(rows[0]).toMatchObject({ muscle: 'soleus', side: 'left', unexplained: [] });
    expect(rows[0]?.explains).toEqual([
      { region: 'achilles:left', level: 'essential' },
      { region: 'heel:left', level: 'essential' },
    ]);
    expect(rows.map((row) => row.score)).toEqual(
      [...rows.map((row) => row.score)].sort((a, b) => b - a),
    );
  });

  it('takes midline ids as they are, with or without --side', () => {
    const { code, out } = cli('sacrum', 'coccyx', '--side', 'right', '--json');
    expect(code).toBe(0);
    expect((JSON.parse(out) as JsonRow[]).length).toBeGreaterThan(0);
  });

  it('exits 2 for a paired id without a side', () => {
    const { code, err } = cli('buttock');
    expect(code).toBe(2);
    expect(err).toContain(
      '"buttock" is paired: write "buttock:left" or "buttock:right", or add --side left|right',
    );
  });

  it('exits 2 for an unknown region, with a suggestion', () => {
    expect(cli('butock').err).toContain('unknown region "butock" (did you mean "buttock"?)');
    expect(cli('butock:right').err).toContain('(did you mean "buttock:right"?)');
    expect(cli('butock').code).toBe(2);
  });

  it('exits 2 for a bad side, a bad limit or no region', () => {
    expect(cli('heel', '--side', 'up')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown side "up"'),
    });
    expect(cli('heel:left', '--limit', '0')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--limit'),
    });
    expect(cli()).toMatchObject({
      code: 2,
      err: expect.stringContaining('name at least one region'),
    });
  });

  it('--json --nerves reports the dermatomes and nerve areas the spots fit, L5 first', () => {
    const { code, out } = cli(
      'lateral_leg',
      'dorsum_of_foot',
      'big_toe',
      '--side',
      'right',
      '--json',
      '--nerves',
    );
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      muscles: JsonRow[];
      dermatomes: { id: string; side: string; score: number; spots: string[] }[];
      nerves: { id: string }[];
      entrapments: unknown[];
      nerveLikeSpots: string[];
    };
    expect(Object.keys(report)).toEqual([
      'muscles',
      'dermatomes',
      'nerves',
      'entrapments',
      'nerveLikeSpots',
    ]);
    expect(report.nerveLikeSpots).toEqual([]);
    expect(report.muscles.length).toBeGreaterThan(0);
    expect(report.dermatomes[0]).toMatchObject({ id: 'L5', side: 'right', score: 0.6 });
    expect(report.nerves.map((n) => n.id)).toContain('common_fibular');
  });

  it('takes how strong a spot is and what it feels like, as links write it', () => {
    const strongHeel = cli('heel@9', 'posterior_thigh@1', '--side', 'right', '--json');
    const strongThigh = cli('heel@1', 'posterior_thigh@9', '--side', 'right', '--json');
    const first = (out: string) => (JSON.parse(out) as JsonRow[])[0]!;
    expect(first(strongHeel.out).muscle).not.toBe(first(strongThigh.out).muscle);
    const { code, out } = cli('lateral_leg:right@8:electric', 'big_toe:right', '--nerves');
    expect(code).toBe(0);
    expect(out).toContain(
      'Described as burning, electric or tingling, as nerve pain often is: lateral_leg:right.',
    );
    const bad = cli('heel:right@hot');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"heel:right@hot": expected an intensity 0-10');
  });

  it('the piriformis pattern, in words: piriformis first, then the sciatic nerve it can press on', () => {
    const { code, out } = cli(
      'sacroiliac_joint',
      'buttock',
      'greater_trochanter',
      'posterior_thigh',
      '--side',
      'left',
      '--limit',
      '3',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/ 1\. Piriformis \(left\)/);
    expect(out).toContain('piriformis can press on the sciatic nerve (roots L4, L5, S1, S2, S3)');
  });
});
