/**
 * The name label that follows the pointer over the body. Written straight to one DOM element:
 * pointer moves are too frequent for React state.
 */
import { regionLabel } from '../core/regionIds.ts';
import type { MuscleSide } from '../core/url-state.ts';
import { useAppStore } from '../state/store.ts';

const elementId = 'hover-label';

function place(text: string, x: number, y: number): void {
  const element = document.getElementById(elementId);
  if (!element) return;
  element.textContent = text;
  element.hidden = false;
  element.style.transform = `translate(${Math.round(x + 14)}px, ${Math.round(y + 12)}px)`;
}

export const hoverLabel = {
  show(hit: MuscleSide | null, x: number, y: number): void {
    if (!hit) return this.hide();
    const record = useAppStore.getState().dataset?.muscles.get(hit.muscle);
    place(`${record?.name ?? hit.muscle.replaceAll('_', ' ')} (${hit.side})`, x, y);
  },
  showRegion(region: string | null, x: number, y: number): void {
    const dataset = useAppStore.getState().dataset;
    if (!region || !dataset) return this.hide();
    place(regionLabel(region, dataset.regions), x, y);
  },
  showText(text: string, x: number, y: number): void {
    place(text, x, y);
  },
  hide(): void {
    const element = document.getElementById(elementId);
    if (element) element.hidden = true;
  },
};
