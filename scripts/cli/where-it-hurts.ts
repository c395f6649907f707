/**
 * `npm run cli -- where-it-hurts <region-id...> [--side left|right] [--limit N] [--json]`:
 * the muscles most likely to refer pain to the given spots, best first (src/core/rank.ts).
 * Only type imports from ../cli.ts: cli.ts imports this module, and a value cycle would break it.
 */
import type { CliCommand, CliIo } from '../cli.ts';
import { createRanker, type RankedMuscle } from '../../src/core/rank.ts';
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

/** The JSON rows the issue fixes: no explanation text, score to 3 decimals. */
function jsonRow(row: RankedMuscle): object {
  return {
    muscle: row.muscle,
    side: row.side,
    name: row.name,
    score: Math.round(row.score * 1000) / 1000,
    explains: row.explains,
    unexplained: row.unexplained,
  };
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
  usage: '<region-id...> [--side left|right] [--limit N] [--json]',
  summary: 'rank the muscles most likely to refer pain to the given body regions',
  options: { json: 'flag', side: 'value', limit: 'value' },
  run({ args, io, dataset }) {
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
    for (const text of args.positionals) {
      const spot = resolveSpot(text, side.value, data.regions);
      if (spot instanceof RegionIdError) {
        io.err(`${spot.message}\n(npm run cli -- regions lists every region id)`);
        return usageError;
      }
      spots.push(spot);
    }
    const rows = createRanker(data).rank(spots, { limit: limit.value });
    if (args.options.has('json')) io.out(JSON.stringify(rows.map(jsonRow), null, 2));
    else if (rows.length === 0) io.out('No muscle in the dataset refers pain to these spots.');
    else printTable(io, rows, new Set(spots).size);
    return 0;
  },
};
