import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const sourceFolders = ['extension', 'shared'];

export interface ExtensionBuildOptions {
  target: 'chrome' | 'firefox';
  /** Compile in the test-only bridge (needed where the background cannot be evaluated in). */
  isE2e?: boolean;
}

/**
 * The built extension for a test, building it when needed with vite's JS API, so `npm test`
 * works on a fresh clone. Builds are cached by a hash of every source file under
 * `extension/` and `shared/`, in the temp folder: a changed source gives a fresh build, and
 * test files running side by side never replace a build another one has loaded.
 */
export async function buildExtension(options: ExtensionBuildOptions): Promise<string> {
  const flavour = `${options.target}${options.isE2e ? '-e2e' : ''}`;
  const cacheRoot = join(tmpdir(), 'tagwarden-extension-builds');
  const outDir = join(cacheRoot, `${flavour}-${hashSources()}`);
  if (existsSync(join(outDir, 'manifest.json'))) return outDir;

  mkdirSync(cacheRoot, { recursive: true });
  const partial = `${outDir}.partial-${process.pid}`;
  await runViteBuild(options, partial);
  try {
    renameSync(partial, outDir);
  } catch {
    // Another test file finished the same build first; its copy is identical.
    rmSync(partial, { recursive: true, force: true });
  }
  return outDir;
}

async function runViteBuild(options: ExtensionBuildOptions, outDir: string): Promise<void> {
  const { build } = await import('vite');
  const saved = process.env.TAGWARDEN_E2E;
  process.env.TAGWARDEN_E2E = options.isE2e ? '1' : '0';
  try {
    await build({
      configFile: join(root, 'extension/vite.config.ts'),
      mode: options.target === 'firefox' ? 'firefox' : 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (saved === undefined) delete process.env.TAGWARDEN_E2E;
    else process.env.TAGWARDEN_E2E = saved;
  }
}

function hashSources(): string {
  const hash = createHash('sha256');
  for (const folder of sourceFolders) {
    for (const file of listFiles(join(root, folder))) {
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function listFiles(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...listFiles(path));
    else if (/\.(ts|json|html|yaml)$/.test(name)) files.push(path);
  }
  return files;
}
