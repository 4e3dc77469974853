import { writeFileSync } from 'node:fs';
import { UsageError } from '../../usage-error.js';

/** Writes a command's result to `--output`/`-o`, or to standard output when none is named. */
export function writeCommandOutput(text: string, output: string | undefined): void {
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      `the result cannot be written to ${output} (${code})`,
      'Name a file in a folder that exists and that you can write to, or leave out -o to print it.',
    );
  }
}
