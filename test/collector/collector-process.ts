import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../cli/run-cli.js';

/** `tagwarden serve` running as its own process, the way it runs in production. */
export interface CollectorProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>;
  stderr: () => string;
}

const binary = join(packageRoot, 'dist', 'cli', 'main.js');

export async function spawnCollector(args: string[]): Promise<CollectorProcess> {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run \`npm run build\` before these tests.`);
  }
  const child = spawn(
    process.execPath,
    [binary, 'serve', '--port', '0', '--log-level', 'warn', ...args],
    {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the collector did not start:\n${stderr}`)),
      20_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /collecting at (http:\/\/[^\s]+)\/g\/collect/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) =>
      reject(new Error(`the collector exited (${code}) before listening:\n${stderr}`)),
    );
  });
  return { child, url, exited, stderr: () => stderr };
}
