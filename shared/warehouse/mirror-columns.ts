import {
  arrayOf,
  bool,
  column,
  required,
  float64,
  int64,
  json,
  struct,
  text,
  textColumns,
  timestamp,
  type Column,
} from './column-types.js';

/**
 * The columns of one mirror row, in order. The first 28 are GA4's BigQuery export schema with
 * the export's names and types, so analysts' SQL written for the export runs unchanged; the last
 * six are the mirror's own. Bump `MIRROR_SCHEMA_VERSION` when a column is added.
 */
export const MIRROR_SCHEMA_VERSION = 1;

/** `value` of an event parameter: exactly one of the four is set (GA4 export typing). */
const paramValue = struct([
  column('string_value', text),
  column('int_value', int64),
  column('float_value', float64, 'Never set for web events, as in the GA4 export.'),
  column('double_value', float64),
]);

/** `{key, value}`: the shape of `event_params` and `items.item_params` entries. */
export const paramColumns: readonly Column[] = [column('key', text), column('value', paramValue)];

const userProperty = struct([
  column('key', text),
  column(
    'value',
    struct([
      column('string_value', text),
      column('int_value', int64),
      column('float_value', float64),
      column('double_value', float64),
      column('set_timestamp_micros', int64),
    ]),
  ),
]);

/** The export's item fields, typed as the export types them. */
export const itemColumns: readonly Column[] = [
  ...textColumns(['item_id', 'item_name', 'item_brand', 'item_variant']),
  ...textColumns(['item_category', 'item_category2', 'item_category3']),
  ...textColumns(['item_category4', 'item_category5']),
  column('price_in_usd', float64),
  column('price', float64),
  column('quantity', int64),
  column('item_revenue_in_usd', float64),
  column('item_revenue', float64),
  column('item_refund_in_usd', float64),
  column('item_refund', float64),
  ...textColumns(['coupon', 'affiliation', 'location_id', 'item_list_id', 'item_list_name']),
  column('item_list_index', text),
  ...textColumns(['promotion_id', 'promotion_name', 'creative_name', 'creative_slot']),
  column('item_params', arrayOf(struct(paramColumns))),
];

const device = struct([
  column('category', text),
  ...textColumns(['mobile_brand_name', 'mobile_model_name', 'mobile_marketing_name']),
  ...textColumns(['mobile_os_hardware_model', 'operating_system', 'operating_system_version']),
  ...textColumns(['vendor_id', 'advertising_id', 'language', 'is_limited_ad_tracking']),
  column('time_zone_offset_seconds', int64),
  ...textColumns(['browser', 'browser_version']),
  column('web_info', struct(textColumns(['browser', 'browser_version', 'hostname']))),
]);

const ecommerce = struct([
  column('total_item_quantity', int64),
  column('purchase_revenue_in_usd', float64),
  column('purchase_revenue', float64),
  column('refund_value_in_usd', float64),
  column('refund_value', float64),
  column('shipping_value_in_usd', float64),
  column('shipping_value', float64),
  column('tax_value_in_usd', float64),
  column('tax_value', float64),
  column('unique_items', int64),
  column('transaction_id', text),
]);

const collectedTrafficSource = struct(
  textColumns([
    ...['manual_campaign_id', 'manual_campaign_name', 'manual_source', 'manual_medium'],
    ...['manual_term', 'manual_content', 'manual_source_platform', 'manual_creative_format'],
    ...['manual_marketing_tactic', 'gclid', 'dclid', 'srsltid'],
  ]),
);

const exportColumns: readonly Column[] = [
  required(column('event_date', text, 'YYYYMMDD in the configured time zone, UTC by default.')),
  required(column('event_timestamp', int64, 'Microseconds since the epoch, when received.')),
  required(column('event_name', text)),
  column('event_params', arrayOf(struct(paramColumns))),
  column('event_previous_timestamp', int64),
  column('event_value_in_usd', float64),
  column('event_bundle_sequence_id', int64),
  column('event_server_timestamp_offset', int64),
  column('user_id', text),
  column('user_pseudo_id', text),
  column(
    'privacy_info',
    struct(textColumns(['analytics_storage', 'ads_storage', 'uses_transient_token'])),
  ),
  column('user_properties', arrayOf(userProperty)),
  column('user_first_touch_timestamp', int64),
  column('user_ltv', struct([column('revenue', float64), column('currency', text)])),
  column('device', device),
  column(
    'geo',
    struct(textColumns(['city', 'country', 'continent', 'region', 'sub_continent', 'metro'])),
    'Always null: the collector never stores IP addresses.',
  ),
  column(
    'app_info',
    struct(textColumns(['id', 'version', 'install_store', 'firebase_app_id', 'install_source'])),
  ),
  column('traffic_source', struct(textColumns(['name', 'medium', 'source']))),
  column('stream_id', text),
  column('platform', text),
  column('event_dimensions', struct(textColumns(['hostname']))),
  column('ecommerce', ecommerce),
  column('items', arrayOf(struct(itemColumns))),
  column('collected_traffic_source', collectedTrafficSource),
  column('is_active_user', bool),
  column('batch_event_index', int64),
  column('batch_page_id', int64),
  column('batch_ordering_id', int64),
];

const mirrorOwnColumns: readonly Column[] = [
  required(column('event_id', text, 'Dedupe and join key: event_id parameter or identity hash.')),
  required(column('source', text, 'web_mirror, server_mirror or collector.')),
  column('measurement_id', text),
  column('consent', json, 'The decoded consent state: gcs, gcd and the four signals.'),
  required(column('received_at', timestamp)),
  column('template_version', text),
];

/** Every column of the mirror row, export columns first. */
export const MIRROR_COLUMNS: readonly Column[] = [...exportColumns, ...mirrorOwnColumns];

/** The unique key of the table in every engine that has one. */
export const MIRROR_KEY_COLUMN = 'event_id';
