import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './scripts/offline-plugin.ts';
import { cspPlugin } from './scripts/csp-plugin.ts';

export default defineConfig({
  plugins: [react(), offlinePlugin(), cspPlugin()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173 },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    testTimeout: 60000,
  },
});
