/**
 * Writes the editor JSON Schemas in data/schema/ from the zod schemas in src/core/schema.ts and
 * src/core/nerves.ts (the single source of truth). tests/unit/schema-sync.test.ts fails when they drift.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Condition, MuscleFile } from '../src/core/schema.ts';
import { NerveMapsFile } from '../src/core/nerves.ts';
import { repoRoot } from './read-data.ts';

export interface GeneratedFile {
  /** Repository-relative path. */
  path: string;
  content: string;
}

function jsonSchema(schema: z.ZodType, title: string, description: string): string {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`;
}

/** The schema files as they should be on disk. */
export function jsonSchemaFiles(): GeneratedFile[] {
  const note = 'Generated from src/core by scripts/generate-json-schema.ts; do not edit.';
  return [
    {
      path: 'data/schema/muscle-file.json',
      content: jsonSchema(MuscleFile, 'Trigger Atlas muscle file', `data/muscles/*.json. ${note}`),
    },
    {
      path: 'data/schema/condition.json',
      content: jsonSchema(Condition, 'Trigger Atlas condition', `data/conditions/*.json. ${note}`),
    },
    {
      path: 'data/schema/nerve-maps.json',
      content: jsonSchema(
        NerveMapsFile,
        'Trigger Atlas nerve maps',
        `data/nerves/nerve-maps.json: dermatomes and peripheral nerve territories. ${note}`,
      ),
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of jsonSchemaFiles()) {
    const target = join(repoRoot, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    process.stdout.write(`wrote ${file.path}\n`);
  }
}
