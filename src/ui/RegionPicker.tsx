import { useMemo } from 'react';
import { useAppStore } from '../state/store.ts';
import { bodyAreas, regionId, type Landmark } from '../core/regionIds.ts';

/**
 * Marking pain without the canvas: every body-surface region as a checkbox, grouped by body area,
 * with the person's left and right named plainly.
 */
export function RegionPicker() {
  const dataset = useAppStore((s) => s.dataset);
  const spots = useAppStore((s) => s.painSpots);
  const byArea = useMemo(() => {
    const groups = new Map<string, Landmark[]>(bodyAreas.map((area) => [area, []]));
    for (const landmark of dataset?.regions.landmarks.values() ?? []) {
      groups.get(landmark.area)?.push(landmark);
    }
    return groups;
  }, [dataset]);
  if (!dataset) return null;
  const toggle = (region: string) => useAppStore.getState().togglePainSpot(region);
  const box = (region: string, label: string, name: string) => (
    <label key={region} className={name === 'centre' ? 'region-box midline' : 'region-box'}>
      <input
        type="checkbox"
        checked={spots.includes(region)}
        onChange={() => toggle(region)}
        aria-label={label}
      />
      {name}
    </label>
  );
  return (
    <>
      <h2 className="browser-title">Where does it hurt?</h2>
      {[...byArea.entries()].map(([area, landmarks]) => {
        const marked = landmarks.filter((l) =>
          l.midline ? spots.includes(l.id) : spots.some((s) => s.startsWith(`${l.id}:`)),
        ).length;
        return (
          <details key={area} open={marked > 0 || undefined}>
            <summary>
              {area} {marked > 0 && <span className="muted">({marked} marked)</span>}
            </summary>
            <ul className="region-list">
              {landmarks.map((landmark) => (
                <li key={landmark.id}>
                  <span className="region-name">{landmark.name}</span>
                  {landmark.midline ? (
                    box(landmark.id, landmark.name, 'centre')
                  ) : (
                    <>
                      {box(
                        regionId(landmark.id, 'right'),
                        landmark.sidedName.replace('{side}', 'right'),
                        'right',
                      )}
                      {box(
                        regionId(landmark.id, 'left'),
                        landmark.sidedName.replace('{side}', 'left'),
                        'left',
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </>
  );
}
