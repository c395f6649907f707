/**
 * The name label that follows the pointer over the body. Written straight to one DOM element:
 * pointer moves are too frequent for React state.
 */
import { parseRegionId, regionLabel } from '../core/regionIds.ts';
import { areaIdsAt, overlayAreas } from '../core/nerveOverlay.ts';
import { shownMapLayer } from '../core/url-state.ts';
import { loadedNerveMaps } from '../state/nerveMaps.ts';
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

/** With a nerve map shown: the areas under the pointer, e.g. " · L4, L5", else nothing. */
function mapAreasAt(region: string): string {
  const kind = shownMapLayer(useAppStore.getState().layers);
  const maps = loadedNerveMaps();
  const parsed = parseRegionId(region);
  if (!kind || !maps || parsed instanceof Error) return '';
  const ids = areaIdsAt(overlayAreas(maps, kind), parsed.landmark);
  if (ids.length === 0) return '';
  const names = kind === 'dermatomes' ? ids : ids.map((id) => id.replaceAll('_', ' '));
  return ` · ${names.join(', ')}`;
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
      return place(
        regionLabel(label.region, dataset.regions) + mapAreasAt(label.region),
        label.x,
        label.y,
      );
    case 'text':
      return place(label.text, label.x, label.y);
    case 'hide':
      return hide();
  }
}
