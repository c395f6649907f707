/**
 * Writes referral, compare and pain-spot intensities into the skin's one zone buffer, blurred over
 * a few vertex rings so zone edges are soft. No geometry or scene graph changes.
 */
import type { SkinModel } from './prepareModel.ts';

const blurRings = 2;

/** Softens zone edges outward only: a vertex inside a zone keeps its value, so small regions survive. */
function blurChannel(skin: SkinModel, values: Float32Array, scratch: Float32Array): void {
  const { neighbourStart, neighbours } = skin;
  const count = values.length;
  const inside = values.slice();
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

function channel(
  skin: SkinModel,
  intensityOfRegion: (region: string) => number,
  out: Float32Array,
  scratch: Float32Array,
): boolean {
  const perRegion = skin.regions.map(intensityOfRegion);
  let any = false;
  for (let v = 0; v < out.length; v++) {
    const value = perRegion[skin.regionOfVertex[v]!] ?? 0;
    out[v] = value;
    if (value > 0) any = true;
  }
  if (any) blurChannel(skin, out, scratch);
  return any;
}

export interface ZoneInput {
  readonly referral: ReadonlyMap<string, number>;
  readonly compare: ReadonlyMap<string, number>;
  readonly pain: ReadonlySet<string>;
}

/** Fills the skin's `aZone` attribute; returns whether anything is highlighted. */
export function paintZones(skin: SkinModel, input: ZoneInput): boolean {
  const count = skin.regionOfVertex.length;
  const a = new Float32Array(count);
  const b = new Float32Array(count);
  const c = new Float32Array(count);
  const scratch = new Float32Array(count);
  const anyA = channel(skin, (r) => input.referral.get(r) ?? 0, a, scratch);
  const anyB = channel(skin, (r) => input.compare.get(r) ?? 0, b, scratch);
  const anyC = channel(skin, (r) => (input.pain.has(r) ? 1 : 0), c, scratch);
  const zone = skin.zone.array as Float32Array;
  for (let v = 0; v < count; v++) {
    zone[v * 3] = a[v]!;
    zone[v * 3 + 1] = b[v]!;
    zone[v * 3 + 2] = c[v]!;
  }
  skin.zone.needsUpdate = true;
  return anyA || anyB || anyC;
}
