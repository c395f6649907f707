/**
 * Client sessions in the running app: the saved list, the open session, and the autosave that
 * follows the main store's pain spots and selection into the open session (debounced). Kept apart
 * from the main store: sessions are local records, not part of the shareable view.
 */
import { create } from 'zustand';
import {
  newSession,
  sortSessions,
  withMuscleLooked,
  cleanSessionName,
  type Session,
} from '../core/sessions.ts';
import {
  deleteStoredSession,
  listStoredSessions,
  putStoredSessions,
  type CorruptRecord,
} from './sessionStorage.ts';
import { useAppStore } from './store.ts';

export const autosaveDelayMs = 400;

export interface DeletedSession {
  readonly session: Session;
  readonly wasOpen: boolean;
}

export interface SessionState {
  readonly status: 'idle' | 'loading' | 'ready' | 'unavailable';
  readonly sessions: readonly Session[];
  readonly corrupt: readonly CorruptRecord[];
  readonly openSessionId: string | null;
  /** The last storage failure, shown until the next successful write or reload. */
  readonly storageError: string | null;
  /** Unsaved changes of the open session wait for the debounce (or a retry). */
  readonly pending: boolean;
  /** The last deletion, while its undo is offered. */
  readonly lastDeleted: DeletedSession | null;
}

export const useSessionStore = create<SessionState>()(() => ({
  status: 'idle',
  sessions: [],
  corrupt: [],
  openSessionId: null,
  storageError: null,
  pending: false,
  lastDeleted: null,
}));

const set = useSessionStore.setState;
const get = useSessionStore.getState;

function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
export { newId as newSessionId };

function replaceInList(session: Session): void {
  const others = get().sessions.filter((s) => s.id !== session.id);
  set({ sessions: sortSessions([...others, session]) });
}

/** Reads the saved list; corrupt records are reported once as a notice and skipped. */
export async function loadSessions(): Promise<void> {
  set({ status: 'loading' });
  const result = await listStoredSessions();
  if (!result.ok) {
    set({
      status: result.error.problem === 'unavailable' ? 'unavailable' : 'ready',
      storageError: result.error.message,
    });
    return;
  }
  set({
    status: 'ready',
    sessions: sortSessions(result.value.sessions),
    corrupt: result.value.corrupt,
  });
  const count = result.value.corrupt.length;
  if (count > 0) {
    useAppStore
      .getState()
      .notify(
        `${count} saved session${count === 1 ? '' : 's'} could not be read and ${count === 1 ? 'was' : 'were'} skipped (the damaged data is left in storage untouched). Open Sessions for details.`,
      );
  }
}

/** Writes sessions; on failure keeps them in memory and records the message. */
async function write(sessions: readonly Session[]): Promise<boolean> {
  const result = await putStoredSessions(sessions);
  if (!result.ok) {
    set({ storageError: result.error.message });
    return false;
  }
  set({ storageError: null });
  return true;
}

function currentMuscles(): Session['muscles'] {
  const selection = useAppStore.getState().selection;
  return selection ? [{ muscle: selection.muscle, side: selection.side }] : [];
}

/** Creates a session from what is on screen now (pain spots, selected muscle) and opens it. */
export async function createSession(name: string): Promise<Session | null> {
  const app = useAppStore.getState();
  const session = newSession(
    newId(),
    name,
    new Date(),
    app.painSpots,
    currentMuscles(),
    app.painDetails,
  );
  if (!(await write([session]))) return null;
  replaceInList(session);
  set({ openSessionId: session.id, pending: false });
  return session;
}

/** Opens a session: its pain spots and last muscle come back on screen. */
export function openSession(
  id: string,
  isKnown: { region(id: string): boolean; muscle(id: string): boolean },
): void {
  void flushAutosave();
  const session = get().sessions.find((s) => s.id === id);
  if (!session) return;
  set({ openSessionId: id, pending: false });
  const app = useAppStore.getState();
  const spots = session.painSpots.filter((spot) => isKnown.region(spot));
  const last = session.muscles.at(-1);
  const dropped = session.painSpots.length - spots.length;
  // The session's own record stays as it is; only what this app knows is shown.
  suppressAutosave = true;
  try {
    app.setPainSpots(spots, session.painDetails ?? {});
    if (spots.length > 0) app.setMode('pain');
    if (last && isKnown.muscle(last.muscle)) app.select(last, { frame: true });
    else app.select(null);
  } finally {
    suppressAutosave = false;
  }
  app.notify(
    `Opened session "${session.name}". Pain spots and muscles you look at are saved into it.` +
      (dropped > 0
        ? ` ${dropped} pain spot${dropped === 1 ? '' : 's'} unknown to this atlas were not shown.`
        : ''),
  );
}

