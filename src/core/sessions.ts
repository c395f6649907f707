/**
 * Client sessions (local only): a named record of a client's pain spots, the muscles looked at
 * and the therapist's notes. This module is the pure part: types, the zod schemas of the stored
 * record and of the exported file (with its older version and migration), a never-throwing
 * parser for files a person picks, and the planning of an import against what is already saved.
 */
import { z } from 'zod';
import { describeIssues, joinPath, type IssuePath } from './issues.ts';
import { messageOf } from './errors.ts';
import { maxIntensity, painQualities, type PainDetails } from './painDetails.ts';

export const sessionsFileFormat = 'trigger-atlas-sessions';
export const sessionsFileVersion = 2;

/** Bigger files are refused before parsing: a sessions file is text, a few kB per client. */
export const maxSessionsFileChars = 20_000_000;
export const maxSessionNameLength = 120;
export const maxNotesLength = 100_000;

const sessionId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, "-" or "_"');
const timestamp = z.iso.datetime({
  offset: true,
  error: 'expected a date and time like "2025-03-01T09:30:00.000Z"',
});
const name = z.string().trim().min(1, 'must not be empty').max(maxSessionNameLength);

export const SessionMuscle = z.strictObject({
  muscle: z.string().min(1).max(100),
  side: z.enum(['left', 'right']),
});
export type SessionMuscle = z.infer<typeof SessionMuscle>;

/** How strong a spot is (0-10) and what it feels like (painDetails.ts). */
export const SessionPainDetail = z.strictObject({
  intensity: z.number().int().min(0).max(maxIntensity),
  quality: z.enum(painQualities).nullable(),
});

/**
 * One client session as stored in the browser and as written in version 2 files. `painDetails`
 * came later in version 2: files without it are read as they are (every spot unrated).
 */
export const Session = z.strictObject({
  id: sessionId,
  name,
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Region ids, e.g. `buttock:right`, in the order they were marked. */
  painSpots: z.array(z.string().min(1).max(100)).max(1000),
  /** Marked spot -> how strong it is and what it feels like; unrated spots have no entry. */
  painDetails: z.record(z.string().min(1).max(100), SessionPainDetail).optional(),
  /** Muscles looked at, each once, the most recently looked at last. */
  muscles: z.array(SessionMuscle).max(1000),
  notes: z.string().max(maxNotesLength),
});
export type Session = z.infer<typeof Session>;

export const SessionsFileV2 = z.strictObject({
  format: z.literal(sessionsFileFormat),
  version: z.literal(2),
  exportedAt: timestamp,
  sessions: z.array(Session),
});
export type SessionsFileV2 = z.infer<typeof SessionsFileV2>;

/**
 * Version 1, the first shape: `spots` instead of `painSpots`, no muscles, and times as
 * milliseconds since 1970 (`created`, `updated`).
 */
export const SessionV1 = z.strictObject({
  id: sessionId,
  name,
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  spots: z.array(z.string().min(1).max(100)).max(1000),
  notes: z.string().max(maxNotesLength),
});
export type SessionV1 = z.infer<typeof SessionV1>;

export const SessionsFileV1 = z.strictObject({
  format: z.literal(sessionsFileFormat),
  version: z.literal(1),
  exportedAt: z.number().int().nonnegative(),
  sessions: z.array(SessionV1),
});
export type SessionsFileV1 = z.infer<typeof SessionsFileV1>;

