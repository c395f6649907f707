import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './scripts/offline-plugin.ts';
import { cspPlugin } from './scripts/csp-plugin.ts';
import { compressPlugin } from './scripts/compress-plugin.ts';
import { prerenderPlugin } from './scripts/prerender-plugin.ts';
import { datasetPlugin } from './scripts/dataset-plugin.ts';
import { iconPlugin } from './scripts/icon-plugin.ts';
import { chunkUrlPlugin } from './scripts/chunk-url-plugin.ts';

export default defineConfig({
  plugins: [
    // the 3D scene runs in a worker, which has no window for Fast Refresh's runtime: it reloads
    react({ exclude: [/node_modules/, /src\/scene\/(?!ViewHost).*\.tsx$/] }),
    datasetPlugin(),
    prerenderPlugin(),
    iconPlugin(),
    chunkUrlPlugin(),
    offlinePlugin(),
    cspPlugin(),
    compressPlugin(),
  ],
  // ES module workers: the model worker loads its picking-tree code only when asked; the view
  // worker loads the nerve maps when a nerve map layer is first shown
  worker: { format: 'es', plugins: () => [datasetPlugin()] },
  build: {
    target: 'es2022',
    // the brotli pass (scripts/compress-plugin.ts, best quality) takes seconds by design
    rolldownOptions: { checks: { bundlerTimings: false } },
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173 },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    testTimeout: 60000,
  },
});
