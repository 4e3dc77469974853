import { parseWireNumber } from '../text/parse-wire-number.js';
import { buildEventParams } from './build-event-params.js';
import { cleanText } from './clean-text.js';
import type { MirrorItem } from './mirror-row.js';

/** Item fields the export holds as text, under the names the decoder already uses. */
const TEXT_FIELDS = [
  'item_id',
  'item_name',
  'item_brand',
  'item_variant',
  'item_category',
  'item_category2',
  'item_category3',
  'item_category4',
  'item_category5',
  'coupon',
  'affiliation',
  'location_id',
  'item_list_id',
  'item_list_name',
  'promotion_id',
  'promotion_name',
  'creative_name',
  'creative_slot',
] as const;

/** Event-level parameters GA4 applies to items that lack them (protocol notes §5). */
type InheritedField =
  | 'item_list_id'
  | 'item_list_name'
  | 'promotion_id'
  | 'promotion_name'
  | 'creative_name'
  | 'creative_slot';

const STANDARD_KEYS: ReadonlySet<string> = new Set([...TEXT_FIELDS, 'price', 'quantity', 'index']);

/** What the event around an item decides about it. */
export interface ItemContext {
  eventName: string;
  /** The event's parameters, for the list and promotion fields items inherit. */
  eventParams: Record<string, unknown>;
  /** `USD` makes the `*_in_usd` fields equal to the plain ones; other currencies leave them null. */
  currency: string | null;
}

/**
 * One item as the export stores it. Standard fields are typed as the export types them; a value
 * that does not fit its type (a text price, a fractional quantity) is kept in `item_params`
 * under its own name instead of being lost, as are custom item parameters and `discount`.
 * `item_revenue` is price × quantity on `purchase`, `item_refund` the same on `refund`.
 */
export function mapMirrorItem(item: Record<string, unknown>, context: ItemContext): MirrorItem {
  const leftovers: Array<[string, unknown]> = [];
  const price = readNumber(item.price, 'price', leftovers);
  const quantity = readInteger(item.quantity, 'quantity', leftovers);
  for (const [key, value] of Object.entries(item)) {
    if (!STANDARD_KEYS.has(key)) {
      leftovers.push([key, value]);
    }
  }

  const text = (field: (typeof TEXT_FIELDS)[number]): string | null => readText(item[field]);
  const inherited = (field: InheritedField): string | null =>
    text(field) ?? readText(context.eventParams[field]);
  const amount = price !== null && quantity !== null ? price * quantity : null;
  const revenue = context.eventName === 'purchase' ? amount : null;
  const refund = context.eventName === 'refund' ? amount : null;
  const usd = (value: number | null): number | null => (context.currency === 'USD' ? value : null);

  // Keys in the column order of `itemColumns`, so stored JSON reads like the export.
  return {
    item_id: text('item_id'),
    item_name: text('item_name'),
    item_brand: text('item_brand'),
    item_variant: text('item_variant'),
    item_category: text('item_category'),
    item_category2: text('item_category2'),
    item_category3: text('item_category3'),
    item_category4: text('item_category4'),
    item_category5: text('item_category5'),
    price_in_usd: usd(price),
    price,
    quantity,
    item_revenue_in_usd: usd(revenue),
    item_revenue: revenue,
    item_refund_in_usd: usd(refund),
    item_refund: refund,
    coupon: text('coupon'),
    affiliation: text('affiliation'),
    location_id: text('location_id'),
    item_list_id: inherited('item_list_id'),
    item_list_name: inherited('item_list_name'),
    item_list_index: readText(item.index),
    promotion_id: inherited('promotion_id'),
    promotion_name: inherited('promotion_name'),
    creative_name: inherited('creative_name'),
    creative_slot: inherited('creative_slot'),
    item_params: buildEventParams(leftovers),
  };
}

function readText(value: unknown): string | null {
  if (typeof value === 'string') {
    return cleanText(value);
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function readNumber(
  value: unknown,
  key: string,
  leftovers: Array<[string, unknown]>,
): number | null {
  const number = typeof value === 'string' ? parseWireNumber(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) {
    return number;
  }
  if (value !== undefined && value !== null) {
    leftovers.push([key, value]);
  }
  return null;
}

function readInteger(
  value: unknown,
  key: string,
  leftovers: Array<[string, unknown]>,
): number | null {
  const number = typeof value === 'string' ? parseWireNumber(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number)) {
    return number;
  }
  if (value !== undefined && value !== null) {
    leftovers.push([key, value]);
  }
  return null;
}
