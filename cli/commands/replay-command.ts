import { replayPushes } from '../../shared/datalayer/replay-pushes.js';
import { readInputFile } from '../read-input-file.js';
import { UsageError } from '../usage-error.js';

interface ReplayOptions {
  format: 'json' | 'table';
}

/** `tagwarden replay`: a JSON array of pushes in, GTM's model after each push out. */
export function runReplay(file: string, options: ReplayOptions): void {
  const pushes = parsePushes(readInputFile(file), file);
  const steps = replayPushes(pushes);

  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ steps }, null, 2) + '\n');
    return;
  }
  const lines = steps.map((step) => {
    const warnings = step.warnings
      .map((warning) => `\n      ! ${warning.code}: ${warning.message}`)
      .join('');
    return `#${step.index} ${step.kind.padEnd(9)} ${step.event ?? '—'}${warnings}\n    model: ${JSON.stringify(step.model)}`;
  });
  process.stdout.write(lines.join('\n') + '\n');
}

function parsePushes(text: string, file: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      'The file must hold a JSON array of pushes, e.g. [{"event":"gtm.js"}, {"$arguments":["event","login",{}]}].',
    );
  }
  if (!Array.isArray(value)) {
    throw new UsageError(
      `${file} holds JSON but not an array`,
      'Wrap the pushes in [ … ]: the file is read as window.dataLayer in push order.',
    );
  }
  return value;
}
