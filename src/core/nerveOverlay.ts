/**
 * The nerve map layers drawn on the skin: the dermatomes or the peripheral nerves' skin areas
 * (data/nerves), each with its colour, and which areas claim each landmark. Pure: the view paints
 * from it and the legend lists from it, so the two always agree.
 */
import type { NerveMaps } from './nerveMatch.ts';
import type { MapLayerName } from './url-state.ts';

export const overlayTitles: Record<MapLayerName, string> = {
  dermatomes: 'Dermatomes (nerve roots)',
  nerves: 'Peripheral nerves',
};

/**
 * Pale tints of a colour-blind-safe qualitative palette (after Okabe–Ito), so that a solid
 * referral red or compare blue drawn on top stays distinct. Neighbouring levels get neighbouring
 * entries, which differ in hue and lightness.
 */
export const overlayPalette = [
  '#f2c46d',
  '#8ecbf0',
  '#74c9a8',
  '#eee78a',
  '#b9a2e0',
  '#ef9f7c',
  '#e6a9cb',
  '#c9d67a',
] as const;

export interface OverlayArea {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  /** Landmark ids without a side: the area is drawn on both sides of the body. */
  readonly regions: readonly string[];
}

const areasOfMaps = new WeakMap<NerveMaps, Partial<Record<MapLayerName, OverlayArea[]>>>();

/**
 * The layer's areas in the maps' order (dermatomes from C2 down), each with its colour; made once
 * per maps, as the label under the pointer asks on every move.
 */
export function overlayAreas(maps: NerveMaps, kind: MapLayerName): readonly OverlayArea[] {
  const made = areasOfMaps.get(maps) ?? {};
  areasOfMaps.set(maps, made);
  made[kind] ??= (kind === 'dermatomes' ? maps.dermatomes : maps.nerves).map((entry, i) => ({
    id: entry.id,
    name: entry.name,
    colour: overlayPalette[i % overlayPalette.length]!,
    regions: entry.regions,
  }));
  return made[kind];
}

/**
 * Landmark -> the areas that claim it, smallest area first: where a big area (the sciatic nerve)
 * holds its branches' skin, the branch is what is drawn; a shared landmark is striped with the
 * first two.
 */
export function areasByLandmark(areas: readonly OverlayArea[]): Map<string, OverlayArea[]> {
  const byLandmark = new Map<string, OverlayArea[]>();
  for (const area of areas) {
    for (const landmark of area.regions) {
      const claims = byLandmark.get(landmark) ?? [];
      claims.push(area);
      byLandmark.set(landmark, claims);
    }
  }
  const order = new Map(areas.map((area, i) => [area.id, i]));
  for (const claims of byLandmark.values()) {
    claims.sort(
      (a, b) =>
        a.regions.length - b.regions.length || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
    );
  }
  return byLandmark;
}

/** The ids of the areas that take in `landmark`, in the maps' order: the label under the pointer. */
export function areaIdsAt(areas: readonly OverlayArea[], landmark: string): string[] {
  return areas.filter((area) => area.regions.includes(landmark)).map((area) => area.id);
}
