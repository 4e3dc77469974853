/**
 * GA4 collection limits and reserved names, as data. Source: ga4-protocol.md §7, from
 * support.google.com/analytics/answer/9267744 (limits) and answer/13316687 (naming). Google
 * calls its reserved lists "not exhaustive", so they live here to be extended in one place.
 */

export const ga4Limits = {
  eventNameLength: 40,
  parameterNameLength: 40,
  parameterValueLength: 100,
  parametersPerEvent: 25,
  itemsPerEvent: 200,
  customItemParametersPerEvent: 27,
  userPropertyNameLength: 24,
  userPropertyValueLength: 36,
  userIdLength: 256,
} as const;

/** Parameters allowed longer values than `parameterValueLength` (support answer 6317485). */
export const longValueLimits: Readonly<Record<string, number>> = {
  page_title: 300,
  page_referrer: 420,
  page_location: 1000,
};

/** Item fields GA4 defines; any other item key is a custom item parameter (§8). */
export const standardItemFields: ReadonlySet<string> = new Set([
  'item_id',
  'item_name',
  'affiliation',
  'coupon',
  'discount',
  'index',
  'item_brand',
  'item_category',
  'item_category2',
  'item_category3',
  'item_category4',
  'item_category5',
  'item_list_id',
  'item_list_name',
  'item_variant',
  'location_id',
  'price',
  'quantity',
  'promotion_id',
  'promotion_name',
  'creative_name',
  'creative_slot',
]);

/** Event names GA4 reserves on web streams; most are sent by enhanced measurement. */
export const reservedEventNames: ReadonlySet<string> = new Set([
  'ad_impression',
  'app_remove',
  'app_store_refund',
  'app_store_subscription_cancel',
  'app_store_subscription_renew',
  'click',
  'error',
  'file_download',
  'first_open',
  'first_visit',
  'form_start',
  'form_submit',
  'in_app_purchase',
  'page_view',
  'scroll',
  'session_start',
  'user_engagement',
  'view_complete',
  'video_progress',
  'video_start',
  'view_search_results',
]);

export const reservedEventPrefixes: readonly string[] = [
  '_',
  'firebase_',
  'ga_',
  'google_',
  'query_id',
];

export const reservedParameterPrefixes: readonly string[] = [
  '_',
  'firebase_',
  'ga_',
  'google_',
  'gtag.',
];

export const reservedUserPropertyNames: ReadonlySet<string> = new Set([
  'first_open_after_install',
  'first_open_time',
  'first_visit_time',
  'google_allow_ad_personalization_signals',
  'last_advertising_id_reset',
  'last_deep_link_referrer',
  'last_gclid',
  'lifetime_user_engagement',
  'non_personalized_ads',
  'session_id',
  'session_number',
  'user_id',
  'cid',
  'uid',
  'sid',
]);

export const reservedUserPropertyPrefixes: readonly string[] = ['_', 'firebase_', 'ga_', 'google_'];
