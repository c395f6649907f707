/**
 * Writes referral, compare and pain-spot intensities into the skin's one zone buffer, blurred over
 * a few vertex rings so zone edges are soft. No geometry or scene graph changes; a channel whose
 * input did not change is not recomputed (selection changes stay well under a millisecond).
 */
import type { SkinModel } from './prepareModel.ts';

const blurRings = 2;

/** Softens zone edges outward only: a vertex inside a zone keeps its value, so small regions survive. */
function blurChannel(
  skin: SkinModel,
  values: Float32Array,
  inside: Float32Array,
  scratch: Float32Array,
): void {
  const { neighbourStart, neighbours } = skin;
  const count = values.length;
  inside.set(values);
  for (let ring = 0; ring < blurRings; ring++) {
    for (let v = 0; v < count; v++) {
      const start = neighbourStart[v]!;
      const end = neighbourStart[v + 1]!;
      let sum = 0;
      for (let k = start; k < end; k++) sum += values[neighbours[k]!]!;
      const blurred = end > start ? 0.5 * values[v]! + (0.5 * sum) / (end - start) : values[v]!;
      scratch[v] = Math.max(inside[v]!, blurred);
    }
    values.set(scratch);
  }
}

export interface ZoneInput {
  readonly referral: ReadonlyMap<string, number>;
  readonly compare: ReadonlyMap<string, number>;
  readonly pain: ReadonlySet<string>;
}

interface ZoneCache {
  readonly keys: string[];
  readonly any: boolean[];
  readonly values: Float32Array;
  readonly inside: Float32Array;
  readonly scratch: Float32Array;
}

const caches = new WeakMap<SkinModel, ZoneCache>();

function cacheOf(skin: SkinModel): ZoneCache {
  let cache = caches.get(skin);
  if (!cache) {
    const count = skin.regionOfVertex.length;
    cache = {
      keys: ['', '', ''],
      any: [false, false, false],
      values: new Float32Array(count),
      inside: new Float32Array(count),
      scratch: new Float32Array(count),
    };
    caches.set(skin, cache);
  }
  return cache;
}

/** A stable text key of a channel's input, to skip unchanged channels. */
function keyOf(intensities: ReadonlyMap<string, number>): string {
  return [...intensities].map(([region, value]) => `${region}=${value}`).join(',');
}

function writeChannel(
  skin: SkinModel,
  cache: ZoneCache,
  channel: number,
  input: ReadonlyMap<string, number>,
): void {
  const key = keyOf(input);
  if (cache.keys[channel] === key) return;
  cache.keys[channel] = key;
  const perRegion = skin.regions.map((region) => input.get(region) ?? 0);
  const { values } = cache;
  let any = false;
  for (let v = 0; v < values.length; v++) {
    const value = perRegion[skin.regionOfVertex[v]!] ?? 0;
    values[v] = value;
    if (value > 0) any = true;
  }
  if (any) blurChannel(skin, values, cache.inside, cache.scratch);
  cache.any[channel] = any;
  const zone = skin.zone.array as Float32Array;
  for (let v = 0; v < values.length; v++) zone[v * 3 + channel] = values[v]!;
  skin.zone.needsUpdate = true;
}

/** Fills the skin's `aZone` attribute; returns whether anything is highlighted. */
export function paintZones(skin: SkinModel, input: ZoneInput): boolean {
  const cache = cacheOf(skin);
  writeChannel(skin, cache, 0, input.referral);
  writeChannel(skin, cache, 1, input.compare);
  writeChannel(skin, cache, 2, new Map([...input.pain].map((region) => [region, 1])));
  return cache.any.some(Boolean);
}
