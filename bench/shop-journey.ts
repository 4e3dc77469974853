import type { ShopItem } from './encode-ga4-hit.js';
import { CATEGORIES, PRODUCTS, SHOP_ORIGIN, productsIn, type Product } from './shop-catalogue.js';
import type { ShopTracking } from './shop-tracking.js';
import type { SessionWriter } from './session-writer.js';

type PageKind =
  'home' | 'category' | 'product' | 'search' | 'article' | 'cart' | 'checkout' | 'thanks';

/** A visitor walking the shop: where they are, what is in the cart, what they saw last. */
export interface Visitor {
  page: PageKind;
  category: string;
  product: Product;
  cart: ShopItem[];
  orders: number;
}

export function createVisitor(): Visitor {
  return {
    page: 'home',
    category: 'mens-shirts',
    product: PRODUCTS[0] as Product,
    cart: [],
    orders: 0,
  };
}

/**
 * One page of the visit: its navigation and tags, the events a shopper there fires (with
 * the tracking bugs real sites have: a lower-case currency, a value sent as a string,
 * missing items, an email in a push, an unplanned event), then where they go next.
 */
export function visitPage(writer: SessionWriter, tracking: ShopTracking, visitor: Visitor): void {
  const { random } = writer;
  // Now and then the visitor leaves for over half an hour, so GA4 starts a new session.
  writer.wait(1_000, random.chance(0.04) ? 2_400_000 : 20_000);
  const previous = visitor.page;
  visitor.page = nextPage(visitor, random.next());
  if (visitor.page === 'category') visitor.category = random.pick(CATEGORIES)[0];
  if (visitor.page === 'product' && previous !== 'category')
    visitor.product = random.pick(PRODUCTS);
  // The product pages are a single-page app: one product to the next is a route change.
  const isRoute = previous === 'product' && visitor.page === 'product' && random.chance(0.6);
  tracking.startPage(isRoute ? 'history' : 'document', urlOf(visitor), titleOf(visitor));
  PAGE_EVENTS[visitor.page](writer, tracking, visitor);
  if (random.chance(0.35))
    tracking.measurementEvent({ name: 'scroll', params: { percent_scrolled: 90 } });
  if (random.chance(0.7)) tracking.pixel('PageView');
  tracking.endPage();
}

const PAGE_EVENTS: Record<
  PageKind,
  (writer: SessionWriter, tracking: ShopTracking, visitor: Visitor) => void
> = {
  home(writer, tracking) {
    const featured = PRODUCTS.slice(0, 6).map((product, index) =>
      listed(product, index, 'home_featured'),
    );
    if (writer.random.chance(0.5))
      tracking.ecommerceEvent('view_promotion', {
        items: [
          { ...(featured[0] as ShopItem), promotion_id: 'P_AUTUMN', promotion_name: 'Autumn sale' },
        ],
      });
    tracking.ecommerceEvent('view_item_list', {
      item_list_id: 'home_featured',
      item_list_name: 'Featured',
      items: featured,
    });
    if (writer.random.chance(0.08))
      tracking.pushOnly({
        event: 'banner_interaction',
        event_category: 'System',
        event_label: 'Offer',
        banner_name: 'sticky',
        interaction_type: 'click',
        position: 'sticky-top',
        variant: null,
      });
  },
  category(writer, tracking, visitor) {
    const shelf = productsIn(visitor.category).map((product, index) =>
      listed(product, index, visitor.category),
    );
    tracking.ecommerceEvent('view_item_list', {
      item_list_id: visitor.category,
      item_list_name: visitor.category,
      items: shelf,
    });
    visitor.product = writer.random.pick(productsIn(visitor.category));
    if (writer.random.chance(0.6))
      tracking.ecommerceEvent('select_item', {
        item_list_id: visitor.category,
        items: [listed(visitor.product, 0, visitor.category)],
      });
    if (writer.random.chance(0.3))
      tracking.pushOnly({
        event: 'gtm.click',
        'gtm.elementClasses': 'filter-chip',
        'gtm.elementText': 'In stock',
      });
  },
  product(writer, tracking, visitor) {
    const item = { ...visitor.product.item, quantity: 1 };
    tracking.ecommerceEvent('view_item', {
      currency: 'USD',
      value: Number(item.price),
      items: [item],
    });
    if (writer.random.chance(0.35)) {
      const quantity = writer.random.integer(1, 3);
      const added = { ...item, quantity };
      // A theme's cart drawer pushes the currency as the store settings spell it.
      const currency = writer.random.chance(0.08) ? 'usd' : 'USD';
      tracking.ecommerceEvent('add_to_cart', {
        currency,
        value: round(Number(item.price) * quantity),
        items: [added],
      });
      visitor.cart.push(added);
    }
    if (writer.random.chance(0.05))
      tracking.ecommerceEvent('add_to_wishlist', {
        currency: 'USD',
        value: Number(item.price),
        items: [item],
      });
  },
  search(writer, tracking) {
    const term = writer.random.pick(['rain jacket', 'tee', 'serum', 'mug', 'tote', 'fleece']);
    writer.push({ $arguments: ['event', 'search', { search_term: term }] });
    tracking.measurementEvent({ name: 'view_search_results', params: { search_term: term } });
  },
  article(writer, tracking) {
    if (writer.random.chance(0.4))
      tracking.pushOnly({
        event: 'event_data',
        event_data: {
          event_name: 'video_start',
          type: 'video',
          url: 'https://video.example.test/watch?v=TvHpBXB0q0Y',
          text: 'Caring for waxed cotton',
          action: 'start',
          video_current_time: 0,
          length: 152,
          video_percent: 0,
        },
      });
    if (writer.random.chance(0.3))
      tracking.measurementEvent({
        name: 'file_download',
        params: {
          link_id: '',
          link_url: `${SHOP_ORIGIN}/files/size-guide.pdf`,
          link_text: 'Size guide',
          file_name: '/files/size-guide.pdf',
          file_extension: 'pdf',
        },
      });
    if (writer.random.chance(0.1))
      writer.push({
        $arguments: [
          'event',
          'show_contact_info',
          { email: 'user@example.com', phone: '00 00 00 00' },
        ],
      });
  },
  cart(writer, tracking, visitor) {
    tracking.ecommerceEvent('view_cart', {
      currency: 'USD',
      value: totalOf(visitor.cart),
      items: visitor.cart,
    });
    if (visitor.cart.length > 1 && writer.random.chance(0.15)) {
      const removed = visitor.cart.pop() as ShopItem;
      tracking.ecommerceEvent('remove_from_cart', {
        currency: 'USD',
        value: round(Number(removed.price) * (removed.quantity ?? 1)),
        items: [removed],
      });
    }
  },
  checkout(writer, tracking, visitor) {
    const order = { currency: 'USD', value: totalOf(visitor.cart), items: visitor.cart };
    tracking.ecommerceEvent('begin_checkout', { ...order, coupon: 'AUTUMN10' });
    tracking.ecommerceEvent('add_shipping_info', {
      ...order,
      shipping_tier: writer.random.pick(['Ground', 'Express']),
    });
    // The payment step's template forgets the items now and then.
    const payment = writer.random.chance(0.1) ? { currency: 'USD', value: order.value } : order;
    tracking.ecommerceEvent('add_payment_info', {
      ...payment,
      payment_type: writer.random.pick(['Credit Card', 'PayPal']),
    });
  },
  thanks(writer, tracking, visitor) {
    visitor.orders += 1;
    const value = totalOf(visitor.cart);
    const isStringly = writer.random.chance(0.1);
    const purchase = {
      transaction_id: `T-${20_251_124}-${String(visitor.orders).padStart(5, '0')}`,
      affiliation: 'Tidewater online',
      currency: 'USD',
      // Corpus D6: a site that pushes its numbers as strings.
      value: isStringly ? value.toFixed(2) : value,
      tax: isStringly ? (value * 0.2).toFixed(2) : round(value * 0.2),
      shipping: 4.95,
      coupon: 'AUTUMN10',
      items: visitor.cart,
      ...(writer.random.chance(0.05) ? { customer_email: 'test@example.com' } : {}),
    };
    tracking.ecommerceEvent('purchase', purchase);
    tracking.pixel('Purchase', { value, currency: 'USD', content_type: 'product' });
    tracking.adsConversion(value, 'USD');
    visitor.cart = [];
  },
};

