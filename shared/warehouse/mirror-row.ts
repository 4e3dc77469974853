import type { DecodedConsent } from '../events/event-types.js';

/** Where a mirror row came from. */
export type MirrorSource = 'web_mirror' | 'server_mirror' | 'collector';

export const MIRROR_SOURCES: readonly MirrorSource[] = ['web_mirror', 'server_mirror', 'collector'];

/** A parameter value as the GA4 export holds it: exactly one field is set. */
export interface ParamCell {
  string_value: string | null;
  int_value: number | null;
  float_value: number | null;
  double_value: number | null;
}

export interface EventParam {
  key: string;
  value: ParamCell;
}

export interface UserProperty {
  key: string;
  value: ParamCell & { set_timestamp_micros: number | null };
}

export interface MirrorItem {
  item_id: string | null;
  item_name: string | null;
  item_brand: string | null;
  item_variant: string | null;
  item_category: string | null;
  item_category2: string | null;
  item_category3: string | null;
  item_category4: string | null;
  item_category5: string | null;
  price_in_usd: number | null;
  price: number | null;
  quantity: number | null;
  item_revenue_in_usd: number | null;
  item_revenue: number | null;
  item_refund_in_usd: number | null;
  item_refund: number | null;
  coupon: string | null;
  affiliation: string | null;
  location_id: string | null;
  item_list_id: string | null;
  item_list_name: string | null;
  item_list_index: string | null;
  promotion_id: string | null;
  promotion_name: string | null;
  creative_name: string | null;
  creative_slot: string | null;
  item_params: EventParam[];
}

export interface MirrorDevice {
  category: string | null;
  mobile_brand_name: string | null;
  mobile_model_name: string | null;
  mobile_marketing_name: string | null;
  mobile_os_hardware_model: string | null;
  operating_system: string | null;
  operating_system_version: string | null;
  vendor_id: string | null;
  advertising_id: string | null;
  language: string | null;
  is_limited_ad_tracking: string | null;
  time_zone_offset_seconds: number | null;
  browser: string | null;
  browser_version: string | null;
  web_info: { browser: string | null; browser_version: string | null; hostname: string | null };
}

export interface MirrorEcommerce {
  total_item_quantity: number | null;
  purchase_revenue_in_usd: number | null;
  purchase_revenue: number | null;
  refund_value_in_usd: number | null;
  refund_value: number | null;
  shipping_value_in_usd: number | null;
  shipping_value: number | null;
  tax_value_in_usd: number | null;
  tax_value: number | null;
  unique_items: number | null;
  transaction_id: string | null;
}

export interface CollectedTrafficSource {
  manual_campaign_id: string | null;
  manual_campaign_name: string | null;
  manual_source: string | null;
  manual_medium: string | null;
  manual_term: string | null;
  manual_content: string | null;
  manual_source_platform: string | null;
  manual_creative_format: string | null;
  manual_marketing_tactic: string | null;
  gclid: string | null;
  dclid: string | null;
  srsltid: string | null;
}

export interface PrivacyInfo {
  analytics_storage: string | null;
  ads_storage: string | null;
  uses_transient_token: string | null;
}

/**
 * One event as the warehouse stores it: GA4's BigQuery export row (same names, same types,
 * `MIRROR_COLUMNS` in the same order) plus the mirror's own fields. Plain JSON: int64 values
 * are JavaScript numbers (microsecond timestamps stay below 2^53), `received_at` is ISO 8601.
 */
export interface MirrorRow {
  event_date: string;
  event_timestamp: number;
  event_name: string;
  event_params: EventParam[];
  event_previous_timestamp: number | null;
  event_value_in_usd: number | null;
  event_bundle_sequence_id: number | null;
  event_server_timestamp_offset: number | null;
  user_id: string | null;
  user_pseudo_id: string | null;
  privacy_info: PrivacyInfo | null;
  user_properties: UserProperty[];
  user_first_touch_timestamp: number | null;
  user_ltv: { revenue: number | null; currency: string | null } | null;
  device: MirrorDevice | null;
  geo: null;
  app_info: null;
  traffic_source: { name: string | null; medium: string | null; source: string | null } | null;
  stream_id: string | null;
  platform: 'WEB';
  event_dimensions: { hostname: string | null } | null;
  ecommerce: MirrorEcommerce | null;
  items: MirrorItem[];
  collected_traffic_source: CollectedTrafficSource | null;
  is_active_user: boolean | null;
  batch_event_index: number | null;
  batch_page_id: number | null;
  batch_ordering_id: number | null;
  event_id: string;
  source: MirrorSource;
  measurement_id: string | null;
  consent: DecodedConsent | null;
  received_at: string;
  template_version: string | null;
}

/** What the caller knows about a hit beyond its content. */
export interface MirrorContext {
  source: MirrorSource;
  /** When the collector or template received the hit, in milliseconds since the epoch. */
  receivedAt: number;
  /** The mirror template's version, when the hit says which one sent it. */
  templateVersion?: string;
  /** The request's `User-Agent` header: device fields when client hints are absent. */
  userAgent?: string;
  /** The export's numeric stream ID, when known; otherwise the measurement ID stands in. */
  streamId?: string;
  /** IANA time zone for `event_date` (the GA4 property's); UTC when absent. */
  timeZone?: string;
}
