import { shownMapLayer, type Layers, type MuscleSide } from '../core/url-state.ts';
import { overlayTitles } from '../core/nerveOverlay.ts';

export interface LegendEntry {
  readonly label: string;
  readonly kind: 'essential' | 'spillover' | 'compare' | 'pain' | 'trp' | 'map';
}

/** What the marks on the body mean for the current state, as the on-screen legend says. */
export function legendEntries(state: {
  readonly selection: MuscleSide | null;
  readonly compare: MuscleSide | null;
  readonly painSpots: readonly string[];
  readonly layers: Layers;
}): LegendEntry[] {
  const entries: LegendEntry[] = [];
  if (state.selection) {
    entries.push(
      { kind: 'essential', label: 'Essential zone' },
      { kind: 'spillover', label: 'Spillover zone' },
      { kind: 'trp', label: 'Trigger point' },
    );
  }
  if (state.compare) entries.push({ kind: 'compare', label: 'Compared muscle' });
  if (state.painSpots.length > 0) entries.push({ kind: 'pain', label: 'Where it hurts' });
  const map = shownMapLayer(state.layers);
  if (map) entries.push({ kind: 'map', label: overlayTitles[map] });
  return entries;
}
