import { describe, expect, it } from 'vitest';
import {
  copyName,
  exportFileName,
  migrate,
  newSession,
  parseSessionsFile,
  planImport,
  readStoredSession,
  resolveImport,
  serializeSessions,
  Session,
  sortSessions,
  withMuscleLooked,
  type ConflictDecision,
  type SessionVocabulary,
  type SessionsFileV1,
} from '../../src/core/sessions.ts';

const regions = ['buttock:right', 'buttock:left', 'posterior_thigh:right', 'sacrum'];
const muscles = ['piriformis', 'gluteus_minimus', 'deltoid'];
const vocab: SessionVocabulary = {
  isRegion: (id) => regions.includes(id),
  isMuscle: (id) => muscles.includes(id),
};
const vocabWithHints: SessionVocabulary = {
  ...vocab,
  suggestRegion: (id) => (id === 'buttok:right' ? 'buttock:right' : null),
  suggestMuscle: (id) => (id === 'piriformus' ? 'piriformis' : null),
};

const anna: Session = {
  id: 'a1',
  name: 'Anna',
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:30:00.000Z',
  painSpots: ['buttock:right', 'posterior_thigh:right', 'sacrum'],
  muscles: [
    { muscle: 'gluteus_minimus', side: 'right' },
    { muscle: 'piriformis', side: 'right' },
  ],
  notes: 'Sits all day; pain worse after driving.',
};
const ben: Session = {
  id: 'b2',
  name: 'Ben',
  createdAt: '2025-03-02T10:00:00.000Z',
  updatedAt: '2025-03-02T10:05:00.000Z',
  painSpots: [],
  muscles: [],
  notes: '',
};

function fileWith(sessions: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'trigger-atlas-sessions',
    version: 2,
    exportedAt: '2025-03-03T12:00:00.000Z',
    sessions,
    ...extra,
  });
}

function messageOf(text: string, vocabulary = vocab): string {
  const result = parseSessionsFile(text, vocabulary, 'sessions.json');
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

describe('the session record', () => {
  it('accepts a complete session and refuses unknown fields', () => {
    expect(Session.safeParse(anna).success).toBe(true);
    expect(Session.safeParse({ ...anna, extra: 1 }).success).toBe(false);
  });

  it('keeps muscles looked at once each, the latest last', () => {
    let list = withMuscleLooked([], { muscle: 'piriformis', side: 'right' });
    list = withMuscleLooked(list, { muscle: 'deltoid', side: 'left' });
    list = withMuscleLooked(list, { muscle: 'piriformis', side: 'left' });
    list = withMuscleLooked(list, { muscle: 'piriformis', side: 'right' });
    expect(list).toEqual([
      { muscle: 'deltoid', side: 'left' },
      { muscle: 'piriformis', side: 'left' },
      { muscle: 'piriformis', side: 'right' },
    ]);
  });

  it('a new session starts with the spots and muscle on screen, deduplicated', () => {
    const session = newSession('x', '  Carla   Diaz ', new Date('2025-01-02T03:04:05.000Z'), [
      'sacrum',
      'sacrum',
      'buttock:left',
    ]);
    expect(session).toEqual({
      id: 'x',
      name: 'Carla Diaz',
      createdAt: '2025-01-02T03:04:05.000Z',
      updatedAt: '2025-01-02T03:04:05.000Z',
      painSpots: ['sacrum', 'buttock:left'],
      muscles: [],
      notes: '',
    });
    expect(Session.safeParse(session).success).toBe(true);
  });

  it('reports a damaged stored record instead of using it', () => {
    expect(readStoredSession('a1', anna)).toEqual({ ok: true, session: anna });
    expect(readStoredSession('junk', 'garbage')).toEqual({
      ok: false,
      message: 'the record: expected object, got string',
    });
    expect(readStoredSession('a1', { ...anna, name: undefined })).toEqual({
      ok: false,
      message: 'name: missing (expected string)',
    });
    expect(readStoredSession('other', anna)).toEqual({
      ok: false,
      message: 'it is stored under another key than its id "a1"',
    });
  });

  it('lists the newest first', () => {
    expect(sortSessions([anna, ben]).map((s) => s.id)).toEqual(['b2', 'a1']);
  });
});

describe('export and import round trip', () => {
  it('reads back exactly what it wrote', () => {
    const text = serializeSessions([anna, ben], new Date('2025-03-03T12:00:00.000Z'));
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json.format).toBe('trigger-atlas-sessions');
    expect(json.version).toBe(2);
    expect(json.exportedAt).toBe('2025-03-03T12:00:00.000Z');
    expect(parseSessionsFile(text, vocab)).toEqual({
      ok: true,
      sessions: [anna, ben],
      migratedFrom: null,
    });
  });

  it('names export files after the session and the day', () => {
    const day = new Date('2025-03-03T12:00:00.000Z');
    expect(exportFileName('Anna Müller', day)).toBe('trigger-atlas-anna-muller-2025-03-03.json');
    expect(exportFileName('!!!', day)).toBe('trigger-atlas-session-2025-03-03.json');
  });
});

