/**
 * The field names of the mirror templates (`gtm-template/web-mirror/`, `…/server-mirror/`),
 * in one place so a renamed field is one edit. Fields the template file does not declare are
 * left out of mirror tags, and the run says so.
 */
export const mirrorFields = {
  measurementId: 'measurementId',
  eventName: 'eventName',
  eventParameters: 'eventParameters',
  userProperties: 'userProperties',
  settingsVariable: 'eventSettingsVariable',
  sendEcommerceData: 'sendEcommerceData',
  endpoint: 'endpoint',
  /** Columns of the two tables. */
  rowName: 'name',
  rowValue: 'value',
} as const;

/**
 * The server mirror template's destination fields: an HTTP destination switched on and
 * pointed at the collector (BigQuery, which needs a project and dataset, left off), or a
 * single `endpoint` field in a template that has only that.
 */
export const serverMirrorFields = {
  sendToHttp: 'sendToHttp',
  httpEndpoint: 'httpEndpoint',
  sendToBigQuery: 'sendToBigQuery',
  endpoint: 'endpoint',
} as const;

/** Where a mirror tag says which tag it mirrors, so a second run finds it. */
export const mirrorMarker = 'tagwarden:mirror-of=';

/** Names of the objects a mirror run adds. */
export const mirrorNames = {
  folder: 'tagwarden mirror',
  endpointVariable: 'tagwarden mirror - collector endpoint',
  eventIdVariable: 'tagwarden mirror - event id',
  uniqueEventIdVariable: 'tagwarden mirror - gtm.uniqueEventId',
  ga4ClientTrigger: 'tagwarden mirror - GA4 client requests',
  tagSuffix: ' (tagwarden mirror)',
} as const;

/** A URL that never resolves (RFC 2606 `.invalid`), standing in until the collector's is set. */
export const placeholderEndpoint = 'https://collector.invalid/set-the-collector-url';
