import { parseWireNumber } from '../text/parse-wire-number.js';
import { cleanText } from './clean-text.js';
import type { MirrorEcommerce, MirrorItem } from './mirror-row.js';

/** The event parameters that feed the export's `ecommerce` record. */
export interface EcommerceFacts {
  eventName: string;
  params: Record<string, unknown>;
  items: readonly MirrorItem[];
  currency: string | null;
}

/**
 * The export's `ecommerce` record: revenue on `purchase`, refund on `refund`, shipping and tax,
 * the transaction ID and item counts. Null for events with no items and no transaction, as
 * the export leaves it for non-ecommerce events. `*_in_usd` fields are set only for USD.
 */
export function buildEcommerce(facts: EcommerceFacts): MirrorEcommerce | null {
  const transactionId = readText(facts.params.transaction_id);
  if (facts.items.length === 0 && transactionId === null) {
    return null;
  }
  const value = readNumber(facts.params.value);
  const shipping = readNumber(facts.params.shipping);
  const tax = readNumber(facts.params.tax);
  const revenue = facts.eventName === 'purchase' ? value : null;
  const refund = facts.eventName === 'refund' ? value : null;
  const usd = (amount: number | null): number | null => (facts.currency === 'USD' ? amount : null);
  const quantities = facts.items.map((item) => item.quantity ?? 0);
  const itemIds = facts.items.map((item) => item.item_id ?? item.item_name ?? '');

  return {
    total_item_quantity: facts.items.length === 0 ? null : sum(quantities),
    purchase_revenue_in_usd: usd(revenue),
    purchase_revenue: revenue,
    refund_value_in_usd: usd(refund),
    refund_value: refund,
    shipping_value_in_usd: usd(shipping),
    shipping_value: shipping,
    tax_value_in_usd: usd(tax),
    tax_value: tax,
    unique_items: facts.items.length === 0 ? null : new Set(itemIds).size,
    transaction_id: transactionId,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function readNumber(value: unknown): number | null {
  const number = typeof value === 'string' ? parseWireNumber(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

function readText(value: unknown): string | null {
  if (typeof value === 'string') {
    return value === '' ? null : cleanText(value);
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}