describe('version 1 files', () => {
  const v1: SessionsFileV1 = {
    format: 'trigger-atlas-sessions',
    version: 1,
    exportedAt: Date.parse('2024-11-05T08:00:00.000Z'),
    sessions: [
      {
        id: 'old-1',
        name: 'Dora',
        created: Date.parse('2024-11-01T08:00:00.000Z'),
        updated: Date.parse('2024-11-02T08:00:00.000Z'),
        spots: ['sacrum', 'buttock:left'],
        notes: 'From the first version.',
      },
    ],
  };

  it('migrate renames spots, converts times and starts an empty muscle list', () => {
    expect(migrate(v1)).toEqual({
      format: 'trigger-atlas-sessions',
      version: 2,
      exportedAt: '2024-11-05T08:00:00.000Z',
      sessions: [
        {
          id: 'old-1',
          name: 'Dora',
          createdAt: '2024-11-01T08:00:00.000Z',
          updatedAt: '2024-11-02T08:00:00.000Z',
          painSpots: ['sacrum', 'buttock:left'],
          muscles: [],
          notes: 'From the first version.',
        },
      ],
    });
  });

  it('importing a version 1 file gives current sessions and says it was converted', () => {
    const result = parseSessionsFile(JSON.stringify(v1), vocab);
    expect(result.ok && result.migratedFrom).toBe(1);
    expect(result.ok && result.sessions[0]?.painSpots).toEqual(['sacrum', 'buttock:left']);
  });

  it('checks a version 1 file against the version 1 shape', () => {
    const wrong = { ...v1, sessions: [{ ...v1.sessions[0], painSpots: [] }] };
    expect(messageOf(JSON.stringify(wrong))).toBe(
      'sessions.json: sessions[0]: unknown field "painSpots"',
    );
  });

  it('checks migrated spots against the atlas regions', () => {
    const wrong = { ...v1, sessions: [{ ...v1.sessions[0], spots: ['sacrum', 'buttok'] }] };
    expect(messageOf(JSON.stringify(wrong))).toBe(
      'sessions.json: sessions[0].painSpots[1]: unknown region "buttok"',
    );
  });
});

