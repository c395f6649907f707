import { describe, expect, it } from 'vitest';
import { paintZones } from '../../src/scene/zones.ts';
import type { SkinModel } from '../../src/scene/prepareModel.ts';
import { rowNeighbours } from './strip-skin.ts';

/** A strip of 10 skin vertices in a row: 0–4 in the buttock, 5–9 on the back of the thigh. */
function stripSkin(): SkinModel {
  const count = 10;
  const zone = { array: new Float32Array(count * 3), needsUpdate: false };
  return {
    regions: ['buttock:right', 'posterior_thigh:right'],
    regionOfVertex: Uint16Array.from({ length: count }, (_, v) => (v < 5 ? 0 : 1)),
    ...rowNeighbours(count),
    zone,
  } as unknown as SkinModel;
}

const channel = (skin: SkinModel, c: number) =>
  Array.from({ length: 10 }, (_, v) => (skin.zone.array as Float32Array)[v * 3 + c]!);

describe('painting referral zones on the skin', () => {
  it('is full strength inside a zone, zero far outside, and soft at its edge', () => {
    const skin = stripSkin();
    paintZones(skin, {
      referral: new Map([['buttock:right', 1]]),
      compare: new Map(),
      pain: new Set(),
    });
    const referral = channel(skin, 0);
    expect(referral[0]).toBeCloseTo(1, 5);
    expect(referral[9]).toBe(0);
    // every vertex of the zone keeps full strength (small regions must not vanish) ...
    expect(referral.slice(0, 5).every((x) => x === 1)).toBe(true);
    // ... and the edge ramps down outside it instead of stepping
    expect(referral[5]!).toBeGreaterThan(0);
    expect(referral[5]!).toBeLessThan(1);
    for (let v = 1; v < 10; v++) expect(referral[v]!).toBeLessThanOrEqual(referral[v - 1]!);
    expect(skin.zone.needsUpdate).toBe(true);
  });

  it('keeps a one-vertex zone at full strength', () => {
    const skin = stripSkin();
    (skin.regionOfVertex as Uint16Array).fill(1);
    (skin.regionOfVertex as Uint16Array)[3] = 0;
    paintZones(skin, {
      referral: new Map([['buttock:right', 1]]),
      compare: new Map(),
      pain: new Set(),
    });
    expect(channel(skin, 0)[3]).toBe(1);
  });

  it('keeps spillover at half strength inside its region', () => {
    const skin = stripSkin();
    paintZones(skin, {
      referral: new Map([['posterior_thigh:right', 0.5]]),
      compare: new Map(),
      pain: new Set(),
    });
    expect(channel(skin, 0)[9]).toBeCloseTo(0.5, 5);
  });

  it('writes the compared muscle and the pain spots to their own channels', () => {
    const skin = stripSkin();
    const any = paintZones(skin, {
      referral: new Map(),
      compare: new Map([['posterior_thigh:right', 1]]),
      pain: new Set(['buttock:right']),
    });
    expect(any).toBe(true);
    expect(channel(skin, 0).every((x) => x === 0)).toBe(true);
    expect(channel(skin, 1)[9]).toBeCloseTo(1, 5);
    expect(channel(skin, 2)[0]).toBeCloseTo(1, 5);
    expect(channel(skin, 2)[9]).toBe(0);
  });

  it('leaves the buffer alone when nothing changed', () => {
    const skin = stripSkin();
    const input = {
      referral: new Map([['buttock:right', 1]]),
      compare: new Map(),
      pain: new Set<string>(),
    };
    paintZones(skin, input);
    skin.zone.needsUpdate = false;
    paintZones(skin, { ...input, referral: new Map([['buttock:right', 1]]) });
    expect(skin.zone.needsUpdate).toBe(false);
  });

  it('clears everything when nothing is selected or marked', () => {
    const skin = stripSkin();
    paintZones(skin, {
      referral: new Map([['buttock:right', 1]]),
      compare: new Map(),
      pain: new Set(),
    });
    const any = paintZones(skin, { referral: new Map(), compare: new Map(), pain: new Set() });
    expect(any).toBe(false);
    expect([...(skin.zone.array as Float32Array)].every((x) => x === 0)).toBe(true);
  });
});
