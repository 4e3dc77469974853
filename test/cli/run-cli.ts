import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: every run starts here, as `npm start` and CI do. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

const binary = join(packageRoot, 'dist', 'cli', 'main.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `tagwarden` binary with `args`, the way a user's shell would. */
export function runCli(args: string[]): CliRun {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run \`npm run build\` before these tests.`);
  }

  const result = spawnSync(process.execPath, [binary, ...args], {
    cwd: packageRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Parses a run's standard output as JSON, naming the run when it is not JSON. */
export function parseStdout<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** A scratch folder for inputs written on the fly and for `--output` files. */
export function makeScratchDirectory(): { path: string; write: WriteFile; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'tagwarden-cli-'));
  const write: WriteFile = (name, text) => {
    const file = join(path, name);
    writeFileSync(file, text);
    return file;
  };
  return { path, write, remove: () => rmSync(path, { recursive: true, force: true }) };
}

type WriteFile = (name: string, text: string) => string;

/** A fixture of this folder, as a path relative to the package root. */
export function fixturePath(name: string): string {
  return `test/cli/fixtures/${name}`;
}

/** The bundled real captures that `npm start` checks. */
export const bundledCaptures = 'test/fixtures/captures';

/** Rows for `it.each`, each led by its `key` field: the words that name it in the title (`%s`). */
export function rowsNamedBy<Row, Key extends keyof Row>(key: Key, rows: Row[]): [string, Row][] {
  return rows.map((row) => [String(row[key]), row]);
}
