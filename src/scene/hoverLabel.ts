/**
 * The name label that follows the pointer over the body. Written straight to one DOM element:
 * pointer moves are too frequent for React state.
 */
import { regionLabel } from '../core/regionIds.ts';
import type { LabelRequest } from './viewProtocol.ts';
import { useAppStore } from '../state/store.ts';

const elementId = 'hover-label';

function place(text: string, x: number, y: number): void {
  const element = document.getElementById(elementId);
  if (!element) return;
  element.textContent = text;
  element.hidden = false;
  element.style.transform = `translate(${Math.round(x + 14)}px, ${Math.round(y + 12)}px)`;
}

function hide(): void {
  const element = document.getElementById(elementId);
  if (element) element.hidden = true;
}

/** Words the label as the view asks (viewProtocol.ts LabelRequest), at the pointer. */
export function showLabel(label: LabelRequest): void {
  const dataset = useAppStore.getState().dataset;
  switch (label.kind) {
    case 'muscle': {
      if (!label.hit) return hide();
      const record = dataset?.muscles.get(label.hit.muscle);
      const name = record?.name ?? label.hit.muscle.replaceAll('_', ' ');
      return place(`${name} (${label.hit.side})`, label.x, label.y);
    }
    case 'region':
      if (!label.region || !dataset) return hide();
      return place(regionLabel(label.region, dataset.regions), label.x, label.y);
    case 'text':
      return place(label.text, label.x, label.y);
    case 'hide':
      return hide();
  }
}
