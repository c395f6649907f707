// first: zod (the sessions' checks) runs without generating code, as the page's CSP requires
import '../zodJitless.ts';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  exportFileName,
  parseSessionsFile,
  planImport,
  resolveImport,
  serializeSessions,
  type ConflictDecision,
  type ImportConflict,
  type ImportPlan,
  type Session,
  type SessionVocabulary,
} from '../core/sessions.ts';
import { suggest } from '../core/suggest.ts';
import type { Dataset } from '../core/dataset.ts';
import { useAppStore } from '../state/store.ts';
import {
  closeSession,
  createSession,
  deleteSession,
  flushAutosave,
  followAppIntoOpenSession,
  forgetDeleted,
  loadSessions,
  newSessionId,
  openSession,
  renameSession,
  saveImported,
  setNotes,
  undoDelete,
  useSessionStore,
} from '../state/sessionState.ts';
import './sessions.css';

/** How long the undo of a deletion is offered. */
const undoWindowMs = 20_000;

function sessionVocabulary(dataset: Dataset): SessionVocabulary {
  const regionIds = dataset.regions.regionIds;
  const muscleIds = [...dataset.muscles.keys()];
  return {
    isRegion: (id) => dataset.regions.regionIndex.has(id),
    isMuscle: (id) => dataset.muscles.has(id),
    suggestRegion: (id) => suggest(id, regionIds),
    suggestMuscle: (id) => suggest(id, muscleIds),
  };
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Offers a file to save, from inside `container` (outside a modal dialog is inert). */
function downloadText(text: string, fileName: string, container: HTMLElement | null): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  (container ?? document.body).append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Esc closes the dialog only: the app's own Esc (clear the selection) must not see it. */
function keepEscapeInDialog(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key === 'Escape') event.stopPropagation();
}

/** "Deleted … Undo", offered for a while after a deletion. */
function UndoDelete() {
  const deleted = useSessionStore((s) => s.lastDeleted);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(forgetDeleted, undoWindowMs);
    return () => clearTimeout(timer);
  }, [deleted]);
  if (!deleted) return null;
  return (
    <p className="sessions-undo">
      Deleted session “{deleted.session.name}”.{' '}
      <button type="button" onClick={() => void undoDelete()}>
        Undo
      </button>{' '}
      <button type="button" className="link" aria-label="Dismiss" onClick={forgetDeleted}>
        ×
      </button>
    </p>
  );
}

