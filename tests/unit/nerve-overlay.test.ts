/**
 * The nerve map layers on the skin (src/core/nerveOverlay.ts, src/scene/overlay.ts): every area
 * is drawn where the maps put it, a landmark shared by two areas is striped with both, the key
 * lists what is drawn, and the layer clears when it is hidden.
 */
import { describe, expect, it } from 'vitest';
import { Color } from 'three';
import { readNerveMaps } from '../../scripts/read-data.ts';
import {
  areaIdsAt,
  areasByLandmark,
  overlayAreas,
  overlayPalette,
} from '../../src/core/nerveOverlay.ts';
import type { NerveMaps } from '../../src/core/nerveMatch.ts';
import { paintOverlay } from '../../src/scene/overlay.ts';
import type { SkinModel } from '../../src/scene/prepareModel.ts';
import { rowNeighbours } from './strip-skin.ts';
import { realDataset } from './rank-data.ts';

function shippedMaps(): NerveMaps {
  const result = readNerveMaps(realDataset());
  if (!result?.ok) throw new Error('nerve maps do not load');
  return result.maps;
}

/** Three skin regions in a row of 9 vertices: lateral leg, dorsum of foot, then the forehead. */
function stripSkin(): SkinModel {
  const count = 9;
  return {
    regions: ['lateral_leg:right', 'dorsum_of_foot:right', 'forehead'],
    regionOfVertex: Uint16Array.from({ length: count }, (_, v) => Math.floor(v / 3)),
    ...rowNeighbours(count),
    overlayA: { array: new Uint8Array(count * 4), needsUpdate: false },
    overlayB: { array: new Uint8Array(count * 4), needsUpdate: false },
  } as unknown as SkinModel;
}

const bytes = (hex: string) => {
  const { r, g, b } = new Color(hex);
  return [r, g, b].map((c) => Math.round(c * 255));
};

describe('the nerve map layers', () => {
  it('gives every dermatome and nerve a colour of the palette, neighbouring levels different', () => {
    const maps = shippedMaps();
    const dermatomes = overlayAreas(maps, 'dermatomes');
    expect(dermatomes.map((a) => a.id)).toEqual(maps.dermatomes.map((d) => d.id));
    for (const area of [...dermatomes, ...overlayAreas(maps, 'nerves')]) {
      expect(overlayPalette).toContain(area.colour);
    }
    for (let i = 1; i < dermatomes.length; i++) {
      expect(dermatomes[i]!.colour).not.toBe(dermatomes[i - 1]!.colour);
    }
  });

  it('draws a branch, not the sciatic nerve that holds it, where both claim the skin', () => {
    const claims = areasByLandmark(overlayAreas(shippedMaps(), 'nerves'));
    const lateralLeg = claims.get('lateral_leg')!.map((a) => a.id);
    expect(lateralLeg).toContain('sciatic');
    expect(lateralLeg.at(-1)).toBe('sciatic');
    expect(areaIdsAt(overlayAreas(shippedMaps(), 'dermatomes'), 'big_toe')).toContain('L5');
  });

  it('paints the L5 strip in its colour, outlines it where it ends, and clears', () => {
    const skin = stripSkin();
    const areas = overlayAreas(shippedMaps(), 'dermatomes');
    paintOverlay(skin, 'dermatomes', areas);
    const a = skin.overlayA.array as Uint8Array;
    const b = skin.overlayB.array as Uint8Array;
    const l5 = areas.find((area) => area.id === 'L5')!;
    // the lateral leg and the top of the foot are L5's alone: one strip in its colour
    for (const v of [0, 3, 5]) {
      expect([...a.slice(v * 4, v * 4 + 3)]).toEqual(bytes(l5.colour));
      expect(a[v * 4 + 3]).toBe(255);
    }
    // no edge between them; an edge where the strip ends, next to skin of no dermatome
    expect(b[2 * 4 + 3]).toBe(0);
    expect(b[5 * 4 + 3]).toBe(255);
    // the forehead is in no dermatome of C2-S4 (it is the trigeminal nerve's): left bare
    expect(a[7 * 4 + 3]).toBe(0);
    expect(skin.overlayA.needsUpdate).toBe(true);
    paintOverlay(skin, 'none', []);
    expect(a.every((x) => x === 0)).toBe(true);
  });

  it('stripes a landmark two areas share with both colours', () => {
    const skin = stripSkin();
    const areas = overlayAreas(shippedMaps(), 'nerves');
    paintOverlay(skin, 'nerves', areas);
    const claims = areasByLandmark(areas).get('lateral_leg')!;
    expect(claims.length).toBeGreaterThan(1);
    const a = skin.overlayA.array as Uint8Array;
    const b = skin.overlayB.array as Uint8Array;
    expect([...a.slice(0, 3)]).toEqual(bytes(claims[0]!.colour));
    expect([...b.slice(0, 3)]).toEqual(bytes(claims[1]!.colour));
  });
});
