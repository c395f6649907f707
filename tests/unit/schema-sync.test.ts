import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../scripts/generate-json-schema.ts';
import { repoRoot } from '../../scripts/read-data.ts';

describe('generated JSON Schemas', () => {
  it.each(jsonSchemaFiles().map((file) => [file.path, file.content]))(
    '%s matches src/core/schema.ts (regenerate: npx tsx scripts/generate-json-schema.ts)',
    (path, content) => {
      expect(readFileSync(`${repoRoot}/${path}`, 'utf8')).toBe(content);
    },
  );

  it('describes the record fields editors complete', () => {
    const muscleFile = JSON.parse(jsonSchemaFiles()[0]!.content) as {
      properties: { muscles: { items: { required: string[] } } };
    };
    expect(muscleFile.properties.muscles.items.required).toContain('triggerPoints');
  });
});
