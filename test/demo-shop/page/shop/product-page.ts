import { changeQuantity } from './cart-store.js';
import { CURRENCY, formatPrice, productBySlug, roundCents, type Product } from './catalogue.js';
import { byTestId, createElement } from './create-element.js';
import { showCartCount } from './header-cart-count.js';
import { pushEcommerceEvent } from './push-ecommerce-event.js';
import { toGa4Item } from './to-ga4-item.js';

/** A product page (`/products/<slug>`): view_item on load, add_to_cart from the button. */
export function startProductPage(): void {
  const slug = location.pathname.split('/').filter(Boolean).pop() ?? '';
  const product = productBySlug(slug);
  const main = byTestId('product');
  if (!product) {
    main.append(createElement('p', { 'data-testid': 'not-found' }, 'This product does not exist.'));
    return;
  }
  renderProduct(main, product);

  pushEcommerceEvent('view_item', {
    currency: CURRENCY,
    value: product.price,
    items: [toGa4Item(product, { quantity: 1 })],
  });
}

function renderProduct(main: HTMLElement, product: Product): void {
  const button = createElement(
    'button',
    {
      type: 'button',
      'data-testid': 'add-to-cart',
      'data-sku': product.sku,
      'data-price': product.price.toFixed(2),
    },
    'Add to cart',
  );
  main.append(
    createElement('h1', { 'data-testid': 'product-name' }, product.name),
    createElement('p', { class: 'brand' }, `${product.brand} · ${product.variant}`),
    createElement(
      'p',
      { class: 'price', 'data-testid': 'product-price' },
      formatPrice(product.price),
    ),
    createElement('p', {}, product.description),
    createElement(
      'label',
      {},
      'Quantity ',
      createElement('input', {
        type: 'number',
        min: '1',
        max: '10',
        value: '1',
        'data-testid': 'quantity',
      }),
    ),
    button,
    createElement(
      'p',
      { 'data-testid': 'added-message', class: 'added', hidden: '' },
      'Added to your cart.',
    ),
  );
  button.addEventListener('click', () => addToCart(product, button));
}

function addToCart(product: Product, button: HTMLElement): void {
  const quantity = Math.max(
    1,
    Math.round(Number(byTestId<HTMLInputElement>('quantity').value) || 1),
  );
  changeQuantity(product.sku, quantity);
  showCartCount();
  byTestId('added-message').hidden = false;

  // Deliberate bug 2 (README): the price is read back from the button's data-price attribute,
  // so the item carries the string "19.99" where GA4 expects a number.
  const price = button.dataset.price ?? '';
  pushEcommerceEvent('add_to_cart', {
    currency: CURRENCY,
    value: roundCents(Number(price) * quantity),
    items: [{ ...toGa4Item(product), price, quantity }],
  });
}
