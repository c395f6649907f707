import { useAppStore } from '../state/store.ts';

/** Explains the marks on the body; shown whenever a zone or pain spot is drawn. */
export function Legend() {
  const selection = useAppStore((s) => s.selection);
  const compare = useAppStore((s) => s.compare);
  const pain = useAppStore((s) => s.painSpots.length > 0);
  if (!selection && !pain) return null;
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
    </div>
  );
}
