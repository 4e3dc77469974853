import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InputError } from '../shared/capture/captured-input.js';

const captureExtensions = ['.har', '.ndjson', '.jsonl', '.txt'];

/**
 * Expands the inputs the user named: files as given, directories into their capture files.
 * An input that is missing or empty becomes an input error beside the others, so one typo
 * does not hide the report on every other input.
 */
export function collectInputFiles(inputs: string[]): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  for (const input of inputs) {
    const isDirectory = directoryOrMissing(input);
    if (isDirectory === undefined) {
      errors.push({
        source: { file: input },
        message: `${input}: no such file or directory`,
        hint: 'Check the path; it is read relative to the current directory. The other inputs were still checked.',
      });
      continue;
    }
    if (!isDirectory) {
      files.push(input);
      continue;
    }
    const found = readdirSync(input)
      .filter((name) => captureExtensions.some((extension) => name.endsWith(extension)))
      .sort()
      .map((name) => join(input, name));
    if (found.length === 0) {
      errors.push({
        source: { file: input },
        message: `${input} holds no capture files`,
        hint: `Put files ending in ${captureExtensions.join(', ')} there, or name the files directly.`,
      });
    }
    files.push(...found);
  }
  return { files, errors };
}

function directoryOrMissing(path: string): boolean | undefined {
  try {
    return statSync(path).isDirectory();
  } catch {
    return undefined;
  }
}
