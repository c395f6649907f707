/**
 * Where-it-hurts speed: median ms to rank 10 random pain spots over every muscle × side of the real
 * dataset (1000 timed runs after warm-up). Prints `{"rankMsMedian": …}`; the target is ≤ 1 ms.
 */
import { performance } from 'node:perf_hooks';
import { createRanker } from '../src/core/rank.ts';
import { readDataset } from './read-data.ts';

const warmupRuns = 200;
const timedRuns = 1000;
const spotsPerRun = 10;

/** Small seeded PRNG (mulberry32) so every bench run ranks the same spot sets. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function spotSet(regionIds: readonly string[], next: () => number): string[] {
  const spots = new Set<string>();
  while (spots.size < spotsPerRun)
    spots.add(regionIds[Math.floor(next() * regionIds.length)] ?? '');
  return [...spots];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const result = readDataset({ modelPath: null, requireAllMuscles: false });
if (!result.ok) {
  process.stderr.write(`the data does not load:\n${result.errors.slice(0, 10).join('\n')}\n`);
  process.exit(1);
}
const ranker = createRanker(result.dataset);
const next = random(20240611);
const regionIds = result.dataset.regions.regionIds;
for (let i = 0; i < warmupRuns; i++) ranker.rank(spotSet(regionIds, next));
const times: number[] = [];
for (let i = 0; i < timedRuns; i++) {
  const spots = spotSet(regionIds, next);
  const start = performance.now();
  ranker.rank(spots);
  times.push(performance.now() - start);
}
process.stdout.write(`${JSON.stringify({ rankMsMedian: Number(median(times).toFixed(4)) })}\n`);
