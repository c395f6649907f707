import type { AppState } from '../state/store.ts';
import type { LegendEntry } from './exportImage.ts';

/** What the marks on the body mean for the current state, as the on-screen legend says. */
export function legendEntries(
  state: Pick<AppState, 'selection' | 'compare' | 'painSpots'>,
): LegendEntry[] {
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
  return entries;
}