function nextPage(visitor: Visitor, roll: number): PageKind {
  const hasCart = visitor.cart.length > 0;
  switch (visitor.page) {
    case 'home':
      return roll < 0.45 ? 'category' : roll < 0.6 ? 'search' : roll < 0.75 ? 'article' : 'product';
    case 'category':
      return roll < 0.7 ? 'product' : roll < 0.9 ? 'category' : 'home';
    case 'product':
      if (hasCart && roll < 0.2) return 'cart';
      return roll < 0.5 ? 'product' : roll < 0.8 ? 'category' : roll < 0.9 ? 'search' : 'home';
    case 'search':
      return roll < 0.7 ? 'product' : 'category';
    case 'article':
      return roll < 0.5 ? 'home' : roll < 0.8 ? 'article' : 'category';
    case 'cart':
      return hasCart && roll < 0.6 ? 'checkout' : 'product';
    case 'checkout':
      return roll < 0.75 ? 'thanks' : 'cart';
    case 'thanks':
      return 'home';
  }
}

function urlOf(visitor: Visitor): string {
  switch (visitor.page) {
    case 'home':
      return `${SHOP_ORIGIN}/`;
    case 'category':
      return `${SHOP_ORIGIN}/c/${visitor.category}`;
    case 'product':
      return `${SHOP_ORIGIN}/p/${visitor.product.slug}`;
    case 'search':
      return `${SHOP_ORIGIN}/search?q=${visitor.orders % 2 === 0 ? 'jacket' : 'tee'}`;
    case 'article':
      return `${SHOP_ORIGIN}/journal/caring-for-waxed-cotton?utm_source=newsletter&utm_medium=email`;
    case 'cart':
      return `${SHOP_ORIGIN}/cart`;
    case 'checkout':
      return `${SHOP_ORIGIN}/checkout`;
    case 'thanks':
      return `${SHOP_ORIGIN}/checkout/thanks?order=${visitor.orders + 1}`;
  }
}

function titleOf(visitor: Visitor): string {
  const shop = 'Tidewater Trail Co.';
  if (visitor.page === 'product') return `${visitor.product.item.item_name} | ${shop}`;
  if (visitor.page === 'category') return `${visitor.category} | ${shop}`;
  return `${visitor.page[0]?.toUpperCase()}${visitor.page.slice(1)} | ${shop}`;
}

function listed(product: Product, index: number, listId: string): ShopItem {
  return { ...product.item, item_list_id: listId, item_list_name: listId, index, quantity: 1 };
}

function totalOf(items: readonly ShopItem[]): number {
  return round(items.reduce((sum, item) => sum + Number(item.price) * (item.quantity ?? 1), 0));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
