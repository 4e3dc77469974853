import type { ContainerIndex, TagView } from './container-types.js';
import { findParameter, hasParameterType, parameterFlag, parameterText } from './find-parameter.js';
import { ga4EventTagTypes } from './ga4-tag-types.js';
import { readGoogleTags, type GoogleTagView } from './read-google-tags.js';
import { readParameterRows, type ParameterRow } from './read-parameter-rows.js';
import { resolveText, type ResolvedText } from './resolve-text.js';

/** Where a GA4 event tag's measurement ID comes from. */
export type MeasurementIdSource = 'override' | 'configuration-tag' | 'only-google-tag' | 'none';

/** A GA4 event tag (`gaawe`) read into what it sends. */
export interface Ga4EventTagView {
  tag: TagView;
  eventName: ResolvedText;
  /** The measurement ID as the tag writes it (or as its configuration tag does). */
  measurementId?: ResolvedText;
  measurementIdSource: MeasurementIdSource;
  /** The Google tag loading the same measurement ID, whose shared settings apply too. */
  googleTag?: GoogleTagView;
  /** Event parameters: `eventSettingsTable` rows, or `eventParameters` rows of older tags. */
  parameters: ParameterRow[];
  parameterTableKey: 'eventSettingsTable' | 'eventParameters';
  userProperties: ParameterRow[];
  /** The event settings variable, as written (`{{…}}`). */
  settingsVariable?: string;
  sendsEcommerceData: boolean;
  /** The variable ecommerce data is read from, when it is not the data layer. */
  ecommerceObject?: string;
  sendsUserProvidedData: boolean;
}

/** Every GA4 event tag of a container, with the Google tags they belong to. */
export function readGa4EventTags(container: ContainerIndex): Ga4EventTagView[] {
  const googleTags = readGoogleTags(container);
  return container.tags
    .filter((tag) => ga4EventTagTypes.has(tag.type))
    .map((tag) => readEventTag(container, tag, googleTags));
}

function readEventTag(
  container: ContainerIndex,
  tag: TagView,
  googleTags: GoogleTagView[],
): Ga4EventTagView {
  const { parameters } = tag;
  const measurement = readMeasurementId(container, tag, googleTags);
  const tableKey = findParameter(parameters, 'eventSettingsTable')
    ? 'eventSettingsTable'
    : 'eventParameters';
  const rows =
    tableKey === 'eventSettingsTable'
      ? readParameterRows(parameters, tableKey, 'parameter', 'parameterValue')
      : readParameterRows(parameters, tableKey, 'name', 'value');
  const settingsVariable = parameterText(parameters, 'eventSettingsVariable');
  const fromCustomObject = parameterText(parameters, 'getEcommerceDataFrom') === 'customObject';
  const ecommerceObject = parameterText(parameters, 'ecommerceMacroData');

  return {
    tag,
    eventName: resolveText(container, parameterText(parameters, 'eventName') ?? ''),
    ...measurement,
    parameters: rows,
    parameterTableKey: tableKey,
    userProperties: readParameterRows(parameters, 'userProperties', 'name', 'value'),
    ...(settingsVariable ? { settingsVariable } : {}),
    sendsEcommerceData: parameterFlag(parameters, 'sendEcommerceData', false),
    ...(fromCustomObject && ecommerceObject ? { ecommerceObject } : {}),
    sendsUserProvidedData:
      parameterFlag(parameters, 'sendUserProvidedData', false) ||
      Boolean(parameterText(parameters, 'userDataVariable')),
  };
}

type MeasurementFields = Pick<
  Ga4EventTagView,
  'measurementId' | 'measurementIdSource' | 'googleTag'
>;

function readMeasurementId(
  container: ContainerIndex,
  tag: TagView,
  googleTags: GoogleTagView[],
): MeasurementFields {
  const override = parameterText(tag.parameters, 'measurementIdOverride')?.trim();
  if (override) return withGoogleTag(resolveText(container, override), 'override', googleTags);

  // Older event tags point at their configuration tag by name instead of carrying an ID.
  const reference = findParameter(tag.parameters, 'measurementId');
  const configuration = hasParameterType(reference, 'TAG_REFERENCE')
    ? googleTags.find((googleTag) => googleTag.tag.name === reference?.value)
    : undefined;
  if (configuration) {
    return {
      measurementId: configuration.measurementId,
      measurementIdSource: 'configuration-tag',
      googleTag: configuration,
    };
  }
  const written = typeof reference?.value === 'string' ? reference.value.trim() : '';
  if (written && !hasParameterType(reference, 'TAG_REFERENCE')) {
    return withGoogleTag(resolveText(container, written), 'override', googleTags);
  }

  const [only, ...others] = googleTags;
  if (only && others.length === 0) {
    return {
      measurementId: only.measurementId,
      measurementIdSource: 'only-google-tag',
      googleTag: only,
    };
  }
  return { measurementIdSource: 'none' };
}

function withGoogleTag(
  measurementId: ResolvedText,
  source: MeasurementIdSource,
  googleTags: GoogleTagView[],
): MeasurementFields {
  const googleTag = googleTags.find((candidate) => sameId(candidate.measurementId, measurementId));
  return { measurementId, measurementIdSource: source, ...(googleTag ? { googleTag } : {}) };
}

function sameId(left: ResolvedText, right: ResolvedText): boolean {
  if (left.value !== undefined && right.value !== undefined) return left.value === right.value;
  return left.raw === right.raw;
}
