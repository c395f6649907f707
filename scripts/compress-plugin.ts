/**
 * Vite plugin: the built app's text files and the body model are also written brotli-compressed
 * (`file.br`), as a static host would serve them, and `vite preview` (the tests, the bench)
 * serves those to browsers that accept brotli. The JavaScript shrinks about 4×, the model by half.
 */
import { existsSync, statSync, createReadStream } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { Plugin } from 'vite';
import { filesUnder } from './files-under.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.glb': 'model/gltf-binary',
};

const brotli = promisify(brotliCompress);

/** Writes `file.br` when it saves at least a tenth of a file over 1 KiB. */
async function compressFile(file: string): Promise<void> {
  const source = await readFile(file);
  if (source.length < 1024) return;
  const compressed = await brotli(source, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
    },
  });
  if (compressed.length < source.length * 0.9) await writeFile(`${file}.br`, compressed);
}

export function compressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'trigger-atlas:compress',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle: {
      order: 'post',
      // the files are compressed in parallel on libuv's thread pool
      async handler() {
        const compressible = filesUnder(outDir).filter((file) => extname(file) in contentTypes);
        await Promise.all(compressible.map(compressFile));
      },
    },
    configurePreviewServer(server) {
      const root = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const accepts = String(req.headers['accept-encoding'] ?? '');
        if (req.method !== 'GET' || !accepts.includes('br') || !req.url) return next();
        let path = decodeURIComponent(req.url.split('?')[0] ?? '/');
        if (path.endsWith('/')) path += 'index.html';
        const file = join(root, path);
        const type = contentTypes[extname(file)];
        if (!type || !file.startsWith(root) || !existsSync(`${file}.br`)) return next();
        // a file changed after the build (a test editing sw.js) is served as it is now
        if (statSync(`${file}.br`).mtimeMs < statSync(file).mtimeMs) return next();
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Encoding', 'br');
        res.setHeader('Vary', 'Accept-Encoding');
        // hashed assets never change; the page, the model and sw.js are revalidated
        res.setHeader(
          'Cache-Control',
          path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
        createReadStream(`${file}.br`).pipe(res);
      });
    },
  };
}
