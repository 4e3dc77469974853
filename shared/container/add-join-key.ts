import { cloneJson } from './clone-json.js';
import type { JsonObject } from './container-types.js';
import { findParameter } from './find-parameter.js';
import { textParameter } from './gtm-parameter-builders.js';
import { writeObject, type MirrorBuild } from './mirror-build.js';
import type { MirrorNote } from './mirror-types.js';
import type { Ga4EventTagView } from './read-ga4-event-tags.js';
import type { ParameterRow } from './read-parameter-rows.js';

/**
 * Adds the join key row to a GA4 event tag (written back into the export as a changed tag)
 * unless the tag already sends a parameter of that name.
 */
export function addJoinKey(
  build: MirrorBuild,
  view: Ga4EventTagView,
  joinRow: ParameterRow,
): MirrorNote {
  const present = view.parameters.find((row) => row.name === joinRow.name);
  if (present) {
    return {
      code: 'join_key_present',
      severity: 'info',
      message: `already sends ${joinRow.name} (${present.value}); GA4 and mirror rows join on it`,
    };
  }

  const tag = cloneJson(view.tag.raw);
  // Entries that are not parameters stay where they are: the tag is written back as found.
  const parameters: unknown[] = Array.isArray(tag['parameter']) ? tag['parameter'] : [];
  tag['parameter'] = parameters;
  tag['fingerprint'] = build.fingerprint;
  appendRow(parameters, view.parameterTableKey, joinRow);
  writeObject(build, 'tag', tag, 'changed');
  return {
    code: 'join_key_added',
    severity: 'info',
    message: `GA4 tag now sends ${joinRow.name} = ${joinRow.value}, and so does its mirror`,
  };
}

function appendRow(
  parameters: unknown[],
  tableKey: Ga4EventTagView['parameterTableKey'],
  row: ParameterRow,
): void {
  const [nameKey, valueKey] =
    tableKey === 'eventSettingsTable' ? ['parameter', 'parameterValue'] : ['name', 'value'];
  let table = findParameter(parameters, tableKey);
  if (!table) {
    table = { type: 'LIST', key: tableKey, list: [] };
    parameters.push(table);
  }
  const list = Array.isArray(table.list) ? table.list : [];
  table.list = list;
  const entry: JsonObject = {
    type: 'MAP',
    map: [textParameter(nameKey, row.name), textParameter(valueKey, row.value)],
  };
  list.push(entry);
}
