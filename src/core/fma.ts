/**
 * Checks each muscle record's Foundational Model of Anatomy ids against the FMA names
 * (data/anatomy/fma-names.json): every record has ids, every id is a known FMA muscle concept,
 * and its FMA name names the record (so a mistyped id, the vastus medialis's for the vastus
 * lateralis, is caught). External models that name their parts by FMA id map through these.
 */
import { z } from 'zod';
import type { MuscleRecord } from './schema.ts';
import { describeIssues, joinPath } from './issues.ts';

export const FmaNamesFile = z.object({
  about: z.string(),
  sources: z.array(z.object({ citation: z.string(), doi: z.string().optional() })).min(1),
  /** FMA id (digits) -> the FMA's English name. */
  names: z.record(z.string().regex(/^[1-9][0-9]*$/, 'must be an FMA id, digits only'), z.string()),
});
export type FmaNames = ReadonlyMap<number, string>;

/** Words that do not tell muscles apart: "descending part of trapezius" names the trapezius part. */
const fillerWords = new Set(['of', 'part', 'muscle', 'muscles', 'group', 'set', 'the', 'and']);

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word && !fillerWords.has(word));
}

/** The FMA name fits the record: each of its words is in the record's name, aliases or Latin. */
export function fmaNameFits(record: MuscleRecord, fmaName: string): boolean {
  const own = new Set(wordsOf([record.name, record.latin, ...record.aliases].join(' ')));
  return wordsOf(fmaName).every((word) => own.has(word));
}

export type FmaNamesResult =
  | { readonly ok: true; readonly names: FmaNames }
  | { readonly ok: false; readonly errors: string[] };

/** Reads the names file's JSON (`file` names it in messages). */
export function readFmaNames(json: unknown, file: string): FmaNamesResult {
  const parsed = FmaNamesFile.safeParse(json);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error, json, FmaNamesFile);
    return {
      ok: false,
      errors: issues.map(({ path, message }) => `${file}: ${joinPath('', path)}: ${message}`),
    };
  }
  return {
    ok: true,
    names: new Map(Object.entries(parsed.data.names).map(([id, name]) => [Number(id), name])),
  };
}

/** One message per record whose ids are unknown or do not name it. */
export function checkFmaIds(records: Iterable<MuscleRecord>, names: FmaNames): string[] {
  const problems: string[] = [];
  for (const record of records) {
    for (const id of record.fma) {
      const name = names.get(id);
      if (name === undefined) {
        problems.push(`${record.id}: fma ${id} is not a muscle in data/anatomy/fma-names.json`);
      } else if (!fmaNameFits(record, name)) {
        problems.push(
          `${record.id}: fma ${id} is "${name}" in the FMA, which does not name "${record.name}" (add the FMA name as an alias if it is a synonym)`,
        );
      }
    }
  }
  return problems;
}
