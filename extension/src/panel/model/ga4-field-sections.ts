import type { Ga4Event, ParamValue } from '../../../../shared/events/event-types.js';

export interface LabelledField {
  label: string;
  /** The wire key or parameter name, shown beside the label. */
  key: string;
  value: string;
}

export interface FieldSection {
  title: string;
  fields: LabelledField[];
}

type Labels<Record> = Array<[keyof Record & string, string, string]>;

const ID_LABELS: Labels<Ga4Event['ids']> = [
  ['measurementId', 'Measurement ID', 'tid'],
  ['clientId', 'Client ID', 'cid'],
  ['userId', 'User ID', 'uid'],
  ['sessionId', 'Session ID', 'sid'],
  ['sessionCount', 'Session number', 'sct'],
  ['pageLoadId', 'Page load ID', '_p'],
  ['hitSequence', 'Hit sequence', '_s'],
];

const PAGE_LABELS: Labels<Ga4Event['page']> = [
  ['location', 'Page location', 'dl'],
  ['title', 'Page title', 'dt'],
  ['referrer', 'Referrer', 'dr'],
  ['language', 'Language', 'ul'],
  ['screenResolution', 'Screen', 'sr'],
];

const SESSION_LABELS: Labels<Ga4Event['session']> = [
  ['engaged', 'Engaged session', 'seg'],
  ['firstVisit', 'First visit', '_fv'],
  ['sessionStart', 'Session start', '_ss'],
  ['newSessionId', 'New session ID', '_nsi'],
  ['engagementTimeMs', 'Engagement time (ms)', '_et'],
];

/**
 * A decoded GA4 event as labelled sections for the detail view: identity, page, session,
 * event parameters (with their wire type), user properties, campaign, client hints,
 * server-side, flags, and the keys the decoder has no meaning for. Empty sections are left
 * out; every value is text.
 */
export function ga4FieldSections(event: Ga4Event): FieldSection[] {
  const sections: FieldSection[] = [
    { title: 'Identity', fields: labelled(event.ids, ID_LABELS) },
    { title: 'Page', fields: labelled(event.page, PAGE_LABELS) },
    { title: 'Session', fields: labelled(event.session, SESSION_LABELS) },
    { title: 'Event parameters', fields: parameters(event.params, 'ep', 'epn') },
    { title: 'User properties', fields: parameters(event.userProperties, 'up', 'upn') },
    { title: 'Campaign', fields: plain(event.campaign) },
    { title: 'Client hints', fields: plain(event.clientHints) },
    { title: 'Server-side', fields: plain(event.serverSide) },
    { title: 'Flags', fields: plain(event.flags) },
    { title: 'Keys without a known meaning', fields: plain(event.unknown) },
  ];
  return sections.filter((section) => section.fields.length > 0);
}

function labelled<Values extends object>(values: Values, labels: Labels<Values>): LabelledField[] {
  return labels.flatMap(([name, label, key]) => {
    const value = (values as Record<string, unknown>)[name];
    return value === undefined ? [] : [{ label, key, value: String(value) }];
  });
}

function parameters(
  values: Record<string, ParamValue>,
  textPrefix: string,
  numberPrefix: string,
): LabelledField[] {
  return Object.entries(values).map(([name, value]) => ({
    label: name,
    key: `${typeof value === 'number' ? numberPrefix : textPrefix}.${name}`,
    value: String(value),
  }));
}

function plain(values: Record<string, string>): LabelledField[] {
  return Object.entries(values).map(([key, value]) => ({ label: key, key, value }));
}
