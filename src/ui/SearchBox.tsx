import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { selectAndFrame, useAppStore } from '../state/store.ts';
import type { MuscleRecord } from '../core/schema.ts';
import { findUncharted, type UnchartedMuscle } from '../core/uncharted.ts';
import { unchartedChunk } from '../state/uncharted.ts';
import { useLazyChunk } from '../state/lazyChunk.ts';

const maxResults = 8;

/**
 * Muscle search by name, alias or Latin name: an ARIA combobox. Arrow keys move through the
 * results, Enter selects (the first result if none is highlighted) and turns the camera to it.
 * A muscle the atlas leaves out on purpose (data/uncharted) is explained, with the charted
 * muscles to look at instead as the results.
 */
export function SearchBox() {
  const dataset = useAppStore((s) => s.dataset);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const results: readonly MuscleRecord[] = useMemo(
    () => (dataset && query.trim() ? dataset.findMuscles(query).slice(0, maxResults) : []),
    [dataset, query],
  );
  // loaded the first time a search finds no charted muscle; offline before it was cached, the
  // search still says "no muscle matches"
  const uncharted = useLazyChunk(
    unchartedChunk,
    results.length === 0 && query.trim().length > 0,
  ).value;
  const leftOut = results.length === 0 && uncharted ? findUncharted(uncharted, query) : null;
  const options: readonly MuscleRecord[] = useMemo(
    () =>
      results.length > 0 || !leftOut || !dataset
        ? results
        : leftOut.see.flatMap((id) => dataset.muscles.get(id) ?? []),
    [results, leftOut, dataset],
  );

  const choose = (record: MuscleRecord) => {
    selectAndFrame(record.id);
    setQuery(record.name);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (event.key === 'Enter') {
      // a left-out muscle's pointers are chosen, not taken by default
      const record = options[active] ?? results[0];
      if (record) {
        event.preventDefault();
        choose(record);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.stopPropagation();
        setOpen(false);
      } else setQuery('');
    }
  };

  const expanded = open && query.trim().length > 0;
  return (
    <div className="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search muscles
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={expanded && leftOut ? `${listId}-note` : undefined}
        placeholder="Search muscles"
        autoComplete="off"
        spellCheck={false}
        value={query}
        disabled={!dataset}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <div className="search-results" hidden={!expanded}>
        {leftOut && <LeftOutNote id={`${listId}-note`} muscle={leftOut} />}
        <ul id={listId} role="listbox" aria-label="Matching muscles" className="search-list">
          {options.map((record, i) => (
            <li
              key={record.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(record);
              }}
            >
              {record.name}
              {record.aliases[0] ? <span className="muted"> · {record.aliases[0]}</span> : null}
            </li>
          ))}
          {expanded && options.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled="true" className="muted">
              No muscle matches “{query}”
            </li>
          ) : null}
        </ul>
      </div>
      {/* a screen reader hears why a search found nothing, without moving to the list */}
      <p className="visually-hidden" aria-live="polite">
        {expanded && leftOut ? unchartedSentence(leftOut) : ''}
      </p>
    </div>
  );
}

function unchartedSentence(muscle: UnchartedMuscle): string {
  return `${muscle.name} is not charted in this atlas. ${muscle.why}`;
}

/** Beside the list, not in it: the list holds only what can be chosen. */
function LeftOutNote({ id, muscle }: { readonly id: string; readonly muscle: UnchartedMuscle }) {
  return (
    // a press on the note keeps the focus in the search, so the list stays open
    <p id={id} className="search-uncharted" onMouseDown={(event) => event.preventDefault()}>
      {unchartedSentence(muscle)} Charted muscles to look at instead:
    </p>
  );
}
