import { cartProducts } from './cart-store.js';
import { AFFILIATION, CURRENCY, formatPrice } from './catalogue.js';
import { byTestId } from './create-element.js';
import { readOrder, type PlacedOrder } from './order-store.js';
import { pushEcommerceEvent } from './push-ecommerce-event.js';
import { toGa4Item } from './to-ga4-item.js';

/** The order confirmation: shows the order number and sends purchase. */
export function startConfirmationPage(): void {
  const order = readOrder();
  if (!order) {
    byTestId('order-number').textContent = 'no order';
    return;
  }
  byTestId('order-number').textContent = order.transactionId;
  byTestId('order-total').textContent = formatPrice(order.value + order.tax + order.shipping);

  // Deliberate bug 4 (README): purchase is sent on DOMContentLoaded, and a later fix for pages
  // restored from the back-forward cache also sends it on pageshow, which every normal load
  // fires too: each order is sent twice with one transaction_id.
  document.addEventListener('DOMContentLoaded', () => pushPurchase(order));
  addEventListener('pageshow', () => pushPurchase(order));
}

function pushPurchase(order: PlacedOrder): void {
  pushEcommerceEvent('purchase', {
    transaction_id: order.transactionId,
    affiliation: AFFILIATION,
    currency: CURRENCY,
    value: order.value,
    tax: order.tax,
    shipping: order.shipping,
    items: cartProducts(order.lines).map(({ product, quantity }) =>
      toGa4Item(product, { quantity }),
    ),
  });
}
