import { ensureExtensionBuild } from '../demo/ensure-extension-build.js';

/**
 * The extension build of `tagwarden demo`, with the bundler's console output moved to standard
 * error: the audit's standard output is its report, and `--format json` must stay parseable
 * when a stale extension is rebuilt first.
 */
export async function buildExtensionToStderr(root: string): Promise<{ directory: string }> {
  const saved = { log: console.log, info: console.info };
  const toStderr = (...parts: unknown[]) => console.error(...parts);
  console.log = toStderr;
  console.info = toStderr;
  try {
    return await ensureExtensionBuild(root);
  } finally {
    console.log = saved.log;
    console.info = saved.info;
  }
}
