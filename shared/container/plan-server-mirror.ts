import { cloneJson } from './clone-json.js';
import type { ContainerIndex, GtmParameter, JsonObject } from './container-types.js';
import { ensureMirrorTemplate } from './ensure-mirror-template.js';
import { ensureEndpointVariable, ensureMirrorFolder } from './ensure-mirror-variables.js';
import { finishMirrorBuild } from './finish-mirror-build.js';
import { booleanParameter, textParameter } from './gtm-parameter-builders.js';
import { ownerIds, startMirrorBuild, writeObject, type MirrorBuild } from './mirror-build.js';
import { mirrorMarker, mirrorNames, serverMirrorFields } from './mirror-fields.js';
import type { MirrorNote, MirrorOptions, MirrorResult, MirrorRow } from './mirror-types.js';
import { uniqueName } from './unique-name.js';

const serverMarker = `${mirrorMarker}ga4-client`;

/**
 * Plans the mirror of a server container: the server mirror template, one tag of it, and a
 * trigger that fires it for every event the GA4 client claims, so every GA4 event reaching
 * the server (enhanced measurement included) goes to the collector too.
 */
export function planServerMirror(container: ContainerIndex, options: MirrorOptions): MirrorResult {
  const build = startMirrorBuild(container, options);
  const { type } = ensureMirrorTemplate(build, options.template);
  const folderId = ensureMirrorFolder(build);
  const endpointReference = ensureEndpointVariable(build, options.endpoint);
  const clients = container.clients.filter((client) => client.type === 'gaaw_client');
  const row: Omit<MirrorRow, 'status' | 'notes'> = {
    source: {
      tagId: clients.map((client) => client.id).join(', '),
      name: clients.map((client) => client.name).join(', ') || 'GA4',
      type: 'gaaw_client',
    },
    eventName: '{{Event Name}}',
  };

  const existing = container.tags.find(
    (tag) => tag.type === type && String(tag.raw['notes'] ?? '').includes(serverMarker),
  );
  if (existing) {
    const message = `already mirrored by "${existing.name}" (tag ${existing.id})`;
    const notes: MirrorNote[] = [{ code: 'already_mirrored', severity: 'info', message }];
    return finishMirrorBuild(build, [{ ...row, status: 'skipped', notes }], new Set());
  }

  if (clients.length === 0) build.notes.push(noClientNote);
  const clientVariable = ensureClientNameVariable(build);
  const clientNames = clients.map((client) => client.name);
  const triggerId = addGa4ClientTrigger(build, clientNames, clientVariable, folderId);
  const mirror = addServerMirrorTag(build, type, triggerId, folderId, endpointReference);
  const notes = destinationNotes(options.template.parameterNames);
  const mirrorTag = { tagId: mirror.tagId, name: mirror.name };
  return finishMirrorBuild(
    build,
    [{ ...row, status: 'mirrored', mirrorTag, notes }],
    mirror.droppedFields,
  );
}

const noClientNote: MirrorNote = {
  code: 'no_ga4_client',
  severity: 'caveat',
  message:
    'the container has no GA4 client; the trigger expects one named "GA4": add it, or edit the trigger',
};

function ensureClientNameVariable(build: MirrorBuild): string {
  const existing = build.container.builtInVariables.find(
    (builtIn) => builtIn.type === 'CLIENT_NAME',
  );
  if (existing) {
    writeObject(build, 'builtInVariable', cloneJson(existing.raw), 'copied');
    return existing.name;
  }
  writeObject(
    build,
    'builtInVariable',
    { ...ownerIds(build), type: 'CLIENT_NAME', name: 'Client Name' },
    'added',
  );
  return 'Client Name';
}

// A server "Custom" trigger is type ALWAYS with conditions (GTM API trigger types).
function addGa4ClientTrigger(
  build: MirrorBuild,
  clientNames: string[],
  clientVariable: string,
  folderId: string,
): string {
  const names = clientNames.length > 0 ? clientNames : ['GA4'];
  const [only] = names;
  const condition =
    names.length === 1 && only !== undefined
      ? { type: 'EQUALS', parameter: conditionArguments(clientVariable, only) }
      : {
          type: 'MATCH_REGEX',
          parameter: conditionArguments(clientVariable, `^(${names.map(escapeRegex).join('|')})$`),
        };
  const triggerId = build.nextId();
  const taken = new Set(build.container.triggers.map((trigger) => trigger.name));
  const trigger: JsonObject = {
    ...ownerIds(build),
    triggerId,
    name: uniqueName(mirrorNames.ga4ClientTrigger, taken),
    type: 'ALWAYS',
    filter: [condition],
    fingerprint: build.fingerprint,
    parentFolderId: folderId,
  };
  writeObject(build, 'trigger', trigger, 'added');
  return triggerId;
}

function conditionArguments(variable: string, value: string): GtmParameter[] {
  return [textParameter('arg0', `{{${variable}}}`), textParameter('arg1', value)];
}

function addServerMirrorTag(
  build: MirrorBuild,
  type: string,
  triggerId: string,
  folderId: string,
  endpointReference: string,
) {
  const fields = build.options.template.parameterNames;
  const accepts = (parameter: GtmParameter) => fields.size === 0 || fields.has(parameter.key ?? '');
  const parameters = destinationParameters(fields, endpointReference);
  const tagId = build.nextId();
  const name = uniqueName(`GA4 client events${mirrorNames.tagSuffix}`, build.tagNames);
  const tag: JsonObject = {
    ...ownerIds(build),
    tagId,
    name,
    type,
    parameter: parameters.filter(accepts),
    fingerprint: build.fingerprint,
    firingTriggerId: [triggerId],
    parentFolderId: folderId,
    tagFiringOption: 'ONCE_PER_EVENT',
    monitoringMetadata: { type: 'MAP' },
    consentSettings: { consentStatus: 'NOT_SET' },
    notes: `Mirrors every event the GA4 client claims to the tagwarden collector. ${serverMarker}`,
  };
  writeObject(build, 'tag', tag, 'added');
  const droppedFields = new Set(
    parameters.filter((parameter) => !accepts(parameter)).map((parameter) => parameter.key ?? ''),
  );
  return { tagId, name, droppedFields };
}

function destinationParameters(fields: Set<string>, endpointReference: string): GtmParameter[] {
  const { sendToHttp, httpEndpoint, sendToBigQuery, endpoint } = serverMirrorFields;
  if (!fields.has(httpEndpoint)) return [textParameter(endpoint, endpointReference)];
  const parameters = [
    booleanParameter(sendToHttp, true),
    textParameter(httpEndpoint, endpointReference),
  ];
  if (fields.has(sendToBigQuery)) parameters.push(booleanParameter(sendToBigQuery, false));
  return parameters;
}

function destinationNotes(fields: Set<string>): MirrorNote[] {
  if (!fields.has(serverMirrorFields.sendToBigQuery)) return [];
  return [
    {
      code: 'destination',
      severity: 'info',
      message:
        'sends to the collector over HTTP; writing BigQuery directly is left off (tick it in the tag and name a dataset to add it)',
    },
  ];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
