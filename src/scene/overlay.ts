/**
 * Paints a nerve map layer (dermatomes or nerve areas) into the skin's overlay attributes: each
 * vertex takes the colour of the area that claims its landmark, a landmark two areas share gets
 * both (the shader stripes them), and a vertex next to another area is marked as an edge so the
 * areas read as outlined strips, as on a chart.
 */
import { Color } from 'three';
import { areasByLandmark, type OverlayArea } from '../core/nerveOverlay.ts';
import { parseRegionId } from '../core/regionIds.ts';
import type { SkinModel } from './prepareModel.ts';

const painted = new WeakMap<SkinModel, string>();

/** The chart colour in the renderer's linear working space, as bytes (vertex colours are linear). */
function linearBytes(colour: string): [number, number, number] {
  const { r, g, b } = new Color(colour);
  return [Math.round(r * 255), Math.round(g * 255), Math.round(b * 255)];
}

/** Per skin region: the two areas drawn there (the same one twice when one claims it), or null. */
function regionAreas(
  skin: SkinModel,
  areas: readonly OverlayArea[],
): ([OverlayArea, OverlayArea] | null)[] {
  const byLandmark = areasByLandmark(areas);
  return skin.regions.map((region) => {
    const parsed = parseRegionId(region);
    const claims = parsed instanceof Error ? undefined : byLandmark.get(parsed.landmark);
    if (!claims || claims.length === 0) return null;
    return [claims[0]!, claims[1] ?? claims[0]!];
  });
}

/** Fills the overlay attributes for `areas` (none: clears them); skips a repaint of the same. */
export function paintOverlay(skin: SkinModel, key: string, areas: readonly OverlayArea[]): void {
  if (painted.get(skin) === key) return;
  painted.set(skin, key);
  const a = skin.overlayA.array as Uint8Array;
  const b = skin.overlayB.array as Uint8Array;
  a.fill(0);
  b.fill(0);
  if (areas.length > 0) {
    const perRegion = regionAreas(skin, areas);
    const colours = new Map(areas.map((area) => [area.id, linearBytes(area.colour)]));
    const pairKey = perRegion.map((pair) => (pair ? `${pair[0].id}/${pair[1].id}` : ''));
    const { regionOfVertex, neighbourStart, neighbours } = skin;
    for (let v = 0; v < regionOfVertex.length; v++) {
      const region = regionOfVertex[v]!;
      const pair = perRegion[region];
      if (!pair) continue;
      const first = colours.get(pair[0].id)!;
      const second = colours.get(pair[1].id)!;
      a.set([first[0], first[1], first[2], 255], v * 4);
      let edge = false;
      for (let k = neighbourStart[v]!; k < neighbourStart[v + 1]! && !edge; k++) {
        edge = pairKey[regionOfVertex[neighbours[k]!]!] !== pairKey[region];
      }
      b.set([second[0], second[1], second[2], edge ? 255 : 0], v * 4);
    }
  }
  skin.overlayA.needsUpdate = true;
  skin.overlayB.needsUpdate = true;
}
