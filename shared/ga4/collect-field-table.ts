import {
  setEngagementTime,
  setEventName,
  setFullVersionList,
  readSessionFlag,
  setHitSequence,
  setSessionCount,
  setUserId,
  type FieldSetter,
} from './collect-field-setters.js';
import { FLAG_SETTERS, UNKNOWN_SETTERS } from './collect-record-setters.js';
import { setLiftedParam } from './set-event-param.js';

/** A `/g/collect` key with a fixed meaning: a small number for bookkeeping, and its setter. */
export interface CollectField {
  id: number;
  key: string;
  apply: FieldSetter;
}

/**
 * Keys whose decoded text is stored as is, each with the store that puts it in its group.
 * One small function per field, not one shared function storing under a computed name: each
 * store then always meets the same field and stays fast. The shared computed-name store cost
 * about 0.4 µs more per event on the bundled captures (of about 9 µs to decode one).
 */
const TEXT_FIELDS: Record<string, FieldSetter> = {
  tid: ({ event }, text) => (event.ids.measurementId = text),
  cid: ({ event }, text) => (event.ids.clientId = text),
  sid: ({ event }, text) => (event.ids.sessionId = text),
  _p: ({ event }, text) => (event.ids.pageLoadId = text),

  // Exactly one decode: `dl`/`dr` may still hold `%E7…` afterwards, which is right (§2.1, A30).
  dl: ({ event }, text) => (event.page.location = text),
  dt: ({ event }, text) => (event.page.title = text),
  dr: ({ event }, text) => (event.page.referrer = text),
  ul: ({ event }, text) => (event.page.language = text),
  sr: ({ event }, text) => (event.page.screenResolution = text),

  gcs: ({ event }, text) => (event.consent.gcs = text),
  gcd: ({ event }, text) => (event.consent.gcd = text),
  dma: ({ event }, text) => (event.consent.dma = text),
  dma_cps: ({ event }, text) => (event.consent.dmaCps = text),
  npa: ({ event }, text) => (event.consent.npa = text),
  gcu: ({ event }, text) => (event.consent.gcu = text),
  pscdl: ({ event }, text) => (event.consent.pscdl = text),

  // Campaign overrides (§3.5); inside item strings `cn`/`cs` mean something else (§5).
  cs: ({ event }, text) => (event.campaign.source = text),
  cm: ({ event }, text) => (event.campaign.medium = text),
  cn: ({ event }, text) => (event.campaign.name = text),
  cc: ({ event }, text) => (event.campaign.content = text),
  ck: ({ event }, text) => (event.campaign.term = text),
  ci: ({ event }, text) => (event.campaign.id = text),
  ccf: ({ event }, text) => (event.campaign.creativeFormat = text),
  cmt: ({ event }, text) => (event.campaign.marketingTactic = text),

  // User-Agent client hints (§3.6), under the names `navigator.userAgentData` uses.
  uaa: ({ event }, text) => (event.clientHints.architecture = text),
  uab: ({ event }, text) => (event.clientHints.bitness = text),
  uamb: ({ event }, text) => (event.clientHints.mobile = text),
  uam: ({ event }, text) => (event.clientHints.model = text),
  uap: ({ event }, text) => (event.clientHints.platform = text),
  uapv: ({ event }, text) => (event.clientHints.platformVersion = text),
  uaw: ({ event }, text) => (event.clientHints.wow64 = text),

  // Observed `sst.*` keys (§3.9); other `sst.` keys are routed by prefix.
  'sst.rnd': ({ event }, text) => (event.serverSide.rnd = text),
  'sst.etld': ({ event }, text) => (event.serverSide.etld = text),
  'sst.gcsub': ({ event }, text) => (event.serverSide.gcsub = text),
  'sst.uc': ({ event }, text) => (event.serverSide.uc = text),
  'sst.adr': ({ event }, text) => (event.serverSide.adr = text),
  'sst.tft': ({ event }, text) => (event.serverSide.tft = text),
  'sst.lpc': ({ event }, text) => (event.serverSide.lpc = text),
  'sst.navt': ({ event }, text) => (event.serverSide.navt = text),
  'sst.ude': ({ event }, text) => (event.serverSide.ude = text),
  'sst.gcd': ({ event }, text) => (event.serverSide.gcd = text),
  'sst.sw_exp': ({ event }, text) => (event.serverSide.sw_exp = text),
  'sst.us_privacy': ({ event }, text) => (event.serverSide.us_privacy = text),
};

const SETTERS: Array<[string, FieldSetter]> = [
  ...Object.entries(TEXT_FIELDS),
  ...Object.entries(FLAG_SETTERS),
  ...Object.entries(UNKNOWN_SETTERS),
  ['en', setEventName],
  ['uid', setUserId],
  ['sct', setSessionCount],
  ['_s', setHitSequence],
  [
    'seg',
    (draft, value, key) => (draft.event.session.engaged = readSessionFlag(draft, value, key)),
  ],
  [
    '_fv',
    (draft, value, key) => (draft.event.session.firstVisit = readSessionFlag(draft, value, key)),
  ],
  [
    '_ss',
    (draft, value, key) => (draft.event.session.sessionStart = readSessionFlag(draft, value, key)),
  ],
  [
    '_nsi',
    (draft, value, key) => (draft.event.session.newSessionId = readSessionFlag(draft, value, key)),
  ],
  ['_et', setEngagementTime],
  ['uafvl', setFullVersionList],
  // Event parameters that gtag lifts out of `ep.` into short keys (§3.4, §6).
  ['cu', (draft, value, key) => setLiftedParam(draft, key, value, 'currency')],
  ['pi', (draft, value, key) => setLiftedParam(draft, key, value, 'promotion_id')],
  ['pn', (draft, value, key) => setLiftedParam(draft, key, value, 'promotion_name')],
  ['lo', (draft, value, key) => setLiftedParam(draft, key, value, 'location_id')],
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
