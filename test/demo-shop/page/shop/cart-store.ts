import { productBySku, roundCents, type Product } from './catalogue.js';

export interface CartLine {
  sku: string;
  quantity: number;
}

const CART_KEY = 'tw_cart';

/** The cart, kept in localStorage as `[{sku, quantity}]`; unknown or broken entries are dropped. */
export function readCart(): CartLine[] {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(CART_KEY) ?? '[]');
  } catch {
    stored = [];
  }
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (line): line is CartLine =>
      typeof line?.sku === 'string' &&
      productBySku(line.sku) !== undefined &&
      Number.isInteger(line.quantity) &&
      line.quantity > 0,
  );
}

export function writeCart(lines: CartLine[]): void {
  localStorage.setItem(CART_KEY, JSON.stringify(lines.filter((line) => line.quantity > 0)));
}

/** Adds `quantity` of a product (or removes, when negative) and returns the new cart. */
export function changeQuantity(sku: string, quantity: number): CartLine[] {
  const lines = readCart();
  const line = lines.find((candidate) => candidate.sku === sku);
  if (line) line.quantity += quantity;
  else if (quantity > 0) lines.push({ sku, quantity });
  writeCart(lines);
  return readCart();
}

/** Each cart line with its product, in cart order. */
export function cartProducts(lines: CartLine[]): Array<{ product: Product; quantity: number }> {
  return lines.flatMap((line) => {
    const product = productBySku(line.sku);
    return product ? [{ product, quantity: line.quantity }] : [];
  });
}

/** The cart's value: prices × quantities, without tax or shipping, as GA4's `value` wants. */
export function cartValue(lines: CartLine[]): number {
  return roundCents(
    cartProducts(lines).reduce((sum, line) => sum + line.product.price * line.quantity, 0),
  );
}

export function cartCount(lines: CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}
