import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/** Reads a file the user named, turning file-system errors into a message that names the file. */
export function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UsageError(
        `${path}: no such file`,
        'Check the path; it is read relative to the current directory.',
      );
    }
    if (code === 'EISDIR') {
      throw new UsageError(
        `${path} is a directory`,
        'Name a file, or pass the directory to `check`, which reads every capture in it.',
      );
    }
    throw new UsageError(
      `${path}: cannot be read (${code ?? String(error)})`,
      'Check the file exists and is readable.',
    );
  }
}
