/**
 * Vite plugin: puts the app's Content-Security-Policy into the built index.html as a `<meta>`.
 * Build only: the dev server injects an inline React Refresh preamble that `script-src 'self'`
 * would block. No unsafe-eval and no remote origins; 'wasm-unsafe-eval' lets the meshopt decoder
 * compile its WebAssembly (it allows WebAssembly compilation only, not eval); 'unsafe-inline'
 * styles are needed for React style attributes.
 */
import type { Plugin } from 'vite';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'trigger-atlas:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
