import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { repositoryRoot } from './repository-root.js';

export const bundleDir = join(repositoryRoot, 'test/demo-shop/dist');

/** The page scripts: the stand-in container, the shop, and the template runtime with its adapter. */
const bundles = [
  { entry: 'test/demo-shop/page/gtm/stand-in-gtm.ts', file: 'gtm.js' },
  { entry: 'test/demo-shop/page/shop/shop-main.ts', file: 'shop.js' },
  { entry: 'test/demo-shop/page/mirror/mirror-runtime.ts', file: 'mirror-runtime.js' },
] as const;
// Everything the bundles are built from; a change in any of them means a rebuild.
const sourceDirs = ['test/demo-shop/page', 'shared', 'gtm-template/sandbox'];
const stampFile = join(bundleDir, 'bundles.json');

let building: Promise<void> | undefined;

/**
 * Builds the page scripts into `test/demo-shop/dist/` with vite's JS API (IIFE, no
 * minification, source maps) when they are missing or older than their sources. Each build
 * goes to a scratch folder first and its files are renamed into place, so a shop started
 * meanwhile never serves half a bundle.
 */
export function ensurePageBundles(): Promise<void> {
  building ??= buildIfStale().finally(() => {
    building = undefined;
  });
  return building;
}

async function buildIfStale(): Promise<void> {
  const newestSource = Math.max(
    ...sourceDirs.map((dir) => newestModification(join(repositoryRoot, dir))),
  );
  if (
    readStamp() >= newestSource &&
    bundles.every((bundle) => existsSync(join(bundleDir, bundle.file)))
  )
    return;

  const scratch = join(bundleDir, `.build-${process.pid}-${Date.now()}`);
  mkdirSync(scratch, { recursive: true });
  try {
    for (const bundle of bundles) await buildBundle(bundle.entry, bundle.file, scratch);
    for (const file of readdirSync(scratch)) renameSync(join(scratch, file), join(bundleDir, file));
    writeFileSync(stampFile, JSON.stringify({ newestSource }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function buildBundle(entry: string, file: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: repositoryRoot,
    // Errors only: vite warns that lib mode ignores inlineDynamicImports, which is noise here.
    logLevel: 'error',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: true,
      target: 'es2022',
      // Generated code: the repository's lint run (which reaches test/) must pass over it.
      rollupOptions: { output: { banner: '/* eslint-disable */' } },
      lib: {
        entry: join(repositoryRoot, entry),
        formats: ['iife'],
        name: 'tagwardenDemoShop',
        fileName: () => file,
      },
    },
  });
}

function readStamp(): number {
  try {
    const stamp: unknown = JSON.parse(readFileSync(stampFile, 'utf8'));
    const value = (stamp as { newestSource?: unknown }).newestSource;
    return typeof value === 'number' ? value : 0;
  } catch {
    return 0;
  }
}

function newestModification(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestModification(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
