import { fileURLToPath } from 'node:url';
import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { loadedPlanPlugin } from './loaded-plan-plugin.js';
import { createManifest, PAGES, type BuildTarget } from './manifest.config.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the extension for Chrome (default) or Firefox (`TARGET=firefox`, or `--mode firefox`)
 * into `dist/extension/<target>/`. `TAGWARDEN_E2E=1` compiles in the test-only bridge the
 * Firefox end-to-end test reads sessions through.
 */
export default defineConfig(({ mode }) => {
  const target: BuildTarget =
    mode === 'firefox' || process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';
  return {
    root,
    plugins: [loadedPlanPlugin(), crx({ manifest: createManifest(target), browser: target })],
    define: { __TAGWARDEN_E2E__: JSON.stringify(process.env.TAGWARDEN_E2E === '1') },
    build: {
      outDir: fileURLToPath(new URL(`../dist/extension/${target}`, import.meta.url)),
      emptyOutDir: true,
      // Readable output: reviewers of a store submission (and of a stack trace) read this code.
      minify: false,
      sourcemap: false,
      // Pages the manifest does not name: crxjs builds only the ones it finds there (the panel
      // is opened by the DevTools page, Firefox's sidebar is a key crxjs does not read).
      rollupOptions: {
        input: {
          panel: fileURLToPath(new URL(PAGES.panel, import.meta.url)),
          ...(target === 'firefox'
            ? { sidepanel: fileURLToPath(new URL(PAGES.sidePanel, import.meta.url)) }
            : {}),
        },
      },
    },
  };
});
