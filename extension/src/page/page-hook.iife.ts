/**
 * The page-world entry (manifest `world: MAIN`, `document_start`, every frame). Built as one
 * self-contained IIFE (the `.iife.ts` name tells crxjs to), so it runs before the page's own
 * scripts instead of behind an asynchronous loader (toolchain notes §3).
 */
import { installPageHook } from './install-page-hook.js';

try {
  installPageHook(globalThis);
} catch {
  // Nothing the hook does may break the page.
}
