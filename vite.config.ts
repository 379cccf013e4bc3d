import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The studio's page lives in src/studio so that the repository's top level stays a library layout;
// public assets, the build output and the unit tests still resolve from the repository root.
const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'src/studio',
  publicDir: `${repoRoot}public`,
  plugins: [react()],
  base: './',
  build: {
    outDir: `${repoRoot}dist`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [repoRoot] } },
  test: {
    root: repoRoot,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup/failOnConsoleError.ts'],
    testTimeout: 60_000,
  },
});
