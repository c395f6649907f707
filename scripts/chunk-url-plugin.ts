/**
 * `import url from 'virtual:chunk-url/sessions'`: the built URL of the sessions' code chunk.
 * A dynamic import that failed once (a dropped connection) stays failed for that URL in some
 * browsers (Chromium 150 keeps the error), so the retry imports the same chunk under a new
 * query; for that it needs the chunk's hashed file name, which only the bundler knows: the
 * module exports a marker, and each built chunk that holds it gets the file name of the chunk it
 * imports dynamically from that module.
 */
import { basename } from 'node:path';
import type { Plugin } from 'vite';

/** The chunks a retry may need, by the virtual id's last part: their source file. */
const chunks: Record<string, string> = { sessions: 'src/ui/SessionsPanel.tsx' };
const prefix = 'virtual:chunk-url/';
const marker = (name: string): string => `__chunk_url_${name}__`;

export function chunkUrlPlugin(): Plugin {
  let serve = false;
  let base = '/';
  return {
    name: 'trigger-atlas:chunk-url',
    configResolved(config) {
      serve = config.command === 'serve';
      base = config.base;
    },
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      const name = id.slice(prefix.length + 1);
      const file = chunks[name];
      if (!file) throw new Error(`chunk-url: no chunk named "${name}"`);
      // the dev server (and the first screen's prerender) serves each module at its own path
      return `export default ${JSON.stringify(serve ? `/${file}` : marker(name))};`;
    },
    renderChunk(code, chunk) {
      let out = code;
      for (const [name, file] of Object.entries(chunks)) {
        if (!out.includes(marker(name))) continue;
        const stem = basename(file).replace(/\.[jt]sx?$/, '');
        const target = chunk.dynamicImports.find((f) => basename(f).startsWith(`${stem}-`));
        if (!target) throw new Error(`chunk-url: ${chunk.fileName} does not import ${file}`);
        out = out.split(marker(name)).join(`${base}${target}`);
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
