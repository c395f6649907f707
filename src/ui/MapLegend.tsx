/**
 * The key of the nerve map layer drawn on the skin: each area with its colour and the body
 * regions it covers, so the map can be read without seeing the colours (screen readers too).
 */
import { useMemo } from 'react';
import { overlayAreas, overlayTitles } from '../core/nerveOverlay.ts';
import { shownMapLayer } from '../core/url-state.ts';
import { listWords } from '../core/rank-explanation.ts';
import { useAppStore } from '../state/store.ts';
import { useNerveMaps } from './NerveNote.tsx';

export function MapLegend() {
  const kind = useAppStore((s) => shownMapLayer(s.layers));
  const landmarks = useAppStore((s) => s.dataset?.regions.landmarks);
  const maps = useNerveMaps();
  const areas = useMemo(() => (maps && kind ? overlayAreas(maps, kind) : []), [maps, kind]);
  if (!kind || areas.length === 0) return null;
  const name = (landmark: string) => landmarks?.get(landmark)?.name ?? landmark;
  return (
    <details className="map-legend">
      <summary>
        {overlayTitles[kind]}:{' '}
        {kind === 'dermatomes'
          ? `${areas.length} areas, ${areas[0]!.id} to ${areas.at(-1)!.id}`
          : `${areas.length} nerves`}
      </summary>
      {/* focusable: the list scrolls, and keyboard users must be able to scroll it */}
      <ul aria-label={`${overlayTitles[kind]} on the skin`} tabIndex={0}>
        {areas.map((area) => (
          <li key={area.id}>
            <span className="swatch" style={{ background: area.colour }} aria-hidden="true" />
            <strong>{area.name}</strong>: {listWords(area.regions.map(name))}
          </li>
        ))}
      </ul>
      <p className="muted small">
        Both sides of the body alike. Where two areas share a region it is striped with both; each
        person&rsquo;s map differs a little, and neighbouring areas overlap.
      </p>
    </details>
  );
}
