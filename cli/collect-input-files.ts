import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage-error.js';

const captureExtensions = ['.har', '.ndjson', '.jsonl', '.txt'];

/** Expands the inputs the user named: files as given, directories into their capture files. */
export function collectInputFiles(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    const stats = statOrExplain(input);
    if (!stats.isDirectory()) return [input];
    const files = readdirSync(input)
      .filter((name) => captureExtensions.some((extension) => name.endsWith(extension)))
      .sort()
      .map((name) => join(input, name));
    if (files.length === 0) {
      throw new UsageError(
        `${input} holds no capture files`,
        `Put files ending in ${captureExtensions.join(', ')} there, or name the files directly.`,
      );
    }
    return files;
  });
}

function statOrExplain(path: string) {
  try {
    return statSync(path);
  } catch {
    throw new UsageError(
      `${path}: no such file or directory`,
      'Check the path; it is read relative to the current directory.',
    );
  }
}
