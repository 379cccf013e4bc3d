import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The studio's page lives in src/studio so that the repository's top level stays a library layout;
// public assets, the build output and the unit tests still resolve from the repository root.
const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Monaco's JSON language service reaches its worker through a module that also imports every
 * editor feature for its side effects (as in microsoft/monaco-editor#5162), which brings back the
 * ~600 kB the studio's slim setup leaves out. The build keeps the module's code and drops those
 * bare imports: the features the JSON view uses are registered in src/studio/json/monacoSetup.ts.
 */
function monacoOnlyChosenFeatures(): Plugin {
  const workersModule =
    /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]internal[\\/]common[\\/]workers\.js$/;
  return {
    name: 'monaco-only-chosen-features',
    apply: 'build',
    transform(code, id) {
      if (!workersModule.test(id)) return null;
      return { code: code.replace(/^import '[^']+';$/gm, ''), map: null };
    },
  };
}

export default defineConfig({
  root: 'src/studio',
  publicDir: `${repoRoot}public`,
  plugins: [react(), monacoOnlyChosenFeatures()],
  base: './',
  build: {
    outDir: `${repoRoot}dist`,
    emptyOutDir: true,
    target: 'es2022',
    // The JSON view's chunk, Monaco included, is the largest (~3.4 MB): one that grows past this
    // has pulled in more of monaco-editor than monacoSetup.ts registers. (Monaco is left in that
    // lazy chunk: a chunk group of its own also took Vite's preload helper, so every page loaded it.)
    chunkSizeWarningLimit: 3600,
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
