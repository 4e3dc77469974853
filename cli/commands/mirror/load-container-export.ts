import type {
  ContainerContext,
  ContainerIndex,
} from '../../../shared/container/container-types.js';
import { readContainerExport } from '../../../shared/container/read-container-export.js';
import { readInputFile } from '../../read-input-file.js';
import { UsageError } from '../../usage-error.js';

/**
 * Reads the container export a command was given. An unreadable file or one that is not an
 * export of the needed kind stops the run (exit 2); tolerated oddities are printed as
 * warnings and the run goes on.
 */
export function loadContainerExport(
  file: string,
  expect: ContainerContext,
  wrongContextHint: string,
): ContainerIndex {
  const result = readContainerExport(readInputFile(file), file, { expect, wrongContextHint });
  if (!result.ok) {
    const [first, ...rest] = result.errors;
    const details = rest.map((error) => `\n${error.path}: ${error.message}`).join('');
    throw new UsageError(
      `${first?.message ?? `${file} cannot be read`} (at ${first?.path ?? '$'})${details}`,
      first?.hint ?? '',
    );
  }
  for (const warning of result.container.warnings) {
    process.stderr.write(
      `tagwarden: ${warning.file} ${warning.path}: ${warning.message}\n  → ${warning.hint}\n`,
    );
  }
  return result.container;
}
