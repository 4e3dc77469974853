import {
  setEngagementTime,
  setEventName,
  setFullVersionList,
  setIdNumber,
  setSessionFlag,
  setUserId,
  type FieldSetter,
} from './collect-field-setters.js';
import { setLiftedParam } from './set-event-param.js';

/** A `/g/collect` key with a fixed meaning: a small number for bookkeeping, and its setter. */
export interface CollectField {
  id: number;
  key: string;
  apply: FieldSetter;
}

type TextGroup = 'ids' | 'page' | 'consent' | 'campaign' | 'clientHints' | 'serverSide';

/** Keys whose decoded text is stored as is, with the event group and field they go to. */
const TEXT_FIELDS: Record<string, [TextGroup, string]> = {
  tid: ['ids', 'measurementId'],
  cid: ['ids', 'clientId'],
  sid: ['ids', 'sessionId'],
  _p: ['ids', 'pageLoadId'],

  // Exactly one decode: `dl`/`dr` may still hold `%E7…` afterwards, which is right (§2.1, A30).
  dl: ['page', 'location'],
  dt: ['page', 'title'],
  dr: ['page', 'referrer'],
  ul: ['page', 'language'],
  sr: ['page', 'screenResolution'],

  gcs: ['consent', 'gcs'],
  gcd: ['consent', 'gcd'],
  dma: ['consent', 'dma'],
  dma_cps: ['consent', 'dmaCps'],
  npa: ['consent', 'npa'],
  gcu: ['consent', 'gcu'],
  pscdl: ['consent', 'pscdl'],

  // Campaign overrides (§3.5); inside item strings `cn`/`cs` mean something else (§5).
  cs: ['campaign', 'source'],
  cm: ['campaign', 'medium'],
  cn: ['campaign', 'name'],
  cc: ['campaign', 'content'],
  ck: ['campaign', 'term'],
  ci: ['campaign', 'id'],
  ccf: ['campaign', 'creativeFormat'],
  cmt: ['campaign', 'marketingTactic'],

  // User-Agent client hints (§3.6), under the names `navigator.userAgentData` uses.
  uaa: ['clientHints', 'architecture'],
  uab: ['clientHints', 'bitness'],
  uamb: ['clientHints', 'mobile'],
  uam: ['clientHints', 'model'],
  uap: ['clientHints', 'platform'],
  uapv: ['clientHints', 'platformVersion'],
  uaw: ['clientHints', 'wow64'],
};

/** Switches whose value is kept as sent (§3.1, §3.2, §1.2 for `richsstsse`). */
const FLAG_KEYS = ['_dbg', '_ee', '_c', 'richsstsse', '_gaz', '_glv', 'ir', '_geo', '_rdi'];
const RECENT_FLAG_KEYS = ['frm', 'are', 'lps', 'ngs', 'gtm_up'];

/** Observed `sst.*` keys (§3.9), listed only so that they are stored without a lookup miss. */
const SERVER_SIDE_KEYS = ['rnd', 'etld', 'gcsub', 'uc', 'adr', 'tft', 'lpc', 'navt', 'ude'];
const MORE_SERVER_SIDE_KEYS = ['gcd', 'sw_exp', 'us_privacy'];

/**
 * Keys with a documented role but no field of their own (§3.1, §3.2, §3.7, §3.10). They go
 * to `unknown` like any unlisted key; listing them only saves work on every hit.
 */
const KEYS_WITHOUT_FIELD = [
  ...['v', 'gtm', 'tag_exp', '_z', '_eu', 'gdid', 'ec_mode', '_tu', 'ecid', 'edid', 'tfd'],
  ...['_uip', '_uc', 'ur', '_fplc', 'tt', 'z', '_fid', '_rnd', 'dh', 'gcut', 'ae', 'rcb'],
  ...['gaf', '_uei', 'sc', 'us_privacy', 'gdpr', 'gdpr_consent', 'gpp', 'gpp_sid'],
];

const SETTERS: Array<[string, FieldSetter]> = [
  ...Object.entries(TEXT_FIELDS).map(([key, [group, field]]) => textSetter(key, group, field)),
  ...[...SERVER_SIDE_KEYS, ...MORE_SERVER_SIDE_KEYS].map((name) =>
    textSetter(`sst.${name}`, 'serverSide', name),
  ),
  ...[...FLAG_KEYS, ...RECENT_FLAG_KEYS].map((key) => recordSetter(key, 'flags')),
  ...KEYS_WITHOUT_FIELD.map((key) => recordSetter(key, 'unknown')),
  ['en', setEventName],
  ['uid', setUserId],
  ['sct', (draft, pair) => setIdNumber(draft, pair, 'sessionCount')],
  ['_s', (draft, pair) => setIdNumber(draft, pair, 'hitSequence')],
  ['seg', (draft, pair) => setSessionFlag(draft, pair, 'engaged')],
  ['_fv', (draft, pair) => setSessionFlag(draft, pair, 'firstVisit')],
  ['_ss', (draft, pair) => setSessionFlag(draft, pair, 'sessionStart')],
  ['_nsi', (draft, pair) => setSessionFlag(draft, pair, 'newSessionId')],
  ['_et', setEngagementTime],
  ['uafvl', setFullVersionList],
  // Event parameters that gtag lifts out of `ep.` into short keys (§3.4, §6).
  ['cu', (draft, pair) => setLiftedParam(draft, pair, 'currency')],
  ['pi', (draft, pair) => setLiftedParam(draft, pair, 'promotion_id')],
  ['pn', (draft, pair) => setLiftedParam(draft, pair, 'promotion_name')],
  ['lo', (draft, pair) => setLiftedParam(draft, pair, 'location_id')],
];

/**
 * The `/g/collect` keys this decoder knows by name (protocol notes §3), each with the setter that
 * puts it in the event. Prefixed families (`ep.`, `epn.`, `up.`, `upn.`, other `sst.`, `prN`)
 * are routed in `applyCollectPair`; keys found in neither place land in `unknown`.
 */
export const COLLECT_FIELDS: ReadonlyMap<string, CollectField> = new Map(
  SETTERS.map(([key, apply], id) => [key, { id, key, apply }]),
);

export const COLLECT_FIELD_COUNT = SETTERS.length;

function textSetter(key: string, group: TextGroup, field: string): [string, FieldSetter] {
  return [
    key,
    (draft, pair) => {
      (draft.event[group] as Record<string, string>)[field] = pair.value;
    },
  ];
}

function recordSetter(key: string, group: 'flags' | 'unknown'): [string, FieldSetter] {
  return [
    key,
    (draft, pair) => {
      draft.event[group][key] = pair.value;
    },
  ];
}
