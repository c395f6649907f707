/**
 * Client sessions in IndexedDB (plain API, no library). Every call resolves to a typed result and
 * never rejects: storage may be missing (private modes, blocked by settings), blocked by another
 * tab, full, or hold records a damaged profile or another version wrote. A failed write is a
 * failed transaction, so whatever was saved before stays as it was.
 */
import { readStoredSession, type Session } from '../core/sessions.ts';
import { messageOf } from '../core/errors.ts';

const databaseName = 'trigger-atlas';
const databaseVersion = 1;
/** Out-of-line keys (the session id), so any value read back is checked, not trusted. */
export const sessionStoreName = 'sessions';

export type StorageProblem = 'unavailable' | 'blocked' | 'quota' | 'failed';

export interface StorageError {
  readonly problem: StorageProblem;
  readonly message: string;
}

export type StorageResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StorageError };

export interface CorruptRecord {
  readonly key: string;
  readonly message: string;
}

export interface SessionList {
  readonly sessions: readonly Session[];
  /** Records that could not be read: reported, skipped, and left in storage untouched. */
  readonly corrupt: readonly CorruptRecord[];
}

const messages: Record<StorageProblem, string> = {
  unavailable:
    'Sessions cannot be saved in this browser: its storage (IndexedDB) is unavailable, for example in a private window or when site data is blocked. The rest of the atlas works as usual; export a session to keep it.',
  blocked:
    'The session storage is in use by another Trigger Atlas tab with an older version. Close the other tabs and reload.',
  quota:
    "The browser's storage is full, so this change was not saved. Everything saved earlier is kept. Export and delete old sessions, or free space, then try again.",
  failed: 'The session storage failed.',
};

function storageError(problem: StorageProblem, detail?: string): StorageError {
  return { problem, message: detail ? `${messages[problem]} (${detail})` : messages[problem] };
}

function errorOf(error: unknown): StorageError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = messageOf(error);
  if (name === 'QuotaExceededError') return storageError('quota');
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    return storageError('unavailable', detail);
  }
  return storageError('failed', detail || name || 'unknown error');
}

function ok<T>(value: T): StorageResult<T> {
  return { ok: true, value };
}

function failed<T>(error: StorageError): StorageResult<T> {
  return { ok: false, error };
}

let opening: Promise<StorageResult<IDBDatabase>> | null = null;

/** Opens (once) the database; later calls share the same connection or the same failure. */
export function openSessionDatabase(): Promise<StorageResult<IDBDatabase>> {
  opening ??= new Promise<StorageResult<IDBDatabase>>((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined' || indexedDB === null) {
        resolve(failed(storageError('unavailable')));
        return;
      }
      request = indexedDB.open(databaseName, databaseVersion);
    } catch (error) {
      resolve(failed({ ...errorOf(error), problem: 'unavailable', message: messages.unavailable }));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(sessionStoreName)) db.createObjectStore(sessionStoreName);
    };
    request.onblocked = () => resolve(failed(storageError('blocked')));
    request.onerror = () => {
      const error = request.error;
      resolve(
        failed(
          error?.name === 'QuotaExceededError'
            ? storageError('quota')
            : storageError('unavailable', error?.message ?? undefined),
        ),
      );
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer version in another tab wants to upgrade: step aside; reopen on the next call.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      db.onclose = () => {
        opening = null;
      };
      resolve(ok(db));
    };
  }).then((result) => {
    if (!result.ok) opening = null; // try again next time (e.g. after the other tab closed)
    return result;
  });
  return opening;
}

/** Runs `work` in one transaction and resolves when it commits (or with why it did not). */
async function inTransaction<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => () => T,
): Promise<StorageResult<T>> {
  const opened = await openSessionDatabase();
  if (!opened.ok) return failed(opened.error);
  return new Promise((resolve) => {
    let transaction: IDBTransaction;
    let result: () => T;
    try {
      transaction = opened.value.transaction(sessionStoreName, mode);
      result = work(transaction.objectStore(sessionStoreName));
    } catch (error) {
      resolve(failed(errorOf(error)));
      return;
    }
    transaction.oncomplete = () => {
      try {
        resolve(ok(result()));
      } catch (error) {
        resolve(failed(errorOf(error)));
      }
    };
    const onFailure = () => resolve(failed(errorOf(transaction.error ?? 'the change was undone')));
    transaction.onerror = (event) => {
      event.preventDefault();
      onFailure();
    };
    transaction.onabort = onFailure;
  });
}

/** Every readable session, plus the records that could not be read. */
export function listStoredSessions(): Promise<StorageResult<SessionList>> {
  return inTransaction('readonly', (store) => {
    const sessions: Session[] = [];
    const corrupt: CorruptRecord[] = [];
    const cursorRequest = store.openCursor();
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor) return;
      const read = readStoredSession(cursor.key, cursor.value);
      if (read.ok) sessions.push(read.session);
      else corrupt.push({ key: String(cursor.key).slice(0, 60), message: read.message });
      cursor.continue();
    };
    return () => ({ sessions, corrupt });
  });
}

/** Writes these sessions (new or changed) in one transaction: all of them or none. */
export function putStoredSessions(sessions: readonly Session[]): Promise<StorageResult<number>> {
  return inTransaction('readwrite', (store) => {
    for (const session of sessions) store.put(session, session.id);
    return () => sessions.length;
  });
}

export function deleteStoredSession(id: string): Promise<StorageResult<true>> {
  return inTransaction('readwrite', (store) => {
    store.delete(id);
    return () => true as const;
  });
}
