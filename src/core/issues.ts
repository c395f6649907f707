/**
 * Turns zod issues into the project's path-precise messages:
 * `<file>: <record>.<path>: <message>`, with "did you mean" hints for misspelt field names.
 */
import { z } from 'zod';
import { didYouMean } from './suggest.ts';

export type IssuePath = readonly PropertyKey[];

/** `head` followed by the path: `piriformis` + [referral, essential, 2] -> `piriformis.referral.essential[2]`. */
export function joinPath(head: string, path: IssuePath): string {
  let text = head;
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** The value found by following `path` into raw JSON, or undefined where it stops. */
export function valueAt(json: unknown, path: IssuePath): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The object schema's field names at `path`, for suggesting a misspelt field. */
function fieldNamesAt(schema: z.ZodType, path: IssuePath): string[] {
  let here: z.ZodType | undefined = schema;
  const unwrap = (s: z.ZodType): z.ZodType =>
    s instanceof z.ZodOptional || s instanceof z.ZodNullable ? unwrap(s.unwrap() as z.ZodType) : s;
  const objectIn = (s: z.ZodType): z.ZodObject | undefined => {
    const inner = unwrap(s);
    if (inner instanceof z.ZodObject) return inner;
    if (inner instanceof z.ZodUnion) {
      for (const option of inner.options as readonly z.ZodType[]) {
        const found = objectIn(option);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const key of path) {
    if (here === undefined) return [];
    const inner: z.ZodType = unwrap(here);
    if (typeof key === 'number' && inner instanceof z.ZodArray) here = inner.element as z.ZodType;
    else if (inner instanceof z.ZodRecord) here = inner.valueType as z.ZodType;
    else here = objectIn(inner)?.shape[String(key)] as z.ZodType | undefined;
  }
  return here === undefined ? [] : Object.keys(objectIn(here)?.shape ?? {});
}

export interface PathMessage {
  path: IssuePath;
  message: string;
}

type Issue = z.core.$ZodIssue;

/** The union branch the author most likely meant: the one whose type matched at the top. */
function likelyBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  return branches.find(
    (issues) => !issues.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0),
  );
}

function describe(issue: Issue, json: unknown, schema: z.ZodType, base: IssuePath): PathMessage[] {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = fieldNamesAt(schema, path);
      return issue.keys.map((key) => ({
        path,
        message: `unknown field "${key}"${didYouMean(key, known)}`,
      }));
    }
    case 'invalid_union': {
      const branch = likelyBranch(issue.errors);
      if (branch) return branch.flatMap((inner) => describe(inner, json, schema, path));
      const expected = issue.errors.flatMap((issues) =>
        issues.flatMap((inner) => (inner.code === 'invalid_type' ? [inner.expected] : [])),
      );
      return [{ path, message: `expected ${[...new Set(expected)].join(' or ')}` }];
    }
    case 'invalid_value': {
      const options = issue.values.map((value) => JSON.stringify(value)).join(', ');
      const value = valueAt(json, path);
      if (value === undefined) return [{ path, message: `missing (expected one of ${options})` }];
      return [{ path, message: `expected one of ${options}, got ${JSON.stringify(value)}` }];
    }
    case 'invalid_type':
      if (valueAt(json, path) === undefined) {
        return [{ path, message: `missing (expected ${issue.expected})` }];
      }
      return [
        { path, message: `expected ${issue.expected}, got ${typeName(valueAt(json, path))}` },
      ];
    default:
      return [{ path, message: issue.message }];
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** All issues of a failed parse as path + plain message, in zod's order. */
export function describeIssues(error: z.ZodError, json: unknown, schema: z.ZodType): PathMessage[] {
  return error.issues.flatMap((issue) => describe(issue, json, schema, []));
}
