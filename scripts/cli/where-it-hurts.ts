/**
 * `npm run cli -- where-it-hurts <region-id...> [--side left|right] [--limit N] [--json]
 * [--nerves]`: the muscles most likely to refer pain to the given spots, best first
 * (src/core/rank.ts), and the dermatomes and nerve areas the spots also fit (nerveMatch.ts).
 * A spot may say how strong and what it feels like, as links do: `calf:left@7:tingling`.
 * `--json` alone prints the muscle rows as an array, as it always has; with `--nerves` it prints
 * `{ muscles, dermatomes, nerves, entrapments }`.
 * Only type imports from ../cli.ts: cli.ts imports this module, and a value cycle would break it.
 */
import type { CliCommand, CliIo } from '../cli.ts';
import {
  nerveLikeSpots,
  parseSpot,
  spotWeights,
  type PainDetail,
} from '../../src/core/painDetails.ts';
import { createRanker, type RankedMuscle } from '../../src/core/rank.ts';
import {
  fitsFrom,
  matchNerves,
  type NerveMatch,
  type TerritoryMatch,
} from '../../src/core/nerveMatch.ts';
import {
  parseRegionId,
  RegionIdError,
  regionId,
  type RegionVocabulary,
  type Side,
} from '../../src/core/regions.ts';

/** Exit status for bad input, as in cli.ts. */
const usageError = 2;
const defaultLimit = 10;

/**
 * A typed spot as a full region id: `--side` completes a paired id typed without one.
 * Returns the error message for an id that cannot be used.
 */
export function resolveSpot(
  text: string,
  side: Side | null,
  vocabulary: RegionVocabulary,
): string | RegionIdError {
  const parsed = parseRegionId(text, vocabulary);
  if (!(parsed instanceof RegionIdError)) return text;
  if (parsed.problem !== 'missing-side') return parsed;
  if (side !== null) return regionId(text, side);
  return new RegionIdError(
    'missing-side',
    text,
    `"${text}" is paired: write "${text}:left" or "${text}:right", or add --side left|right`,
  );
}

type Read<T> = { value: T } | { error: string };

function readSide(value: string | true | undefined): Read<Side | null> {
  if (value === undefined) return { value: null };
  if (value === 'left' || value === 'right') return { value };
  return { error: `unknown side "${String(value)}" (use "left" or "right")` };
}

function readLimit(value: string | true | undefined): Read<number> {
  if (value === undefined) return { value: defaultLimit };
  if (typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value)) return { value: Number(value) };
  return { error: `--limit needs a positive whole number, got "${String(value)}"` };
}

const thousandths = (score: number): number => Math.round(score * 1000) / 1000;

/** The JSON rows the issue fixes: no explanation text, score to 3 decimals. */
function jsonRow(row: RankedMuscle): object {
  return {
    muscle: row.muscle,
    side: row.side,
    name: row.name,
    score: thousandths(row.score),
    explains: row.explains,
    unexplained: row.unexplained,
  };
}

/** An area the drawing fits, for JSON: score to 3 decimals. */
function areaRow(match: TerritoryMatch): object {
  return {
    id: match.id,
    name: match.name,
    side: match.side,
    score: thousandths(match.score),
    spots: match.spots,
  };
}

function printNerves(io: CliIo, match: NerveMatch): void {
  const fits = [...match.dermatomes, ...match.nerves].filter((m) => m.score >= fitsFrom);
  if (fits.length === 0 && match.entrapments.length === 0) return;
  io.out('\nThe spots also fit these nerve areas; a nerve, not a muscle, may be the source:');
  for (const m of fits) {
    const side = m.side === null ? '' : ` (${m.side})`;
    io.out(`  ${m.name}${side}  ${m.score.toFixed(2)}  ${m.spots.join(', ')}`);
  }
  for (const e of match.entrapments)
    io.out(`  ${e.muscle} can press on the ${e.nerveName} (roots ${e.roots.join(', ')})`);
}

function printTable(io: CliIo, rows: readonly RankedMuscle[], spotCount: number): void {
  const rank = (i: number) => `${i + 1}.`.padStart(3);
  const nameWidth = Math.max(...rows.map((row) => `${row.name} (${row.side})`.length));
  io.out(
    `Muscles most likely to refer pain to your ${spotCount === 1 ? 'spot' : `${spotCount} spots`}, best first:\n`,
  );
  rows.forEach((row, i) => {
    const who = `${row.name} (${row.side})`.padEnd(nameWidth);
    io.out(`${rank(i)} ${who}  ${row.score.toFixed(2)}  ${row.muscle}`);
    io.out(`    ${row.explanation}`);
  });
  io.out(
    '\nScore 0–1: how completely and how specifically the chart covers your spots (docs/ranking.md).',
  );
  io.out(
    'Trigger point charts vary between people and examiners; this is a guide, not a diagnosis.',
  );
}

export const whereItHurtsCommand: CliCommand = {
  name: 'where-it-hurts',
  usage: '<region-id...> [--side left|right] [--limit N] [--json] [--nerves]',
  summary:
    'rank the muscles most likely to refer pain to the given body regions, and the nerve areas they fit',
  options: { json: 'flag', side: 'value', limit: 'value', nerves: 'flag' },
  run({ args, io, dataset, nerveMaps }) {
    const side = readSide(args.options.get('side'));
    const limit = readLimit(args.options.get('limit'));
    if ('error' in side || 'error' in limit || args.positionals.length === 0) {
      const problem =
        'error' in side ? side.error : 'error' in limit ? limit.error : 'name at least one region';
      io.err(`${problem}\nusage: npm run cli -- where-it-hurts ${this.usage}`);
      return usageError;
    }
    const data = dataset();
    if (data === null) return usageError;
    const spots: string[] = [];
    const details: Record<string, PainDetail> = {};
    for (const text of args.positionals) {
      const typed = parseSpot(text);
      if (!typed.ok) {
        io.err(`"${text}": ${typed.problem}`);
        return usageError;
      }
      const spot = resolveSpot(typed.region, side.value, data.regions);
      if (spot instanceof RegionIdError) {
        io.err(`${spot.message}\n(npm run cli -- regions lists every region id)`);
        return usageError;
      }
      spots.push(spot);
      if (typed.detail) details[spot] = typed.detail;
    }
    const rows = createRanker(data).rank(spots, {
      limit: limit.value,
      weights: spotWeights(spots, details),
    });
    const json = args.options.has('json');
    if (json && !args.options.has('nerves')) {
      io.out(JSON.stringify(rows.map(jsonRow), null, 2));
      return 0;
    }
    const maps = nerveMaps();
    if (maps === null) return usageError;
    const match = matchNerves(spots, maps, rows[0]?.muscle);
    if (json) {
      const report = {
        muscles: rows.map(jsonRow),
        dermatomes: match.dermatomes.map(areaRow),
        nerves: match.nerves.map(areaRow),
        entrapments: match.entrapments,
        nerveLikeSpots: nerveLikeSpots(spots, details),
      };
      io.out(JSON.stringify(report, null, 2));
      return 0;
    }
    if (rows.length === 0) io.out('No muscle in the dataset refers pain to these spots.');
    else printTable(io, rows, new Set(spots).size);
    printNerves(io, match);
    const nerveLike = nerveLikeSpots(spots, details);
    if (nerveLike.length > 0) {
      io.out(
        `\nDescribed as burning, electric or tingling, as nerve pain often is: ${nerveLike.join(', ')}.`,
      );
    }
    return 0;
  },
};
