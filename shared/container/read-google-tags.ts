import type { ContainerIndex, TagView } from './container-types.js';
import { parameterFlag, parameterText } from './find-parameter.js';
import { googleTagTypes } from './ga4-tag-types.js';
import { readParameterRows, type ParameterRow } from './read-parameter-rows.js';
import { resolveText, type ResolvedText } from './resolve-text.js';

/** A Google tag (or GA4 configuration tag) and what it adds to every event it sends. */
export interface GoogleTagView {
  tag: TagView;
  /** The tag ID (`G-…`) the tag loads, as written and as resolved. */
  measurementId: ResolvedText;
  /** Configuration parameters sent with every event; tag settings that are not event data are left out. */
  sharedParameters: ParameterRow[];
  userProperties: ParameterRow[];
  /** The shared event settings variable, as written (`{{…}}`). */
  settingsVariable?: string;
  /** Whether the tag sends its own page_view when it fires (`send_page_view`, default on). */
  sendsPageView: boolean;
}

// gtag settings that steer the tag rather than describe the event (GA4 tag settings reference).
const tagSettings = new Set([
  'send_page_view',
  'server_container_url',
  'transport_url',
  'cookie_domain',
  'cookie_expires',
  'cookie_flags',
  'cookie_path',
  'cookie_prefix',
  'cookie_update',
  'allow_google_signals',
  'allow_ad_personalization_signals',
  'allow_enhanced_conversions',
  'first_party_collection',
  'groups',
  'update',
  'url_passthrough',
  'ads_data_redaction',
]);

/** Every Google tag (`googtag`) and GA4 configuration tag (`gaawc`) of a container. */
export function readGoogleTags(container: ContainerIndex): GoogleTagView[] {
  return container.tags
    .filter((tag) => googleTagTypes.has(tag.type))
    .map((tag) =>
      tag.type === 'googtag' ? readGoogleTag(container, tag) : readConfigTag(container, tag),
    );
}

function readGoogleTag(container: ContainerIndex, tag: TagView): GoogleTagView {
  const config = readParameterRows(
    tag.parameters,
    'configSettingsTable',
    'parameter',
    'parameterValue',
  );
  const settingsVariable = parameterText(tag.parameters, 'eventSettingsVariable');
  const pageViewRow = config.find((row) => row.name === 'send_page_view');
  return {
    tag,
    measurementId: resolveText(container, parameterText(tag.parameters, 'tagId') ?? ''),
    sharedParameters: config.filter((row) => !tagSettings.has(row.name)),
    userProperties: [],
    ...(settingsVariable ? { settingsVariable } : {}),
    sendsPageView: pageViewRow?.value.trim().toLowerCase() !== 'false',
  };
}

function readConfigTag(container: ContainerIndex, tag: TagView): GoogleTagView {
  const fields = readParameterRows(tag.parameters, 'fieldsToSet', 'name', 'value');
  return {
    tag,
    measurementId: resolveText(container, parameterText(tag.parameters, 'measurementId') ?? ''),
    sharedParameters: fields.filter((row) => !tagSettings.has(row.name)),
    userProperties: readParameterRows(tag.parameters, 'userProperties', 'name', 'value'),
    sendsPageView: parameterFlag(tag.parameters, 'sendPageView', true),
  };
}
