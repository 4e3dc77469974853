import { cloneJson } from './clone-json.js';
import type { GtmParameter, JsonObject } from './container-types.js';
import { booleanParameter, tableParameter, textParameter } from './gtm-parameter-builders.js';
import { mirrorFields, mirrorMarker } from './mirror-fields.js';
import type { MirrorSource } from './mirror-source.js';

/** What a new mirror tag needs beyond its source. */
export interface MirrorTagSetting {
  accountId: string;
  containerId: string;
  tagId: string;
  name: string;
  /** `cvt_<containerId>_<templateId>`. */
  type: string;
  folderId: string;
  /** `{{…}}` reference to the collector endpoint variable. */
  endpointReference: string;
  /** The template's field names; an empty set accepts every field. */
  templateFields: Set<string>;
  fingerprint: string;
}

// Firing, blocking, sequencing, consent and scheduling are copied from the GA4 tag, so the
// mirror fires exactly when it does. Cleanup tags stay with the GA4 tag.
const copiedTagKeys = [
  'firingTriggerId',
  'blockingTriggerId',
  'setupTag',
  'tagFiringOption',
  'priority',
  'scheduleStartMs',
  'scheduleEndMs',
  'liveOnly',
  'consentSettings',
  'paused',
];

/** A mirror tag, and the mirror fields the template does not declare (left out). */
export function buildMirrorTag(
  source: MirrorSource,
  setting: MirrorTagSetting,
): { tag: JsonObject; droppedFields: string[] } {
  const candidates = mirrorParameters(source, setting.endpointReference);
  const accepts = (key: string) =>
    setting.templateFields.size === 0 || setting.templateFields.has(key);
  const droppedFields = candidates
    .map((parameter) => parameter.key ?? '')
    .filter((key) => !accepts(key));

  const tag: JsonObject = {
    accountId: setting.accountId,
    containerId: setting.containerId,
    tagId: setting.tagId,
    name: setting.name,
    type: setting.type,
    parameter: candidates.filter((parameter) => accepts(parameter.key ?? '')),
    fingerprint: setting.fingerprint,
    parentFolderId: setting.folderId,
    notes: `Mirrors "${source.tag.name}" (tag ${source.tag.id}) to the tagwarden collector. ${mirrorMarker}${source.tag.id}`,
  };
  for (const key of copiedTagKeys) {
    if (source.tag.raw[key] !== undefined) tag[key] = cloneJson(source.tag.raw[key]);
  }
  tag['tagFiringOption'] ??= 'ONCE_PER_EVENT';
  tag['monitoringMetadata'] = { type: 'MAP' };
  return { tag, droppedFields };
}

function mirrorParameters(source: MirrorSource, endpointReference: string): GtmParameter[] {
  const { rowName, rowValue } = mirrorFields;
  const parameters: GtmParameter[] = [textParameter(mirrorFields.eventName, source.eventName)];
  if (source.measurementId)
    parameters.push(textParameter(mirrorFields.measurementId, source.measurementId));
  if (source.parameters.length > 0) {
    parameters.push(
      tableParameter(mirrorFields.eventParameters, source.parameters, rowName, rowValue),
    );
  }
  if (source.userProperties.length > 0) {
    parameters.push(
      tableParameter(mirrorFields.userProperties, source.userProperties, rowName, rowValue),
    );
  }
  if (source.settingsVariable) {
    parameters.push(textParameter(mirrorFields.settingsVariable, source.settingsVariable));
  }
  parameters.push(
    booleanParameter(mirrorFields.sendEcommerceData, source.sendsEcommerceData),
    textParameter(mirrorFields.endpoint, endpointReference),
  );
  return parameters;
}
