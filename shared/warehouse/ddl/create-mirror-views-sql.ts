import { viewDialect, type FlatType, type ViewDialect } from './view-dialects.js';
import { quoteTableName, type WarehouseDialect } from './warehouse-dialect.js';

/** Columns of every flattened view that say which event a row belongs to. */
const EVENT_KEYS: ReadonlyArray<[string, FlatType]> = [
  ['event_id', 'text'],
  ['event_date', 'text'],
  ['event_timestamp', 'int'],
  ['event_name', 'text'],
  ['user_pseudo_id', 'text'],
];

/** `events_flat`: scalar columns, and record fields under a prefixed name. */
const FLAT_FIELDS: ReadonlyArray<[string, readonly string[], FlatType]> = [
  ['user_id', ['user_id'], 'text'],
  ['source', ['source'], 'text'],
  ['measurement_id', ['measurement_id'], 'text'],
  ['received_at', ['received_at'], 'text'],
  ['device_category', ['device', 'category'], 'text'],
  ['device_language', ['device', 'language'], 'text'],
  ['device_browser', ['device', 'browser'], 'text'],
  ['device_operating_system', ['device', 'operating_system'], 'text'],
  ['hostname', ['device', 'web_info', 'hostname'], 'text'],
  ['analytics_storage', ['privacy_info', 'analytics_storage'], 'text'],
  ['ads_storage', ['privacy_info', 'ads_storage'], 'text'],
  ['transaction_id', ['ecommerce', 'transaction_id'], 'text'],
  ['purchase_revenue', ['ecommerce', 'purchase_revenue'], 'double'],
  ['batch_page_id', ['batch_page_id'], 'int'],
  ['batch_ordering_id', ['batch_ordering_id'], 'int'],
  ['batch_event_index', ['batch_event_index'], 'int'],
];

/** The event parameters analysts pull out of the export in almost every query. */
const FLAT_PARAMS: ReadonlyArray<[string, FlatType | 'number']> = [
  ['page_location', 'text'],
  ['page_title', 'text'],
  ['page_referrer', 'text'],
  ['ga_session_id', 'int'],
  ['ga_session_number', 'int'],
  ['engagement_time_msec', 'int'],
  ['session_engaged', 'text'],
  ['currency', 'text'],
  ['value', 'number'],
];

const ITEM_FIELDS: ReadonlyArray<[string, FlatType]> = [
  ...(['item_id', 'item_name', 'item_brand', 'item_variant', 'item_category'] as const).map(
    (name): [string, FlatType] => [name, 'text'],
  ),
  ['price', 'double'],
  ['quantity', 'int'],
  ['item_revenue', 'double'],
  ...(['coupon', 'affiliation', 'item_list_id', 'item_list_name', 'item_list_index'] as const).map(
    (name): [string, FlatType] => [name, 'text'],
  ),
  ...(['promotion_id', 'promotion_name', 'creative_name', 'creative_slot'] as const).map(
    (name): [string, FlatType] => [name, 'text'],
  ),
];

/**
 * The views that flatten the mirror table the way analysts flatten GA4's export:
 * - `events_flat`: one row per event, the common parameters (`page_location`, `ga_session_id`,
 *   `value`…) as columns, as `(SELECT value.string_value FROM UNNEST(event_params) WHERE key = …)`
 *   gives them;
 * - `event_params_flat`: one row per event parameter, `param_value` as text beside the typed
 *   values;
 * - `items_flat`: one row per item;
 * - `user_properties_flat`: one row per user property.
 */
export function createMirrorViewsSql(dialect: WarehouseDialect, table = 'events'): string[] {
  const sql = viewDialect(dialect);
  const source = `${quoteTableName(dialect, table)} AS e`;
  const create = (name: string, body: string): string =>
    `CREATE OR REPLACE VIEW ${quoteTableName(dialect, name)} AS\n${body}`;
  return [
    create('events_flat', eventsFlat(sql, source)),
    create('event_params_flat', keyValueRows(sql, source, 'event_params', 'param')),
    create('items_flat', itemRows(sql, source)),
    create('user_properties_flat', keyValueRows(sql, source, 'user_properties', 'property')),
  ];
}

function eventKeys(sql: ViewDialect): string[] {
  return EVENT_KEYS.map(([name, type]) => `${sql.column([name], type)} AS ${name}`);
}

function eventsFlat(sql: ViewDialect, source: string): string {
  const fields = FLAT_FIELDS.map(([name, path, type]) => `${sql.column(path, type)} AS ${name}`);
  const params = FLAT_PARAMS.map(([key, type]) => `${paramLookup(sql, key, type)} AS ${key}`);
  return `SELECT\n  ${[...eventKeys(sql), ...fields, ...params].join(',\n  ')}\nFROM ${source}`;
}

function paramLookup(sql: ViewDialect, key: string, type: FlatType | 'number'): string {
  if (type !== 'number') {
    return sql.lookup(
      'event_params',
      key,
      ['value', `${type === 'text' ? 'string' : 'int'}_value`],
      type,
    );
  }
  return sql.coalesce([
    sql.lookup('event_params', key, ['value', 'double_value'], 'double'),
    sql.lookup('event_params', key, ['value', 'int_value'], 'double'),
  ]);
}

function keyValueRows(sql: ViewDialect, source: string, column: string, label: string): string {
  const element = (path: readonly string[], type: FlatType): string => sql.element('p', path, type);
  const values = [
    `${element(['key'], 'text')} AS ${label}_key`,
    `${element(['value', 'string_value'], 'text')} AS string_value`,
    `${element(['value', 'int_value'], 'int')} AS int_value`,
    `${element(['value', 'float_value'], 'double')} AS float_value`,
    `${element(['value', 'double_value'], 'double')} AS double_value`,
  ];
  return `SELECT\n  ${[...eventKeys(sql), ...values].join(',\n  ')}\nFROM ${source}${sql.unnest(column, 'p')}`;
}

function itemRows(sql: ViewDialect, source: string): string {
  const values = ITEM_FIELDS.map(([name, type]) => `${sql.element('i', [name], type)} AS ${name}`);
  const transaction = `${sql.column(['ecommerce', 'transaction_id'], 'text')} AS transaction_id`;
  return `SELECT\n  ${[...eventKeys(sql), transaction, ...values].join(',\n  ')}\nFROM ${source}${sql.unnest('items', 'i')}`;
}
