import { useAppStore } from '../state/store.ts';
import { muscleGroupTitles } from '../core/muscleGroups.ts';
import type { MuscleGroup } from '../core/schema.ts';

/** Every muscle, grouped by body area: the keyboard and screen-reader path to the whole model. */
export function MuscleBrowser() {
  const dataset = useAppStore((s) => s.dataset);
  const selection = useAppStore((s) => s.selection);
  if (!dataset) return null;
  return (
    <>
      <h2 className="browser-title">Muscles</h2>
      {Object.entries(muscleGroupTitles).map(([group, title]) => {
        const records = dataset.musclesByGroup.get(group as MuscleGroup) ?? [];
        const open = records.some((r) => r.id === selection?.muscle);
        return (
          <details key={group} open={open || undefined}>
            <summary>
              {title} <span className="muted">({records.length})</span>
            </summary>
            <ul>
              {records.map((record) => {
                const current = selection?.muscle === record.id;
                return (
                  <li key={record.id}>
                    <button
                      type="button"
                      className={current ? 'link current' : 'link'}
                      aria-current={current ? 'true' : undefined}
                      onClick={() =>
                        useAppStore
                          .getState()
                          .select(
                            { muscle: record.id, side: selection?.side ?? 'right' },
                            { frame: true },
                          )
                      }
                    >
                      {record.name}
                    </button>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </>
  );
}
