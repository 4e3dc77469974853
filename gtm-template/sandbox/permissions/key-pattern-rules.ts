import { matchesKeyPattern } from './match-key-pattern.js';
import type { PermissionParams } from './permission-params.js';
import { describeArgument, type Denial, type PermissionRule } from './permission-rule.js';

function checkKey(
  params: PermissionParams,
  accessParam: string,
  raw: unknown,
  verb: string,
  noun: string,
): Denial | undefined {
  if (params.text(accessParam) === 'any') return undefined;
  // Entries without the access param predate it and mean "specific" (reference notes §1.5).
  if (
    typeof raw === 'string' &&
    params.strings('keyPatterns').some((pattern) => matchesKeyPattern(raw, pattern))
  ) {
    return undefined;
  }
  const what =
    raw === undefined ? `every key of ${noun}` : `the key ${describeArgument(raw)} of ${noun}`;
  return {
    subject: `${verb} ${what}`,
    fix:
      raw === undefined ? 'allow any key' : 'add it (or a `parent.*` pattern) to its key patterns',
  };
}

/** read_data_layer: `allowedKeys` any|specific, `keyPatterns`; query `(key)`. */
export const readDataLayerRule: PermissionRule = {
  id: 'read_data_layer',
  contexts: ['web'],
  check: (params, args) => checkKey(params, 'allowedKeys', args[0], 'reading', 'the data layer'),
};

/** write_data_layer: `keyPatterns` (and `allowedKeys` when present); query `(key)`. */
export const writeDataLayerRule: PermissionRule = {
  id: 'write_data_layer',
  contexts: ['web'],
  check: (params, args) => checkKey(params, 'allowedKeys', args[0], 'writing', 'the data layer'),
};

/**
 * read_event_data: `eventDataAccess` any|specific, `keyPatterns`; query `(keyPath)`. No key
 * path (getAllEventData) asks for the whole event, which only `any` allows.
 */
export const readEventDataRule: PermissionRule = {
  id: 'read_event_data',
  contexts: ['server'],
  check: (params, args) =>
    checkKey(params, 'eventDataAccess', args[0], 'reading', 'the event data'),
};
