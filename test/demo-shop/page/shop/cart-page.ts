import { cartProducts, cartValue, changeQuantity, readCart } from './cart-store.js';
import { CURRENCY, formatPrice, roundCents, type Product } from './catalogue.js';
import { byTestId, createElement } from './create-element.js';
import { showCartCount } from './header-cart-count.js';
import { pushEcommerceEvent } from './push-ecommerce-event.js';
import { toGa4Item } from './to-ga4-item.js';

/** The cart: view_cart on load; − and + send remove_from_cart and add_to_cart for one unit. */
export function startCartPage(): void {
  render();
  const lines = readCart();
  if (lines.length === 0) return;
  pushEcommerceEvent('view_cart', {
    currency: CURRENCY,
    value: cartValue(lines),
    items: cartProducts(lines).map(({ product, quantity }) => toGa4Item(product, { quantity })),
  });
}

function render(): void {
  const lines = readCart();
  const list = byTestId('cart-lines');
  list.replaceChildren(
    ...cartProducts(lines).map(({ product, quantity }) =>
      createElement(
        'li',
        { 'data-testid': `cart-line-${product.sku}` },
        createElement('span', { class: 'name' }, product.name),
        unitButton('−', `decrease-${product.sku}`, () => changeBy(product, -1)),
        createElement('span', { 'data-testid': `line-quantity-${product.sku}` }, String(quantity)),
        unitButton('+', `increase-${product.sku}`, () => changeBy(product, 1)),
        createElement('span', { class: 'price' }, formatPrice(product.price * quantity)),
      ),
    ),
  );
  byTestId('cart-total').textContent = formatPrice(cartValue(lines));
  byTestId('checkout-button').hidden = lines.length === 0;
  byTestId('cart-empty').hidden = lines.length > 0;
  showCartCount();
}

function unitButton(label: string, testId: string, onClick: () => void): HTMLElement {
  const button = createElement('button', { type: 'button', 'data-testid': testId }, label);
  button.addEventListener('click', onClick);
  return button;
}

function changeBy(product: Product, units: 1 | -1): void {
  changeQuantity(product.sku, units);
  render();
  pushEcommerceEvent(units > 0 ? 'add_to_cart' : 'remove_from_cart', {
    currency: CURRENCY,
    value: roundCents(product.price),
    items: [toGa4Item(product, { quantity: 1 })],
  });
}
