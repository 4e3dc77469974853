import { cloneJson } from './clone-json.js';
import type { JsonObject } from './container-types.js';
import { isJsonObject } from './is-json-object.js';
import type { MirrorBuild, OutputList } from './mirror-build.js';

// The order GTM writes the lists of a container version in.
const listOrder: OutputList[] = [
  'tag',
  'trigger',
  'variable',
  'folder',
  'builtInVariable',
  'customTemplate',
];

/**
 * The export a mirror run writes: the same exportFormatVersion, the source container's
 * identity, and only the lists that hold something (GTM leaves empty lists out too).
 */
export function assembleMergeExport(build: MirrorBuild): JsonObject {
  const { container } = build;
  const { accountId, containerId } = container;
  const version: JsonObject = {
    path: `accounts/${accountId}/containers/${containerId}/versions/0`,
    accountId,
    containerId,
    containerVersionId: '0',
  };
  const identity = container.version['container'];
  if (isJsonObject(identity)) version['container'] = cloneJson(identity);
  for (const list of listOrder) {
    if (build.output[list].length > 0) version[list] = build.output[list];
  }
  version['fingerprint'] = build.fingerprint;

  return {
    exportFormatVersion: 2,
    exportTime: exportTime(build.options.now),
    containerVersion: version,
  };
}

// GTM writes "2025-05-11 04:23:21" (UTC).
function exportTime(now: number): string {
  const date = new Date(Number.isFinite(now) ? now : 0);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}
