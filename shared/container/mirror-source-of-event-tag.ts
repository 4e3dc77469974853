import type { ContainerIndex } from './container-types.js';
import {
  missingVariableNote,
  pausedNote,
  withSharedRows,
  type MirrorSource,
  type SourceContext,
} from './mirror-source.js';
import type { MirrorNote } from './mirror-types.js';
import type { Ga4EventTagView } from './read-ga4-event-tags.js';
import type { ParameterRow } from './read-parameter-rows.js';
import { readSettingsVariable } from './read-settings-variable.js';

/**
 * What the mirror of a GA4 event tag sends: the tag's event name, parameters and user
 * properties as written (variable references kept, so both tags read the same values), then
 * what its Google tag shares with every event, with a note for each difference left.
 */
export function mirrorSourceOfEventTag(
  container: ContainerIndex,
  view: Ga4EventTagView,
  context: SourceContext,
): MirrorSource {
  const notes: MirrorNote[] = [
    ...pausedNote(view.tag),
    ...eventNameNotes(view),
    ...measurementNotes(view),
  ];
  const { joinRow } = context;
  const ownParameters = joinRow ? withSharedRows(view.parameters, [joinRow]) : view.parameters;
  const shared = sharedSettings(container, view, notes);
  const fields = {
    eventName: view.eventName.raw,
    measurementId: view.measurementId?.raw ?? '',
    parameters: withSharedRows(ownParameters, shared.parameters),
    userProperties: withSharedRows(view.userProperties, shared.userProperties),
    ...(shared.settingsVariable ? { settingsVariable: shared.settingsVariable } : {}),
    sendsEcommerceData: view.sendsEcommerceData,
  };

  notes.push(...ecommerceAndUserDataNotes(view), ...sequencingNotes(view));
  const missing = missingVariableNote(container, fields, context.addedNames);
  if (missing) notes.push(missing);
  return { tag: view.tag, ...fields, notes };
}

function eventNameNotes(view: Ga4EventTagView): MirrorNote[] {
  const references = view.eventName.dynamicReferences;
  if (references.length === 0) return [];
  const names = references.map((name) => `{{${name}}}`).join(', ');
  return [
    {
      code: 'dynamic_event_name',
      severity: 'info',
      message: `event name is built from ${names} at run time; the mirror uses the same reference`,
    },
  ];
}

function measurementNotes(view: Ga4EventTagView): MirrorNote[] {
  if (view.measurementIdSource === 'none') {
    return [
      {
        code: 'no_measurement_id',
        severity: 'caveat',
        message:
          'no measurement ID found (no override, no configuration tag, several Google tags); set it on the mirror tag',
      },
    ];
  }
  if (view.measurementIdSource !== 'only-google-tag') return [];
  return [
    {
      code: 'measurement_id_assumed',
      severity: 'caveat',
      message: `no measurement ID on the tag; the mirror uses the only Google tag's (${view.measurementId?.raw ?? ''})`,
    },
  ];
}

interface SharedSettings {
  parameters: ParameterRow[];
  userProperties: ParameterRow[];
  settingsVariable?: string;
}

// What a Google tag shares with its events: configuration parameters, user properties and a
// shared settings variable. The mirror template takes one settings variable: the tag's own
// wins, as in GA4, and the shared one is then copied row by row when it can be read. Rows the
// tag's own settings variable sets are left to it.
function sharedSettings(
  container: ContainerIndex,
  view: Ga4EventTagView,
  notes: MirrorNote[],
): SharedSettings {
  const { googleTag, settingsVariable: own } = view;
  if (!googleTag)
    return { parameters: [], userProperties: [], ...(own ? { settingsVariable: own } : {}) };

  const shared = googleTag.settingsVariable;
  const parameters = [...googleTag.sharedParameters];
  const userProperties = [...googleTag.userProperties];
  if (own && shared && own !== shared) {
    const rows = readSettingsVariable(container, shared);
    parameters.push(...(rows?.parameters ?? []));
    userProperties.push(...(rows?.userProperties ?? []));
    if (!rows) notes.push(unreadableSharedNote(shared, own));
  }

  const ownRows = own ? readSettingsVariable(container, own) : undefined;
  const setByOwn = new Set(
    [...(ownRows?.parameters ?? []), ...(ownRows?.userProperties ?? [])].map((row) => row.name),
  );
  const kept = {
    parameters: parameters.filter((row) => !setByOwn.has(row.name)),
    userProperties: userProperties.filter((row) => !setByOwn.has(row.name)),
  };
  const carried = [...kept.parameters, ...kept.userProperties].map((row) => row.name);
  if (shared && !own) carried.push(shared);
  if (carried.length > 0) {
    notes.push({
      code: 'shared_settings',
      severity: 'info',
      message: `carries what Google tag "${googleTag.tag.name}" shares: ${carried.join(', ')}`,
    });
  }
  const settingsVariable = own ?? shared;
  return { ...kept, ...(settingsVariable ? { settingsVariable } : {}) };
}

function unreadableSharedNote(shared: string, own: string): MirrorNote {
  return {
    code: 'shared_settings',
    severity: 'caveat',
    message: `the Google tag's shared event settings ${shared} cannot be read statically and are not carried (the mirror takes one settings variable: ${own})`,
  };
}

function ecommerceAndUserDataNotes(view: Ga4EventTagView): MirrorNote[] {
  const notes: MirrorNote[] = [];
  if (view.sendsEcommerceData && view.ecommerceObject) {
    notes.push({
      code: 'custom_ecommerce_source',
      severity: 'caveat',
      message: `reads ecommerce data from ${view.ecommerceObject}; the mirror reads the data layer's ecommerce object`,
    });
  }
  if (view.sendsUserProvidedData) {
    notes.push({
      code: 'user_provided_data',
      severity: 'info',
      message: 'user-provided data (enhanced conversions) is personal data and is not mirrored',
    });
  }
  return notes;
}

function sequencingNotes(view: Ga4EventTagView): MirrorNote[] {
  const notes: MirrorNote[] = [];
  for (const name of view.tag.setupTagNames) {
    notes.push({
      code: 'setup_tag',
      severity: 'caveat',
      message: `fires after setup tag "${name}"; the mirror is sequenced the same way, check in Preview that both fire`,
    });
  }
  for (const name of view.tag.teardownTagNames) {
    notes.push({
      code: 'teardown_tag',
      severity: 'info',
      message: `cleanup tag "${name}" follows the GA4 tag only; the mirror does not trigger it`,
    });
  }
  return notes;
}
