/**
 * Vite plugin (build only): renders the app's first screen (src/prerender.tsx) into the built
 * index.html's #root, so text paints before the scripts arrive; React replaces it when it starts.
 * The app's modules are loaded through a throwaway Vite server in SSR mode.
 */
import react from '@vitejs/plugin-react';
import { createServer, type Plugin } from 'vite';
import { datasetPlugin } from './dataset-plugin.ts';
import { chunkUrlPlugin } from './chunk-url-plugin.ts';

const emptyRoot = '<div id="root"></div>';

async function prerenderFirstScreen(root: string): Promise<string> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    plugins: [react(), datasetPlugin(), chunkUrlPlugin()],
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const entry = (await server.ssrLoadModule('/src/prerender.tsx')) as {
      renderFirstScreen: () => string;
    };
    return entry.renderFirstScreen();
  } finally {
    await server.close();
  }
}

export function prerenderPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'trigger-atlas:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!html.includes(emptyRoot)) {
          throw new Error(`prerender: index.html has no ${emptyRoot} to fill`);
        }
        const screen = await prerenderFirstScreen(root);
        return html.replace(emptyRoot, `<div id="root">${screen}</div>`);
      },
    },
  };
}
