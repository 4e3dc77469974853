import { defineManifest } from '@crxjs/vite-plugin';

export type BuildTarget = 'chrome' | 'firefox';

const CONTENT_SCRIPT_FRAMES = {
  matches: ['<all_urls>'],
  run_at: 'document_start',
  all_frames: true,
  match_about_blank: true,
} as const;

/** The extension's pages; `panel` is opened by the DevTools page and the popup, not the manifest. */
export const PAGES = {
  panel: 'src/panel/panel.html',
  sidePanel: 'src/sidepanel/sidepanel.html',
  popup: 'src/popup/popup.html',
  devtools: 'src/devtools/devtools.html',
} as const;

/**
 * The manifest for both browsers from one source (toolchain notes §3). Chrome runs the
 * background as a module service worker, Firefox as background scripts. Both content scripts
 * are `.iife.ts` so they run at `document_start` before the page's scripts; the relay is
 * listed first so it listens before the hook announces itself. Chrome also injects into
 * about:blank, srcdoc, data: and blob: frames by their creator's origin
 * (`match_origin_as_fallback`, Chrome 99+); Firefox has `match_about_blank` only.
 *
 * The QA panel comes three ways: a DevTools panel (`devtools_page` adds it), a side panel
 * that needs no DevTools (Chrome's `side_panel`, Firefox's `sidebar_action`), and the
 * toolbar popup with a one-glance status.
 */
export function createManifest(target: BuildTarget) {
  const isFirefox = target === 'firefox';
  const frames = isFirefox
    ? CONTENT_SCRIPT_FRAMES
    : { ...CONTENT_SCRIPT_FRAMES, match_origin_as_fallback: true };
  return defineManifest({
    manifest_version: 3,
    name: 'tagwarden',
    description:
      'Captures every dataLayer push and analytics hit, in every frame, from the first byte.',
    version: '0.1.0',
    background: isFirefox
      ? { scripts: ['src/background/background.ts'], type: 'module' }
      : { service_worker: 'src/background/background.ts', type: 'module' },
    content_scripts: [
      { ...frames, js: ['src/relay/relay.iife.ts'] },
      { ...frames, js: ['src/page/page-hook.iife.ts'], world: 'MAIN' },
    ],
    permissions: ['webRequest', 'webNavigation', 'storage', ...(isFirefox ? [] : ['sidePanel'])],
    host_permissions: ['<all_urls>'],
    action: { default_popup: PAGES.popup, default_title: 'tagwarden' },
    devtools_page: PAGES.devtools,
    ...(isFirefox
      ? { sidebar_action: { default_panel: PAGES.sidePanel, default_title: 'tagwarden' } }
      : { side_panel: { default_path: PAGES.sidePanel } }),
    ...(isFirefox
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tagwarden@tagwarden.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '111' }),
  } as unknown as Parameters<typeof defineManifest>[0]);
}
