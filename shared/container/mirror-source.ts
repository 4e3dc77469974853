import type { ContainerIndex, TagView } from './container-types.js';
import { findVariableReferences } from './find-variable-references.js';
import type { MirrorNote } from './mirror-types.js';
import type { ParameterRow } from './read-parameter-rows.js';
import { resolveVariableReference } from './resolve-variable-reference.js';

/** What one mirror tag must send, taken from the GA4 tag (or Google tag) it mirrors. */
export interface MirrorSource {
  tag: TagView;
  eventName: string;
  measurementId: string;
  parameters: ParameterRow[];
  userProperties: ParameterRow[];
  settingsVariable?: string;
  sendsEcommerceData: boolean;
  notes: MirrorNote[];
}

/** Rows of `base`, then the rows of `shared` whose names `base` does not set. */
export function withSharedRows(base: ParameterRow[], shared: ParameterRow[]): ParameterRow[] {
  const names = new Set(base.map((row) => row.name));
  return [...base, ...shared.filter((row) => !names.has(row.name))];
}

/**
 * A caveat naming the variables a mirror source refers to that the container does not define:
 * the mirror copies the reference, and GTM will ask for the variable before publishing.
 */
export function missingVariableNote(
  container: ContainerIndex,
  source: Omit<MirrorSource, 'notes' | 'tag'>,
  addedNames: ReadonlySet<string>,
): MirrorNote | undefined {
  const texts = [
    source.eventName,
    source.measurementId,
    source.settingsVariable ?? '',
    ...source.parameters.flatMap((row) => [row.name, row.value]),
    ...source.userProperties.flatMap((row) => [row.name, row.value]),
  ];
  const missing = new Set(
    texts
      .flatMap(findVariableReferences)
      .filter((name) => !addedNames.has(name))
      .filter((name) => resolveVariableReference(container, name).kind === 'missing'),
  );
  if (missing.size === 0) return undefined;
  return {
    code: 'missing_variable',
    severity: 'caveat',
    message: `refers to ${[...missing].map((name) => `{{${name}}}`).join(', ')}, which this container does not define; the mirror copies the reference`,
  };
}

/** What a source builder needs to know of the run. */
export interface SourceContext {
  /** Variables this run adds (endpoint, join key), defined once the export is imported. */
  addedNames: ReadonlySet<string>;
  /** The join key row, when GA4 event tags get one. */
  joinRow?: ParameterRow;
}

/** The info note every paused tag's mirror gets. */
export function pausedNote(tag: TagView): MirrorNote[] {
  if (!tag.isPaused) return [];
  return [{ code: 'paused', severity: 'info', message: 'paused, so its mirror is paused too' }];
}
