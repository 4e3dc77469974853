import type { CartLine } from './cart-store.js';

/** The order the checkout placed, handed to the confirmation page through sessionStorage. */
export interface PlacedOrder {
  transactionId: string;
  lines: CartLine[];
  value: number;
  tax: number;
  shipping: number;
  shippingTier: string;
  paymentType: string;
}

const ORDER_KEY = 'tw_last_order';

export function saveOrder(order: PlacedOrder): void {
  sessionStorage.setItem(ORDER_KEY, JSON.stringify(order));
}

export function readOrder(): PlacedOrder | undefined {
  try {
    const order: unknown = JSON.parse(sessionStorage.getItem(ORDER_KEY) ?? 'null');
    if (order === null || typeof order !== 'object') return undefined;
    const candidate = order as Partial<PlacedOrder>;
    return typeof candidate.transactionId === 'string' && Array.isArray(candidate.lines)
      ? (candidate as PlacedOrder)
      : undefined;
  } catch {
    return undefined;
  }
}
