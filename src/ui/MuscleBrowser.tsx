import { useState } from 'react';
import { selectAndFrame, useAppStore } from '../state/store.ts';
import { muscleGroupTitles } from '../core/muscleGroups.ts';
import type { MuscleGroup } from '../core/schema.ts';
import { unchartedChunk } from '../state/uncharted.ts';
import { useLazyChunk } from '../state/lazyChunk.ts';

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
                      onClick={() => selectAndFrame(record.id)}
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
      <LeftOutMuscles />
    </>
  );
}

/** The muscles left out on purpose, each with why and the charted ones to look at; loaded when opened. */
function LeftOutMuscles() {
  const dataset = useAppStore((s) => s.dataset);
  const [opened, setOpened] = useState(false);
  const { value: list, failed } = useLazyChunk(unchartedChunk, opened);
  return (
    <details
      className="uncharted"
      onToggle={(event) => event.currentTarget.open && setOpened(true)}
    >
      <summary>Not charted, and why</summary>
      {failed ? (
        <p role="alert">The list could not be loaded. Reload the page to try again.</p>
      ) : !list ? (
        <p className="muted">Loading…</p>
      ) : (
        <ul>
          {list.map((muscle) => (
            <li key={muscle.id}>
              <strong>{muscle.name}.</strong> {muscle.why} Look at:{' '}
              {muscle.see.map((id, i) => (
                <span key={id}>
                  <button type="button" className="link" onClick={() => selectAndFrame(id)}>
                    {dataset?.muscles.get(id)?.name ?? id}
                  </button>
                  {i < muscle.see.length - 1 ? ', ' : '.'}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
