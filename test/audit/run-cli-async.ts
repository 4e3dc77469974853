import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, type CliRun } from '../cli/run-cli.js';

const binary = join(packageRoot, 'dist', 'cli', 'main.js');

/**
 * Runs the built `tagwarden` binary as `runCli` does, without blocking this process: the
 * audit's browser fetches pages from servers the test itself serves, which a synchronous
 * spawn would starve. `env` adds to (or overrides) the environment.
 */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  if (!existsSync(binary))
    throw new Error(`${binary} is missing: run \`npm run build\` before these tests.`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binary, ...args],
      {
        cwd: packageRoot,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ status, stdout, stderr });
      },
    );
  });
}