function isoOf(milliseconds: number): string {
  const date = new Date(milliseconds);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** Version 1 -> version 2: renames `spots`, converts the times, starts an empty muscle list. */
export function migrate(file: SessionsFileV1): SessionsFileV2 {
  return {
    format: sessionsFileFormat,
    version: 2,
    exportedAt: isoOf(file.exportedAt),
    sessions: file.sessions.map((old) => ({
      id: old.id,
      name: old.name,
      createdAt: isoOf(old.created),
      updatedAt: isoOf(old.updated),
      painSpots: [...old.spots],
      muscles: [],
      notes: old.notes,
    })),
  };
}

/** The ids a file's sessions are checked against (the loaded dataset's). */
export interface SessionVocabulary {
  isRegion(id: string): boolean;
  isMuscle(id: string): boolean;
  suggestRegion?(id: string): string | null;
  suggestMuscle?(id: string): string | null;
}

export type SessionsFileProblem =
  'too-large' | 'not-json' | 'not-sessions-file' | 'unsupported-version' | 'invalid';

export type ParsedSessionsFile =
  | { readonly ok: true; readonly sessions: readonly Session[]; readonly migratedFrom: 1 | null }
  | { readonly ok: false; readonly problem: SessionsFileProblem; readonly message: string };

/** How many schema problems a message lists before saying "and N more". */
const listedProblems = 3;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function clip(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

function didYouMean(suggestion: string | null | undefined): string {
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}

function listProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, listedProblems).join('; ');
  const more = problems.length - listedProblems;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/** Ids unknown to this app's data, and ids used by two sessions of one file. */
function vocabularyProblems(
  sessions: readonly Session[],
  vocab: SessionVocabulary,
  base: IssuePath,
): string[] {
  const problems: string[] = [];
  const firstIndexOf = new Map<string, number>();
  sessions.forEach((session, index) => {
    const at = (...path: IssuePath) => joinPath('', [...base, index, ...path]);
    const earlier = firstIndexOf.get(session.id);
    if (earlier !== undefined) {
      problems.push(
        `${at('id')}: the id "${clip(session.id)}" is also used by ${joinPath('', [...base, earlier])}`,
      );
    } else firstIndexOf.set(session.id, index);
    session.painSpots.forEach((spot, spotIndex) => {
      if (!vocab.isRegion(spot)) {
        problems.push(
          `${at('painSpots', spotIndex)}: unknown region "${clip(spot)}"${didYouMean(vocab.suggestRegion?.(spot))}`,
        );
      }
    });
    for (const spot of Object.keys(session.painDetails ?? {})) {
      if (!session.painSpots.includes(spot)) {
        problems.push(
          `${at('painDetails', spot)}: "${clip(spot)}" is not one of the session's pain spots`,
        );
      }
    }
    session.muscles.forEach((looked, muscleIndex) => {
      if (!vocab.isMuscle(looked.muscle)) {
        problems.push(
          `${at('muscles', muscleIndex, 'muscle')}: unknown muscle "${clip(looked.muscle)}"${didYouMean(vocab.suggestMuscle?.(looked.muscle))}`,
        );
      }
    });
  });
  return problems;
}

/**
 * Reads the text of a sessions file someone picked. Never throws: the result is either the
 * sessions (migrated to the current version) or one message naming the problem, prefixed with
 * the file's name when given, e.g. `sessions.json: sessions[0].painSpots[2]: unknown region "buttok"`.
 */
export function parseSessionsFile(
  text: string,
  vocab: SessionVocabulary,
  fileName = '',
): ParsedSessionsFile {
  const prefix = fileName ? `${fileName}: ` : '';
  const fail = (problem: SessionsFileProblem, message: string): ParsedSessionsFile => ({
    ok: false,
    problem,
    message: `${prefix}${message}`,
  });
  try {
    if (text.length > maxSessionsFileChars) {
      return fail(
        'too-large',
        `the file is too large for a sessions file (${text.length} characters, at most ${maxSessionsFileChars})`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const detail = messageOf(error);
      return fail('not-json', `the file is not valid JSON (${clip(detail, 120)})`);
    }
    const foreign = (why: string) =>
      fail('not-sessions-file', `not a Trigger Atlas sessions file (${why})`);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return foreign(`expected an object, got ${typeName(json)}`);
    }
    const record = json as Record<string, unknown>;
    if (!Object.hasOwn(record, 'format')) return foreign('no "format" field');
    if (record.format !== sessionsFileFormat) {
      const got =
        typeof record.format === 'string' ? `"${clip(record.format)}"` : typeName(record.format);
      return foreign(`"format" is ${got}, expected "${sessionsFileFormat}"`);
    }
    if (!Object.hasOwn(record, 'version')) {
      return fail('unsupported-version', 'the file has no "version" field');
    }
    const version = record.version;
    if (version !== 1 && version !== 2) {
      if (
        typeof version === 'number' &&
        Number.isInteger(version) &&
        version > sessionsFileVersion
      ) {
        return fail(
          'unsupported-version',
          `version ${version} was written by a newer Trigger Atlas (this one reads versions 1 to ${sessionsFileVersion})`,
        );
      }
      const got = typeof version === 'number' ? String(version) : typeName(version);
      return fail(
        'unsupported-version',
        `unknown version ${clip(got)} (this app reads versions 1 to ${sessionsFileVersion})`,
      );
    }
    const schema = version === 1 ? SessionsFileV1 : SessionsFileV2;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error, json, schema).map(
        (issue) => `${joinPath('', issue.path) || '(top level)'}: ${issue.message}`,
      );
      return fail('invalid', listProblems(problems));
    }
    const file =
      version === 1 ? migrate(parsed.data as SessionsFileV1) : (parsed.data as SessionsFileV2);
    const problems = vocabularyProblems(file.sessions, vocab, ['sessions']);
    if (problems.length > 0) return fail('invalid', listProblems(problems));
    return { ok: true, sessions: file.sessions, migratedFrom: version === 1 ? 1 : null };
  } catch (error) {
    // Nothing above should throw; if it does, the file is still refused with a message.
    return fail('invalid', `the file could not be read (${clip(String(error), 120)})`);
  }
}

