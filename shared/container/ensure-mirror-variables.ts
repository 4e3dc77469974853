import { cloneJson } from './clone-json.js';
import type { GtmParameter, JsonObject } from './container-types.js';
import { textParameter } from './gtm-parameter-builders.js';
import { ownerIds, writeObject, type MirrorBuild } from './mirror-build.js';
import { mirrorNames, placeholderEndpoint } from './mirror-fields.js';
import type { ParameterRow } from './read-parameter-rows.js';

/** The id of the "tagwarden mirror" folder, reused when the container has one. */
export function ensureMirrorFolder(build: MirrorBuild): string {
  const existing = build.container.folders.find((folder) => folder.name === mirrorNames.folder);
  if (existing) {
    writeObject(build, 'folder', cloneJson(existing.raw), 'copied');
    return existing.id;
  }
  const folderId = build.nextId();
  const folder = {
    ...ownerIds(build),
    folderId,
    name: mirrorNames.folder,
    fingerprint: build.fingerprint,
  };
  writeObject(build, 'folder', folder, 'added');
  return folderId;
}

/**
 * The `{{…}}` reference mirror tags send to: a Constant variable holding the collector URL.
 * An existing one is kept (and updated when `endpoint` differs); without either, a
 * placeholder that never resolves is written and the run says to set it.
 */
export function ensureEndpointVariable(build: MirrorBuild, endpoint: string | undefined): string {
  const name = mirrorNames.endpointVariable;
  const existing = build.container.variablesByName.get(name);
  const reference = `{{${name}}}`;
  if (existing) {
    const current = existing.parameters.find((parameter) => parameter.key === 'value')?.value;
    const isChanged = endpoint !== undefined && current !== endpoint;
    const copy = cloneJson(existing.raw);
    if (isChanged) {
      copy['parameter'] = [textParameter('value', endpoint)];
      copy['fingerprint'] = build.fingerprint;
    }
    writeObject(build, 'variable', copy, isChanged ? 'changed' : 'copied');
    return reference;
  }

  if (endpoint === undefined) {
    build.notes.push({
      code: 'endpoint_placeholder',
      severity: 'caveat',
      message: `no --endpoint given: set the Constant variable "${name}" to your collector URL before publishing`,
    });
  }
  addVariable(build, name, 'c', [textParameter('value', endpoint ?? placeholderEndpoint)]);
  return reference;
}

/**
 * The row each GA4 event tag (and so its mirror) gets so the warehouse can join them: the
 * join key set to a value both tags compute alike for one GTM event — a page id kept on the
 * window, and the data layer's `gtm.uniqueEventId` for that event.
 */
export function ensureJoinKeyVariable(build: MirrorBuild, joinKey: string): ParameterRow {
  const counter = mirrorNames.uniqueEventIdVariable;
  ensureVariable(build, counter, 'v', [
    { type: 'INTEGER', key: 'dataLayerVersion', value: '2' },
    { type: 'BOOLEAN', key: 'setDefaultValue', value: 'false' },
    textParameter('name', 'gtm.uniqueEventId'),
  ]);
  ensureVariable(build, mirrorNames.eventIdVariable, 'jsm', [
    textParameter('javascript', eventIdScript(counter)),
  ]);
  return { name: joinKey, value: `{{${mirrorNames.eventIdVariable}}}` };
}

// ES5, as GTM's Custom JavaScript variables require.
function eventIdScript(counterVariable: string): string {
  return [
    'function() {',
    '  var pageId = window.__tagwardenPageId = window.__tagwardenPageId ||',
    "    new Date().getTime().toString(36) + '.' + Math.random().toString(36).slice(2, 10);",
    `  return pageId + '.' + {{${counterVariable}}};`,
    '}',
  ].join('\n');
}

function ensureVariable(
  build: MirrorBuild,
  name: string,
  type: string,
  parameters: GtmParameter[],
): void {
  const existing = build.container.variablesByName.get(name);
  if (existing) writeObject(build, 'variable', cloneJson(existing.raw), 'copied');
  else addVariable(build, name, type, parameters);
}

function addVariable(
  build: MirrorBuild,
  name: string,
  type: string,
  parameters: GtmParameter[],
): void {
  const variable: JsonObject = {
    ...ownerIds(build),
    variableId: build.nextId(),
    name,
    type,
    parameter: parameters,
    fingerprint: build.fingerprint,
    formatValue: {},
  };
  writeObject(build, 'variable', variable, 'added');
}