function SessionRow({
  session,
  isOpen,
  onOpen,
  onExport,
}: {
  session: Session;
  isOpen: boolean;
  onOpen: () => void;
  onExport: () => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(session.name);
  const inputId = useId();
  const renameButton = useRef<HTMLButtonElement>(null);
  const finish = (save: boolean) => {
    if (save) void renameSession(session.id, draft);
    setRenaming(false);
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      // Cancels the rename only, not the whole dialog.
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    }
  };
  return (
    <li
      className={`session-row${isOpen ? ' open' : ''}`}
      aria-current={isOpen ? 'true' : undefined}
    >
      {renaming ? (
        <form
          className="session-rename"
          onSubmit={(event) => {
            event.preventDefault();
            finish(true);
          }}
        >
          <label htmlFor={inputId} className="visually-hidden">
            New name for {session.name}
          </label>
          <input
            id={inputId}
            value={draft}
            maxLength={120}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="submit">Save name</button>
          <button type="button" onClick={() => finish(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="session-title">
          <span className="session-name">{session.name}</span>
          {isOpen && <span className="session-badge">open</span>}
        </div>
      )}
      <p className="session-meta muted">
        {plural(session.painSpots.length, 'pain spot')} · {plural(session.muscles.length, 'muscle')}{' '}
        · updated {formatTime(session.updatedAt)}
      </p>
      <div className="session-actions">
        <button type="button" onClick={onOpen} disabled={isOpen}>
          Open<span className="visually-hidden"> {session.name}</span>
        </button>
        <button
          type="button"
          ref={renameButton}
          onClick={() => {
            setDraft(session.name);
            setRenaming(true);
          }}
          disabled={renaming}
        >
          Rename<span className="visually-hidden"> {session.name}</span>
        </button>
        <button type="button" onClick={onExport}>
          Export<span className="visually-hidden"> {session.name}</span>
        </button>
        <button type="button" className="danger" onClick={() => void deleteSession(session.id)}>
          Delete<span className="visually-hidden"> {session.name}</span>
        </button>
      </div>
    </li>
  );
}

function OpenSessionNotes({ session }: { session: Session }) {
  const pending = useSessionStore((s) => s.pending);
  const storageError = useSessionStore((s) => s.storageError);
  const notesId = useId();
  const state = pending ? (storageError ? 'Not saved yet' : 'Saving…') : 'Saved';
  return (
    <section className="session-open" aria-labelledby={`${notesId}-title`}>
      <h3 id={`${notesId}-title`}>
        Open: <span className="session-name">{session.name}</span>
      </h3>
      <p className="muted small">
        Pain spots you mark and muscles you look at are saved into this session as you go.
      </p>
      <label htmlFor={notesId}>Notes</label>
      <textarea
        id={notesId}
        rows={5}
        value={session.notes}
        maxLength={100_000}
        onChange={(event) => setNotes(event.target.value)}
        onBlur={() => void flushAutosave()}
      />
      <div className="session-open-footer">
        <span className="save-state" role="status">
          {state}
        </span>
        {pending && storageError && (
          <button type="button" onClick={() => void flushAutosave()}>
            Try saving again
          </button>
        )}
        <button type="button" onClick={closeSession}>
          Close session
        </button>
      </div>
    </section>
  );
}

/** Asks what to do with an imported session whose id is already saved. */
function ConflictDialog({
  conflict,
  remaining,
  onDecide,
}: {
  conflict: ImportConflict;
  remaining: number;
  onDecide: (decision: ConflictDecision, forAll: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [forAll, setForAll] = useState(false);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="sessions-conflict"
      onKeyDown={keepEscapeInDialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        onDecide('skip', forAll);
      }}
    >
      <h2 id={titleId}>“{conflict.incoming.name}” is already saved</h2>
      <div id={descriptionId}>
        <p>
          The file holds a session that is already saved here
          {conflict.identical ? ', with exactly the same content.' : ', with different content.'}
        </p>
        <dl className="conflict-compare">
          <dt>Saved here</dt>
          <dd>
            “{conflict.existing.name}”, updated {formatTime(conflict.existing.updatedAt)},{' '}
            {plural(conflict.existing.painSpots.length, 'pain spot')}
          </dd>
          <dt>In the file</dt>
          <dd>
            “{conflict.incoming.name}”, updated {formatTime(conflict.incoming.updatedAt)},{' '}
            {plural(conflict.incoming.painSpots.length, 'pain spot')}
          </dd>
        </dl>
      </div>
      {remaining > 0 && (
        <label className="conflict-all">
          <input type="checkbox" checked={forAll} onChange={(e) => setForAll(e.target.checked)} />{' '}
          Do the same for the {plural(remaining, 'other session')} already saved
        </label>
      )}
      <div className="conflict-actions">
        <button type="button" autoFocus onClick={() => onDecide('keep-both', forAll)}>
          Keep both (import as a copy)
        </button>
        <button type="button" onClick={() => onDecide('replace', forAll)}>
          Replace the saved one
        </button>
        <button type="button" onClick={() => onDecide('skip', forAll)}>
          Skip
        </button>
      </div>
    </dialog>
  );
}

interface PendingImport {
  readonly plan: ImportPlan;
  readonly decisions: Map<string, ConflictDecision>;
  readonly index: number;
  readonly migrated: boolean;
}

/** The sessions dialog: new, list (open, rename, export, delete), notes, export all, import. */
export function SessionsPanel({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const nameId = useId();
  const status = useSessionStore((s) => s.status);
  const sessions = useSessionStore((s) => s.sessions);
  const corrupt = useSessionStore((s) => s.corrupt);
  const openSessionId = useSessionStore((s) => s.openSessionId);
  const storageError = useSessionStore((s) => s.storageError);
  const dataset = useAppStore((s) => s.dataset);
  const vocabulary = useMemo(() => (dataset ? sessionVocabulary(dataset) : null), [dataset]);
  const [name, setName] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const [importDone, setImportDone] = useState<string | null>(null);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);
  const openSessionRecord = sessions.find((s) => s.id === openSessionId) ?? null;
  const unavailable = status === 'unavailable';

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const isKnown = useMemo(
    () => ({
      region: (id: string) => vocabulary?.isRegion(id) ?? false,
      muscle: (id: string) => vocabulary?.isMuscle(id) ?? false,
    }),
    [vocabulary],
  );

  const exportSessions = (list: readonly Session[], label: string) => {
    const now = new Date();
    downloadText(serializeSessions(list, now), exportFileName(label, now), dialog.current);
  };

  const finishImport = async (
    plan: ImportPlan,
    decisions: Map<string, ConflictDecision>,
    migrated: boolean,
  ) => {
    setPendingImport(null);
    const { put, skipped } = resolveImport(plan, decisions, newSessionId);
    if (!(await saveImported(put))) {
      setImportError('Nothing was imported: the sessions could not be saved (see above).');
      return;
    }
    const open = useSessionStore.getState().openSessionId;
    if (open && put.some((s) => s.id === open)) openSession(open, isKnown);
    const copies = [...decisions.values()].filter((d) => d === 'keep-both').length;
    const parts = [`Imported ${plural(put.length, 'session')}`];
    if (copies > 0) parts.push(`${copies} as a copy`);
    if (skipped > 0) parts.push(`${skipped} skipped`);
    setImportDone(
      `${parts.join(', ')}.${migrated ? ' The file was from an older version and was converted.' : ''}`,
    );
  };

  const importFile = async (file: File) => {
    setImportError(null);
    setImportDone(null);
    if (!vocabulary) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setImportError(
        `Nothing was imported. ${file.name}: the file could not be read (${String(error)})`,
      );
      return;
    }
    const parsed = parseSessionsFile(text, vocabulary, file.name);
    if (!parsed.ok) {
      setImportError(`Nothing was imported. ${parsed.message}`);
      return;
    }
    await flushAutosave();
    const plan = planImport(useSessionStore.getState().sessions, parsed.sessions);
    const migrated = parsed.migratedFrom !== null;
    if (plan.conflicts.length === 0) await finishImport(plan, new Map(), migrated);
    else setPendingImport({ plan, decisions: new Map(), index: 0, migrated });
  };

  const decide = (decision: ConflictDecision, forAll: boolean) => {
    if (!pendingImport) return;
    const { plan, decisions, index, migrated } = pendingImport;
    const upTo = forAll ? plan.conflicts.length : index + 1;
    for (const conflict of plan.conflicts.slice(index, upTo))
      decisions.set(conflict.incoming.id, decision);
    if (upTo >= plan.conflicts.length) void finishImport(plan, decisions, migrated);
    else setPendingImport({ plan, decisions, index: upTo, migrated });
  };

  const conflict = pendingImport?.plan.conflicts[pendingImport.index];

  return (
    <dialog
      ref={dialog}
      className="sessions-dialog"
      onKeyDown={keepEscapeInDialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pendingImport) onClose();
      }}
    >
      <div className="sessions-head">
        <h2 id={titleId}>Client sessions</h2>
        <button
          type="button"
          className="sessions-close"
          onClick={onClose}
          aria-label="Close sessions"
        >
          ×
        </button>
      </div>
      <p className="muted small">
        Saved only in this browser, on this device. Nothing is sent anywhere; export a file to keep
        a copy or move sessions to another computer.
      </p>

      {storageError && (
        <p className="sessions-error" role="alert">
          {storageError}
        </p>
      )}
      {corrupt.length > 0 && (
        <div className="sessions-error" role="alert">
          <p>
            {plural(corrupt.length, 'saved session')} could not be read and{' '}
            {corrupt.length === 1 ? 'was' : 'were'} skipped. The damaged data is left in storage
            untouched.
          </p>
          <ul>
            {corrupt.slice(0, 5).map((record) => (
              <li key={record.key}>
                <code>{record.key}</code>: {record.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {openSessionRecord && <OpenSessionNotes session={openSessionRecord} />}

      <form
        className="sessions-new"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          void createSession(name).then((created) => {
            if (created) setName('');
          });
        }}
      >
        <label htmlFor={nameId}>New session</label>
        <div className="sessions-new-row">
          <input
            id={nameId}
            value={name}
            maxLength={120}
            placeholder="Client name or session title"
            onChange={(event) => setName(event.target.value)}
            disabled={unavailable}
          />
          <button type="submit" disabled={unavailable || !name.trim()}>
            Create and open
          </button>
        </div>
        <p className="muted small">It starts with the pain spots and muscle on screen now.</p>
      </form>

      <h3 className="sessions-list-title">Saved sessions</h3>
      <UndoDelete />
      {status === 'loading' && <p className="muted">Loading…</p>}
      {status !== 'loading' && sessions.length === 0 && (
        <p className="muted">No saved sessions yet.</p>
      )}
      {sessions.length > 0 && (
        <ul className="sessions-list" aria-label="Saved sessions">
          {sessions.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              isOpen={session.id === openSessionId}
              onOpen={() => openSession(session.id, isKnown)}
              onExport={() => exportSessions([session], session.name)}
            />
          ))}
        </ul>
      )}

      <div className="sessions-footer">
        <button
          type="button"
          onClick={() => exportSessions(sessions, 'sessions')}
          disabled={sessions.length === 0}
        >
          Export all
        </button>
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          disabled={unavailable || !vocabulary}
        >
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Import sessions from a file"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {importError && (
        <p className="sessions-error" role="alert">
          {importError}
        </p>
      )}
      {importDone && (
        <p className="sessions-done" role="status">
          {importDone}
        </p>
      )}
      {pendingImport && conflict && (
        <ConflictDialog
          key={conflict.incoming.id}
          conflict={conflict}
          remaining={pendingImport.plan.conflicts.length - pendingImport.index - 1}
          onDecide={decide}
        />
      )}
    </dialog>
  );
}

/** The open session's name, shown on the header's Sessions button (SessionsButton.tsx). */
export function OpenSessionName() {
  const openName = useSessionStore(
    (s) => s.sessions.find((session) => session.id === s.openSessionId)?.name ?? null,
  );
  return openName ? <span className="sessions-current">: {openName}</span> : null;
}

/**
 * What the header's Sessions button (SessionsButton.tsx) opens: it loads the saved sessions,
 * runs the autosave, and shows the panel while `open`, the undo toast otherwise.
 */
export function SessionsFeature({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  useEffect(() => {
    if (useSessionStore.getState().status === 'idle') void loadSessions();
    return followAppIntoOpenSession();
  }, []);
  return open ? (
    <SessionsPanel onClose={onClose} />
  ) : (
    // A live region without the status role: the app's notices keep the one status region.
    <div className="sessions-toast" aria-live="polite">
      <UndoDelete />
    </div>
  );
}
