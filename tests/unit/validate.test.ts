import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glbNodeNames } from '../../scripts/read-data.ts';
import { main } from '../../scripts/validate-data.ts';
import { fixtureDataDir } from '../fixtures/dataset-fixture.ts';

/** A minimal binary glTF holding only a JSON chunk with these node names. */
function glbWithNodes(names: string[]): Uint8Array {
  let json = JSON.stringify({ asset: { version: '2.0' }, nodes: names.map((name) => ({ name })) });
  while (json.length % 4 !== 0) json += ' ';
  const chunk = new TextEncoder().encode(json);
  const bytes = new Uint8Array(20 + chunk.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, bytes.length, true);
  view.setUint32(12, chunk.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  bytes.set(chunk, 20);
  return bytes;
}

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

describe('reading the model node names', () => {
  it('reads node names from the JSON chunk of a .glb', () => {
    expect(glbNodeNames(glbWithNodes(['skin', 'm:piriformis:left']))).toEqual([
      'skin',
      'm:piriformis:left',
    ]);
  });

  it('rejects a file that is not a .glb', () => {
    expect(() => glbNodeNames(new TextEncoder().encode('{"nodes": []} padding'))).toThrow(
      'not a binary glTF (.glb) file',
    );
  });
});

describe('npm run validate:data', () => {
  it('lists every error and exits 2 on the incomplete fixture', () => {
    const folder = mkdtempSync(join(tmpdir(), 'validate-'));
    const model = join(folder, 'body.glb');
    const nodes = ['piriformis', 'upper_trapezius'].flatMap((id) => [
      `m:${id}:left`,
      `m:${id}:right`,
    ]);
    writeFileSync(model, glbWithNodes(nodes));
    const { code, out, err } = run(['--data', fixtureDataDir, '--model', model]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toContain(
      `tests/fixtures/data/muscles/hip-thigh.json: gluteus_minimus: no model nodes "m:gluteus_minimus:left" and "m:gluteus_minimus:right" in ${model}`,
    );
    expect(err).toContain(
      'tests/fixtures/data/muscles: missing required muscle "soleus" (docs/muscles.md)',
    );
    // 90 of the 93 required muscles are missing, one has no model nodes
    expect(err.at(-1)).toBe('data has 91 errors');
  });

  it('says when the model file is missing', () => {
    const { code, err } = run(['--data', fixtureDataDir, '--model', '/nowhere/body.glb']);
    expect(code).toBe(2);
    expect(err[0]).toBe('/nowhere/body.glb: file not found (npm run build:model writes it)');
  });

  it('rejects unknown arguments', () => {
    expect(run(['--bogus']).code).toBe(2);
  });

  // The real data: fails until every data/muscles file, the landmarks and the model are in.
  it('passes on the real data, muscles, conditions and model', () => {
    const { code, out, err } = run([]);
    expect(err.filter((line) => !line.startsWith('warning:'))).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /^data ok: \d+ muscles \(each with FMA ids\), \d+ trigger points, \d+ conditions, 28 dermatomes, \d+ nerve territories, \d+ left out with why$/,
    );
  });

  it('fails on a left-out muscle that points to one the atlas does not chart', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'validate-')), 'data');
    cpSync('data', folder, { recursive: true });
    const file = join(folder, 'uncharted/muscles.json');
    writeFileSync(
      file,
      JSON.stringify({
        about: 'Muscles left out on purpose, for this test.',
        muscles: [
          {
            id: 'gemelli',
            name: 'Gemelli',
            aliases: [],
            why: 'No referral pattern of their own has been charted.',
            see: ['piriformis', 'gemellus_superior'],
            sources: [],
          },
        ],
      }),
    );
    const { code, err } = run(['--data', folder, '--no-model']);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(
      'muscles[0] (gemelli).see: unknown muscle "gemellus_superior"',
    );
  });
});