describe('import error messages', () => {
  it('a file that is not JSON', () => {
    expect(messageOf('{"format": "trigger-atlas-sessions", oops}')).toMatch(
      /^sessions\.json: the file is not valid JSON \(.+\)$/,
    );
    expect(messageOf('')).toMatch(/^sessions\.json: the file is not valid JSON \(.+\)$/);
    // V8's own words (Node and Chromium), passed on as they are.
    expect(messageOf('{"format": x}')).toBe(
      `sessions.json: the file is not valid JSON (Unexpected token 'x', "{"format": x}" is not valid JSON)`,
    );
  });

  it('JSON that is not a sessions file', () => {
    expect(messageOf('[]')).toBe(
      'sessions.json: not a Trigger Atlas sessions file (expected an object, got an array)',
    );
    expect(messageOf('42')).toBe(
      'sessions.json: not a Trigger Atlas sessions file (expected an object, got a number)',
    );
    expect(messageOf('null')).toBe(
      'sessions.json: not a Trigger Atlas sessions file (expected an object, got null)',
    );
    expect(messageOf('{"name": "a muscle file"}')).toBe(
      'sessions.json: not a Trigger Atlas sessions file (no "format" field)',
    );
    expect(messageOf('{"format": "trigger-atlas-handout"}')).toBe(
      'sessions.json: not a Trigger Atlas sessions file ("format" is "trigger-atlas-handout", expected "trigger-atlas-sessions")',
    );
    expect(messageOf('{"format": 7}')).toBe(
      'sessions.json: not a Trigger Atlas sessions file ("format" is a number, expected "trigger-atlas-sessions")',
    );
  });

  it('versions it does not know', () => {
    expect(messageOf('{"format": "trigger-atlas-sessions"}')).toBe(
      'sessions.json: the file has no "version" field',
    );
    expect(messageOf(fileWith([], { version: 3 }))).toBe(
      'sessions.json: version 3 was written by a newer Trigger Atlas (this one reads versions 1 to 2)',
    );
    expect(messageOf(fileWith([], { version: '2' }))).toBe(
      'sessions.json: unknown version a string (this app reads versions 1 to 2)',
    );
    expect(messageOf(fileWith([], { version: 0 }))).toBe(
      'sessions.json: unknown version 0 (this app reads versions 1 to 2)',
    );
  });

  it('the wrong shape, with the path of the problem', () => {
    expect(messageOf(fileWith([{ ...anna, painSpots: 'sacrum' }]))).toBe(
      'sessions.json: sessions[0].painSpots: expected array, got string',
    );
    expect(messageOf(fileWith([{ ...anna, name: undefined }]))).toBe(
      'sessions.json: sessions[0].name: missing (expected string)',
    );
    const { notes: _notes, ...benWithoutNotes } = ben;
    expect(messageOf(fileWith([anna, { ...benWithoutNotes, nots: '' }]))).toBe(
      'sessions.json: sessions[1].notes: missing (expected string); sessions[1]: unknown field "nots" (did you mean "notes"?)',
    );
    expect(messageOf(fileWith([{ ...anna, muscles: [{ muscle: 'deltoid', side: 'both' }] }]))).toBe(
      'sessions.json: sessions[0].muscles[0].side: expected one of "left", "right", got "both"',
    );
    expect(messageOf(fileWith([{ ...anna, createdAt: 'yesterday' }]))).toBe(
      'sessions.json: sessions[0].createdAt: expected a date and time like "2025-03-01T09:30:00.000Z"',
    );
    expect(messageOf(fileWith([{ ...anna, id: 'a b' }]))).toBe(
      'sessions.json: sessions[0].id: must be letters, digits, "-" or "_"',
    );
    expect(messageOf(fileWith([], { sessions: undefined }))).toBe(
      'sessions.json: sessions: missing (expected array)',
    );
  });

  it('lists at most three problems', () => {
    const broken = [1, 2, 3, 4, 5].map(() => 'x');
    expect(messageOf(fileWith(broken))).toBe(
      'sessions.json: sessions[0]: expected object, got string; sessions[1]: expected object, got string; sessions[2]: expected object, got string; and 2 more',
    );
  });

  it('keeps how strong each spot was and what it felt like; files from before read as unrated', () => {
    const rated: Session = {
      ...anna,
      painDetails: { 'buttock:right': { intensity: 8, quality: 'electric' } },
    };
    const text = serializeSessions([rated], new Date('2025-03-03T12:00:00.000Z'));
    expect(parseSessionsFile(text, vocab)).toEqual({
      ok: true,
      sessions: [rated],
      migratedFrom: null,
    });
    // a version 2 file written before ratings existed has no painDetails: it opens as it is
    const before = parseSessionsFile(fileWith([anna]), vocab);
    expect(before.ok && before.sessions[0]!.painDetails).toBeUndefined();
  });

  it('a rating that is out of range, or of a spot the session does not mark', () => {
    expect(
      messageOf(
        fileWith([{ ...anna, painDetails: { 'buttock:right': { intensity: 11, quality: null } } }]),
      ),
    ).toMatch(/^sessions\.json: sessions\[0\]\.painDetails\.buttock:right\.intensity: /);
    expect(
      messageOf(
        fileWith([{ ...anna, painDetails: { 'buttock:left': { intensity: 3, quality: null } } }]),
      ),
    ).toBe(
      'sessions.json: sessions[0].painDetails.buttock:left: "buttock:left" is not one of the session\'s pain spots',
    );
  });

  it('ids the atlas does not know', () => {
    const spots = ['sacrum', 'buttock:right', 'buttok'];
    expect(messageOf(fileWith([{ ...anna, painSpots: spots }]))).toBe(
      'sessions.json: sessions[0].painSpots[2]: unknown region "buttok"',
    );
    expect(
      messageOf(
        fileWith([
          {
            ...anna,
            painSpots: ['buttok:right'],
            muscles: [{ muscle: 'piriformus', side: 'left' }],
          },
        ]),
        vocabWithHints,
      ),
    ).toBe(
      'sessions.json: sessions[0].painSpots[0]: unknown region "buttok:right" (did you mean "buttock:right"?); sessions[0].muscles[0].muscle: unknown muscle "piriformus" (did you mean "piriformis"?)',
    );
  });

  it('two sessions with one id', () => {
    expect(messageOf(fileWith([anna, ben, { ...anna, name: 'Anna again' }]))).toBe(
      'sessions.json: sessions[2].id: the id "a1" is also used by sessions[0]',
    );
  });

  it('a file far too large', () => {
    const result = parseSessionsFile(' '.repeat(20_000_001), vocab, 'big.json');
    expect(result).toEqual({
      ok: false,
      problem: 'too-large',
      message:
        'big.json: the file is too large for a sessions file (20000001 characters, at most 20000000)',
    });
  });

  it('without a file name the message has no prefix', () => {
    const result = parseSessionsFile('{}', vocab);
    expect(result).toEqual({
      ok: false,
      problem: 'not-sessions-file',
      message: 'not a Trigger Atlas sessions file (no "format" field)',
    });
  });
});

