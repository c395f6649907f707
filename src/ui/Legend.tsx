import { useAppStore } from '../state/store.ts';
import { shownMapLayer } from '../core/url-state.ts';
import { MapLegend } from './MapLegend.tsx';

/** Explains the marks on the body; shown whenever a zone or pain spot is drawn. */
export function Legend() {
  const selection = useAppStore((s) => s.selection);
  const compare = useAppStore((s) => s.compare);
  const pain = useAppStore((s) => s.painSpots.length > 0);
  const map = useAppStore((s) => shownMapLayer(s.layers) !== null);
  if (!selection && !pain && !map) return null;
  return (
    <div className="legend" aria-label="Legend">
      {selection && (
        <>
          <span className="swatch essential" aria-hidden="true" /> Essential zone (solid)
          <span className="swatch spillover" aria-hidden="true" /> Spillover zone (dots)
          <span className="swatch trp" aria-hidden="true" /> Trigger point
        </>
      )}
      {compare && (
        <>
          <span className="swatch compare" aria-hidden="true" /> Compared muscle (blue)
        </>
      )}
      {pain && (
        <>
          <span className="swatch pain" aria-hidden="true" /> Where it hurts (hatched)
        </>
      )}
      {map && <MapLegend />}
    </div>
  );
}
