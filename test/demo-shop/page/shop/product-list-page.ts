import { catalogue, CURRENCY, formatPrice, PRODUCT_LIST } from './catalogue.js';
import { byTestId, createElement } from './create-element.js';
import { pushEcommerceEvent, pushThenNavigate } from './push-ecommerce-event.js';
import { toGa4Item } from './to-ga4-item.js';

const listFields = { listId: PRODUCT_LIST.id, listName: PRODUCT_LIST.name };

/** The product list: one card per product; view_item_list on load, select_item on a click. */
export function startProductListPage(): void {
  const list = byTestId('product-list');
  catalogue.forEach((product, index) => {
    const href = `/products/${product.slug}`;
    const link = createElement(
      'a',
      { href, 'data-testid': `product-link-${product.sku}` },
      product.name,
    );
    link.addEventListener('click', (event) => {
      event.preventDefault();
      pushThenNavigate(
        'select_item',
        {
          item_list_id: PRODUCT_LIST.id,
          item_list_name: PRODUCT_LIST.name,
          items: [toGa4Item(product, { index, ...listFields })],
        },
        href,
      );
    });
    list.append(
      createElement(
        'li',
        { class: 'product-card', 'data-testid': `product-card-${product.sku}` },
        createElement('h2', {}, link),
        createElement('p', { class: 'brand' }, product.brand),
        createElement('p', { class: 'price' }, formatPrice(product.price)),
      ),
    );
  });

  pushEcommerceEvent('view_item_list', {
    item_list_id: PRODUCT_LIST.id,
    item_list_name: PRODUCT_LIST.name,
    currency: CURRENCY,
    items: catalogue.map((product, index) => toGa4Item(product, { index, ...listFields })),
  });
}
