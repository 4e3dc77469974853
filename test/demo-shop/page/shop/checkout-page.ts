import { cartProducts, cartValue, readCart, writeCart, type CartLine } from './cart-store.js';
import { CURRENCY, formatPrice, roundCents } from './catalogue.js';
import { byTestId } from './create-element.js';
import { saveOrder } from './order-store.js';
import { pushEcommerceEvent } from './push-ecommerce-event.js';
import { toGa4Item } from './to-ga4-item.js';

const SHIPPING_PRICES: Record<string, number> = { Standard: 4.95, Express: 12.9 };
const VAT_RATE = 0.19;

/**
 * The checkout, a separate app whose GTM snippet renamed the dataLayer to `shopLayer`. Three
 * steps on one page: contact and shipping, payment, review. begin_checkout on load,
 * add_shipping_info and add_payment_info as the steps are left.
 */
export function startCheckoutPage(): void {
  const lines = readCart();
  byTestId('order-summary').textContent =
    `${lines.length} line(s), ${formatPrice(cartValue(lines))}`;
  if (lines.length === 0) return;

  pushEcommerceEvent('begin_checkout', {
    currency: CURRENCY,
    value: cartValue(lines),
    items: itemsOf(lines),
  });
  byTestId('continue-to-payment').addEventListener('click', () => leaveShippingStep(lines));
  byTestId('continue-to-review').addEventListener('click', leavePaymentStep);
  byTestId('place-order').addEventListener('click', () => placeOrder(lines));
}

function leaveShippingStep(lines: CartLine[]): void {
  const email = byTestId<HTMLInputElement>('email').value.trim();
  if (!email.includes('@')) {
    byTestId('email').focus();
    return;
  }
  // Deliberate bug 3 (README): the customer's email address rides along as a parameter.
  pushEcommerceEvent('add_shipping_info', {
    currency: CURRENCY,
    value: cartValue(lines),
    shipping_tier: byTestId<HTMLSelectElement>('shipping-tier').value,
    customer_email: email,
    items: itemsOf(lines),
  });
  showStep('payment');
}

function leavePaymentStep(): void {
  // Deliberate bug 1 (README): only the payment type is sent; items, required by GA4's
  // add_payment_info, were forgotten (and with them currency and value).
  pushEcommerceEvent('add_payment_info', {
    payment_type: byTestId<HTMLSelectElement>('payment-type').value,
  });
  showStep('review');
}

function placeOrder(lines: CartLine[]): void {
  const shippingTier = byTestId<HTMLSelectElement>('shipping-tier').value;
  const value = cartValue(lines);
  saveOrder({
    transactionId: `TW-${Date.now().toString(36).toUpperCase()}`,
    lines,
    value,
    tax: roundCents(value * VAT_RATE),
    shipping: SHIPPING_PRICES[shippingTier] ?? 0,
    shippingTier,
    paymentType: byTestId<HTMLSelectElement>('payment-type').value,
  });
  writeCart([]);
  location.assign('/order/confirmation');
}

function showStep(step: 'payment' | 'review'): void {
  byTestId(`step-${step}`).hidden = false;
}

function itemsOf(lines: CartLine[]): Array<Record<string, unknown>> {
  return cartProducts(lines).map(({ product, quantity }) => toGa4Item(product, { quantity }));
}