/** The file text for these sessions, current version. */
export function serializeSessions(sessions: readonly Session[], exportedAt: Date): string {
  const file: SessionsFileV2 = {
    format: sessionsFileFormat,
    version: sessionsFileVersion,
    exportedAt: exportedAt.toISOString(),
    sessions: sessions.map((session) => Session.parse(session)),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A stored record read back: the session, or why it cannot be used. */
export type StoredSessionResult =
  | { readonly ok: true; readonly session: Session }
  | { readonly ok: false; readonly message: string };

/** Checks a record read from storage (untrusted: another version or a damaged profile wrote it). */
export function readStoredSession(key: unknown, value: unknown): StoredSessionResult {
  const parsed = Session.safeParse(value);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error, value, Session).map(
      (issue) => `${joinPath('', issue.path) || 'the record'}: ${issue.message}`,
    );
    return { ok: false, message: listProblems(problems) };
  }
  if (key !== parsed.data.id) {
    return { ok: false, message: `it is stored under another key than its id "${parsed.data.id}"` };
  }
  return { ok: true, session: parsed.data };
}

/** A new, empty-notes session. */
export function newSession(
  id: string,
  sessionName: string,
  now: Date,
  painSpots: readonly string[] = [],
  muscles: readonly SessionMuscle[] = [],
  painDetails: PainDetails = {},
): Session {
  const at = now.toISOString();
  const spots = [...new Set(painSpots)];
  const details = Object.fromEntries(
    Object.entries(painDetails).filter(([spot]) => spots.includes(spot)),
  );
  return {
    id,
    name: cleanSessionName(sessionName) || 'Untitled session',
    createdAt: at,
    updatedAt: at,
    painSpots: spots,
    ...(Object.keys(details).length > 0 && { painDetails: details }),
    muscles: muscles.reduce<SessionMuscle[]>((list, m) => withMuscleLooked(list, m), []),
    notes: '',
  };
}

/** Trimmed, single-line, bounded. */
export function cleanSessionName(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, maxSessionNameLength);
}

