import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseSessionsFile,
  serializeSessions,
  type Session,
  type SessionVocabulary,
} from '../../src/core/sessions.ts';

const regions = ['buttock:right', 'buttock:left', 'sacrum', 'temple:left'];
const muscles = ['piriformis', 'deltoid'];
const vocab: SessionVocabulary = {
  isRegion: (id) => regions.includes(id),
  isMuscle: (id) => muscles.includes(id),
  suggestRegion: (id) => (id.startsWith('butt') ? 'buttock:right' : null),
};
const problems = ['too-large', 'not-json', 'not-sessions-file', 'unsupported-version', 'invalid'];

function expectTyped(result: ReturnType<typeof parseSessionsFile>): void {
  if (result.ok) {
    expect(Array.isArray(result.sessions)).toBe(true);
  } else {
    expect(problems).toContain(result.problem);
    expect(typeof result.message).toBe('string');
    expect(result.message.length).toBeGreaterThan(0);
  }
}

/** JSON that looks a little like a sessions file, so the fuzzing reaches the deeper checks. */
const nearlySessionsFile = fc.record(
  {
    format: fc.oneof(fc.constant('trigger-atlas-sessions'), fc.string(), fc.jsonValue()),
    version: fc.oneof(fc.constantFrom(1, 2, 3), fc.jsonValue()),
    exportedAt: fc.oneof(fc.constant('2025-01-01T00:00:00.000Z'), fc.integer(), fc.jsonValue()),
    sessions: fc.oneof(
      fc.array(
        fc.record(
          {
            id: fc.oneof(fc.constantFrom('a', 'b'), fc.string()),
            name: fc.string(),
            createdAt: fc.oneof(fc.constant('2025-01-01T00:00:00Z'), fc.string()),
            updatedAt: fc.constant('2025-01-01T00:00:00Z'),
            created: fc.integer(),
            updated: fc.nat(),
            painSpots: fc.array(fc.oneof(fc.constantFrom(...regions), fc.string())),
            spots: fc.array(fc.oneof(fc.constantFrom(...regions), fc.string())),
            muscles: fc.array(
              fc.record({
                muscle: fc.oneof(fc.constantFrom(...muscles), fc.string()),
                side: fc.oneof(fc.constantFrom('left', 'right'), fc.string()),
              }),
            ),
            notes: fc.oneof(fc.string(), fc.jsonValue()),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);

describe('parseSessionsFile on untrusted text', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectTyped(parseSessionsFile(text, vocab, 'fuzz.json'));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectTyped(parseSessionsFile(JSON.stringify(value) ?? 'undefined', vocab));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on JSON shaped almost like a sessions file', () => {
    fc.assert(
      fc.property(nearlySessionsFile, (value) => {
        expectTyped(parseSessionsFile(JSON.stringify(value), vocab));
      }),
      { numRuns: 2000 },
    );
  });

  it('valid sessions survive export and import unchanged', () => {
    const session: fc.Arbitrary<Session> = fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
      name: fc
        .string({ minLength: 1, maxLength: 40 })
        .map((s) => s.replace(/\s+/g, ' ').trim())
        .filter((s) => s.length > 0),
      createdAt: fc
        .date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
        .map((d) => d.toISOString()),
      updatedAt: fc
        .date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
        .map((d) => d.toISOString()),
      painSpots: fc.uniqueArray(fc.constantFrom(...regions)),
      muscles: fc.array(
        fc.record({
          muscle: fc.constantFrom(...muscles),
          side: fc.constantFrom('left' as const, 'right' as const),
        }),
        { maxLength: 3 },
      ),
      notes: fc.string({ maxLength: 200 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(session, { selector: (s) => s.id, maxLength: 5 }), (sessions) => {
        const text = serializeSessions(sessions, new Date('2025-01-01T00:00:00Z'));
        expect(parseSessionsFile(text, vocab)).toEqual({ ok: true, sessions, migratedFrom: null });
      }),
      { numRuns: 1000 },
    );
  });
});