export function closeSession(): void {
  void flushAutosave();
  set({ openSessionId: null });
}

export async function renameSession(id: string, name: string): Promise<boolean> {
  const session = get().sessions.find((s) => s.id === id);
  const cleaned = cleanSessionName(name);
  if (!session || !cleaned || cleaned === session.name) return false;
  const renamed = { ...session, name: cleaned, updatedAt: new Date().toISOString() };
  replaceInList(renamed);
  return write([renamed]);
}

export async function deleteSession(id: string): Promise<boolean> {
  const session = get().sessions.find((s) => s.id === id);
  if (!session) return false;
  const wasOpen = get().openSessionId === id;
  if (wasOpen) {
    cancelAutosave();
    set({ openSessionId: null });
  }
  const result = await deleteStoredSession(id);
  if (!result.ok) {
    set({ storageError: result.error.message });
    return false;
  }
  set({
    sessions: get().sessions.filter((s) => s.id !== id),
    lastDeleted: { session, wasOpen },
    storageError: null,
  });
  return true;
}

export async function undoDelete(): Promise<boolean> {
  const deleted = get().lastDeleted;
  if (!deleted) return false;
  if (!(await write([deleted.session]))) return false;
  replaceInList(deleted.session);
  set({ lastDeleted: null });
  if (deleted.wasOpen && get().openSessionId === null) set({ openSessionId: deleted.session.id });
  return true;
}

export function forgetDeleted(): void {
  set({ lastDeleted: null });
}

/** Saves imported sessions in one transaction. */
export async function saveImported(sessions: readonly Session[]): Promise<boolean> {
  if (sessions.length === 0) return true;
  if (!(await write(sessions))) return false;
  for (const session of sessions) replaceInList(session);
  const open = get().openSessionId;
  // A replaced open session: show what was imported.
  if (open && sessions.some((s) => s.id === open)) set({ pending: false });
  return true;
}

export function setNotes(notes: string): void {
  const id = get().openSessionId;
  const session = get().sessions.find((s) => s.id === id);
  if (!session || session.notes === notes) return;
  replaceInList({ ...session, notes, updatedAt: new Date().toISOString() });
  scheduleAutosave();
}

// --- autosave ------------------------------------------------------------------------------

let timer: ReturnType<typeof setTimeout> | null = null;
let suppressAutosave = false;

function cancelAutosave(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  set({ pending: false });
}

function scheduleAutosave(): void {
  if (timer !== null) clearTimeout(timer);
  set({ pending: true });
  timer = setTimeout(() => {
    timer = null;
    void flushAutosave();
  }, autosaveDelayMs);
}

/** Writes the open session now if it has unsaved changes. */
export async function flushAutosave(): Promise<boolean> {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (!get().pending) return true;
  const session = get().sessions.find((s) => s.id === get().openSessionId);
  if (!session) {
    set({ pending: false });
    return true;
  }
  const saved = await write([session]);
  // Changes made while writing are written by their own (later) flush.
  const latest = get().sessions.find((s) => s.id === session.id);
  if (saved && latest === session) set({ pending: false });
  return saved;
}

/** Follows the main store into the open session. Returns the unsubscribe function. */
export function followAppIntoOpenSession(): () => void {
  const unsubscribe = useAppStore.subscribe((app, previous) => {
    if (suppressAutosave) return;
    if (
      app.painSpots === previous.painSpots &&
      app.painDetails === previous.painDetails &&
      app.selection === previous.selection
    )
      return;
    const id = get().openSessionId;
    const session = get().sessions.find((s) => s.id === id);
    if (!session) return;
    let next = session;
    if (app.painSpots !== previous.painSpots) {
      const same =
        app.painSpots.length === session.painSpots.length &&
        app.painSpots.every((spot, i) => spot === session.painSpots[i]);
      if (!same) next = { ...next, painSpots: [...app.painSpots] };
    }
    if (app.painDetails !== previous.painDetails) {
      const { painDetails: _old, ...rest } = next;
      const rated = Object.keys(app.painDetails).length > 0;
      next = rated ? { ...rest, painDetails: { ...app.painDetails } } : rest;
    }
    if (app.selection && app.selection !== previous.selection) {
      const last = session.muscles.at(-1);
      if (!last || last.muscle !== app.selection.muscle || last.side !== app.selection.side) {
        next = { ...next, muscles: withMuscleLooked(next.muscles, app.selection) };
      }
    }
    if (next === session) return;
    replaceInList({ ...next, updatedAt: new Date().toISOString() });
    scheduleAutosave();
  });
  const onHide = () => void flushAutosave();
  window.addEventListener('pagehide', onHide);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') void flushAutosave();
  };
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** For tests: the saved records as the list shows them. */
export function sessionsSnapshot(): readonly Session[] {
  return get().sessions;
}