/** The muscles looked at after looking at `muscle`: each once, the latest last. */
export function withMuscleLooked(
  muscles: readonly SessionMuscle[],
  muscle: SessionMuscle,
): SessionMuscle[] {
  const others = muscles.filter((m) => m.muscle !== muscle.muscle || m.side !== muscle.side);
  return [...others, { muscle: muscle.muscle, side: muscle.side }];
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i] as T));
}

/** True when two sessions hold exactly the same data. */
export function sameSession(a: Session, b: Session): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.notes === b.notes &&
    sameList(a.painSpots, b.painSpots, (x, y) => x === y) &&
    JSON.stringify(a.painDetails ?? {}) === JSON.stringify(b.painDetails ?? {}) &&
    sameList(a.muscles, b.muscles, (x, y) => x.muscle === y.muscle && x.side === y.side)
  );
}

export interface ImportConflict {
  readonly incoming: Session;
  readonly existing: Session;
  /** The file holds exactly what is saved already. */
  readonly identical: boolean;
}

export interface ImportPlan {
  /** Sessions whose id is not saved yet: imported as they are. */
  readonly fresh: readonly Session[];
  /** Sessions whose id is saved already: the person decides, one by one. */
  readonly conflicts: readonly ImportConflict[];
  /** Names in use (saved and incoming), so copies get a name of their own. */
  readonly takenNames: readonly string[];
}

export type ConflictDecision = 'keep-both' | 'replace' | 'skip';

/** Splits a file's sessions into new ones and ones that clash with a saved id. */
export function planImport(existing: readonly Session[], incoming: readonly Session[]): ImportPlan {
  const byId = new Map(existing.map((s) => [s.id, s]));
  const fresh: Session[] = [];
  const conflicts: ImportConflict[] = [];
  for (const session of incoming) {
    const saved = byId.get(session.id);
    if (saved)
      conflicts.push({
        incoming: session,
        existing: saved,
        identical: sameSession(saved, session),
      });
    else fresh.push(session);
  }
  const takenNames = [...new Set([...existing, ...incoming].map((s) => s.name))];
  return { fresh, conflicts, takenNames };
}

/** The name for an imported copy: "Anna" -> "Anna (copy)", then "Anna (copy 2)", … */
export function copyName(original: string, takenNames: ReadonlySet<string>): string {
  const base = cleanSessionName(original).slice(0, maxSessionNameLength - 10);
  let candidate = `${base} (copy)`;
  for (let n = 2; takenNames.has(candidate); n++) candidate = `${base} (copy ${n})`;
  return candidate;
}

/**
 * The records to write for an import plan and the person's decisions (by incoming id; a conflict
 * without a decision is skipped). Copies get a fresh id from `newId` and a "(copy)" name.
 */
export function resolveImport(
  plan: ImportPlan,
  decisions: ReadonlyMap<string, ConflictDecision>,
  newId: () => string,
): { readonly put: readonly Session[]; readonly skipped: number } {
  const put: Session[] = [...plan.fresh];
  const takenNames = new Set(plan.takenNames);
  let skipped = 0;
  for (const conflict of plan.conflicts) {
    const decision = decisions.get(conflict.incoming.id) ?? 'skip';
    if (decision === 'replace') put.push(conflict.incoming);
    else if (decision === 'keep-both') {
      const copy = {
        ...conflict.incoming,
        id: newId(),
        name: copyName(conflict.incoming.name, takenNames),
      };
      takenNames.add(copy.name);
      put.push(copy);
    } else skipped++;
  }
  return { put, skipped };
}

/** Newest first, then by name. */
export function sortSessions(sessions: readonly Session[]): Session[] {
  return [...sessions].sort((a, b) =>
    a.updatedAt === b.updatedAt ? a.name.localeCompare(b.name) : a.updatedAt < b.updatedAt ? 1 : -1,
  );
}

/** A file name for an export: `trigger-atlas-anna-2025-03-01.json`. */
export function exportFileName(label: string, now: Date): string {
  const slug =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'session';
  return `trigger-atlas-${slug}-${now.toISOString().slice(0, 10)}.json`;
}