describe('planning an import', () => {
  const annaEdited: Session = {
    ...anna,
    notes: 'Edited elsewhere.',
    updatedAt: '2025-03-04T08:00:00.000Z',
  };
  const carl: Session = { ...ben, id: 'c3', name: 'Carl' };

  it('imports new ids as they are and asks about saved ones', () => {
    const plan = planImport([anna, ben], [annaEdited, carl, ben]);
    expect(plan.fresh).toEqual([carl]);
    expect(plan.conflicts).toEqual([
      { incoming: annaEdited, existing: anna, identical: false },
      { incoming: ben, existing: ben, identical: true },
    ]);
  });

  it('keep both makes a copy with a new id and name; replace overwrites; skip leaves it', () => {
    const plan = planImport([anna, ben], [annaEdited, carl, ben]);
    const decisions = new Map<string, ConflictDecision>([
      ['a1', 'keep-both'],
      ['b2', 'skip'],
    ]);
    let n = 0;
    const result = resolveImport(plan, decisions, () => `new-${++n}`);
    expect(result.skipped).toBe(1);
    expect(result.put).toEqual([carl, { ...annaEdited, id: 'new-1', name: 'Anna (copy)' }]);

    const replaced = resolveImport(plan, new Map([['a1', 'replace']]), () => 'unused');
    expect(replaced.put).toEqual([carl, annaEdited]);
    expect(replaced.skipped).toBe(1);
  });

  it('copies never take a name in use', () => {
    expect(copyName('Anna', new Set(['Anna', 'Anna (copy)', 'Anna (copy 2)']))).toBe(
      'Anna (copy 3)',
    );
    const plan = planImport([anna, { ...ben, id: 'z', name: 'Anna (copy)' }], [anna]);
    const result = resolveImport(plan, new Map([['a1', 'keep-both']]), () => 'fresh');
    expect(result.put.map((s) => s.name)).toEqual(['Anna (copy 2)']);
  });
});
