/**
 * Puts public/favicon.svg into index.html as a data URL: Chromium fetches a linked favicon again
 * on every history.replaceState (each selection rewrites the link), an inline one never. The file
 * stays the one source (the manifest links it too).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The SVG as a data URL, with only the characters a URL needs escaped (it stays readable). */
export function svgDataUrl(svg: string): string {
  const escaped = svg
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/"/g, "'")
    .replace(/[%#<>?[\\\]^`{|}]/g, encodeURIComponent);
  return `data:image/svg+xml,${escaped}`;
}

export function iconPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'trigger-atlas:icon',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: () => [
      {
        tag: 'link',
        attrs: {
          rel: 'icon',
          type: 'image/svg+xml',
          href: svgDataUrl(readFileSync(join(root, 'public', 'favicon.svg'), 'utf8')),
        },
        injectTo: 'head',
      },
    ],
  };
}
