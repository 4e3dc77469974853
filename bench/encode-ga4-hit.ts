/**
 * Writes GA4 `/g/collect` requests the way gtag.js sends them (reference: ga4-protocol.md;
 * the shapes follow real captures A5, A6, A15 and A28 of the corpus): the parameters every
 * event shares in the query string, and each event as `en=…&ep.…&epn.…&pr1=…`, in the query
 * for a single event or one body line per event for a batch.
 */

/** One product as a dataLayer `items` entry carries it. */
export interface ShopItem {
  item_id: string;
  item_name: string;
  affiliation?: string;
  item_brand?: string;
  item_category?: string;
  item_category2?: string;
  item_variant?: string;
  item_list_id?: string;
  item_list_name?: string;
  index?: number;
  price: number | string;
  quantity?: number;
  promotion_id?: string;
  promotion_name?: string;
}

export interface Ga4WireEvent {
  name: string;
  /** Event parameters: numbers go as `epn.`, strings as `ep.` (so `"99.8"` stays a string). */
  params?: Record<string, string | number>;
  currency?: string;
  items?: readonly ShopItem[];
  /** Flags such as `_ss`, `_fv`, `_nsi`, `_ee`, each sent as `=1`. */
  flags?: readonly string[];
  engagementMs?: number;
}

const ITEM_KEYS: ReadonlyArray<[keyof ShopItem, string]> = [
  ['item_id', 'id'],
  ['item_name', 'nm'],
  ['affiliation', 'af'],
  ['item_brand', 'br'],
  ['item_category', 'ca'],
  ['item_category2', 'c2'],
  ['item_variant', 'va'],
  ['item_list_id', 'li'],
  ['item_list_name', 'ln'],
  ['index', 'lp'],
  ['price', 'pr'],
  ['quantity', 'qt'],
  ['promotion_id', 'pi'],
  ['promotion_name', 'pn'],
];

/** The request for `events`: their own query string when alone, a body line each when batched. */
export function encodeGa4Hit(
  endpoint: string,
  shared: Readonly<Record<string, string | number>>,
  events: readonly Ga4WireEvent[],
): { url: string; body?: string } {
  const query = queryOf(Object.entries(shared));
  if (events.length === 1) return { url: `${endpoint}?${query}&${eventPart(events[0])}` };
  return { url: `${endpoint}?${query}`, body: events.map(eventPart).join('\r\n') };
}

function eventPart(event: Ga4WireEvent | undefined): string {
  if (event === undefined) return '';
  const pairs: Array<[string, string | number]> = [['en', event.name]];
  for (const flag of event.flags ?? []) pairs.push([flag, 1]);
  if (event.currency !== undefined) pairs.push(['cu', event.currency]);
  for (const [key, value] of Object.entries(event.params ?? {}))
    pairs.push([typeof value === 'number' ? `epn.${key}` : `ep.${key}`, value]);
  if (event.engagementMs !== undefined) pairs.push(['_et', event.engagementMs]);
  const items = (event.items ?? []).map((item, index) => `pr${index + 1}=${itemText(item)}`);
  return [queryOf(pairs), ...items].join('&');
}

// Item fields are `~`-separated two-letter keys, each value percent-encoded once (corpus A6,
// A28): the `~` separators themselves stay as they are.
function itemText(item: ShopItem): string {
  return ITEM_KEYS.flatMap(([field, key]) => {
    const value = item[field];
    return value === undefined ? [] : [`${key}${encodeURIComponent(String(value))}`];
  }).join('~');
}

function queryOf(pairs: ReadonlyArray<[string, string | number]>): string {
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&');
}
