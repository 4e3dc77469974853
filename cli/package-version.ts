import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root, found from this file whether it runs from `cli/` or `dist/cli/`. */
export function packageRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/dist/')
    ? fileURLToPath(new URL('../../', import.meta.url))
    : fileURLToPath(new URL('../', import.meta.url));
}

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(`${packageRoot()}package.json`, 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
