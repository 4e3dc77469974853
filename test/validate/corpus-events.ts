/**
 * Events from /work/shared/corpus/real-captures.md, as the decoder and the dataLayer reader
 * hand them to the validator. Values are copied from the samples; wire prefixes are resolved
 * (`epn.value=72.05` → `value: 72.05`, `cu=USD` → `currency: 'USD'`, `prN` → items).
 */
import type { Ga4Event } from '../../shared/events/event-types.js';
import { greyWomensTee, stanAndFriendsTee } from '../fixtures/google-example-item.js';

/** The item every sesamy-go sample carries (A6, A7, A10, A28 `pr1`). */
export { stanAndFriendsTee };

/** A28 `pr2`, with the promotion fields and the custom item parameter `k0`/`v0`. */
export { greyWomensTee };

/** A28 purchase parameters. */
export const a28Purchase = {
  currency: 'USD',
  transaction_id: 'T_12345',
  value: 72.05,
  tax: 3.6,
  shipping: 5.99,
  coupon: 'SUMMER_SALE',
  customer_type: 'new',
  items: [{ ...stanAndFriendsTee, google_business_vertical: 'retail' }, greyWomensTee],
};

/** A6 add_to_cart parameters. */
export const a6AddToCart = { currency: 'USD', value: 30.03, items: [stanAndFriendsTee] };

export const a6PageLocation =
  'https://sesamy.bestbytes.com/?utm_source=google&utm_medium=demandgen&utm_campaign=demandgenprodukte&utm_id=22133718417&utm_content=&utm_term=&gad_source=1&gad_campaignid=22133718417&gclid=TEST-GCLID-0000&gtm_debug=1747981544829';

/** D6: a cycling shop's purchase push, numbers as strings and PII inside `ecommerce`. */
export const d6PurchasePush = {
  event: 'purchase',
  ecommerce: {
    currency: 'EUR',
    value: '99.8',
    tax: '12.00',
    shipping: '4.95',
    transaction_id: '45734',
    customer_email: 'test@example.com',
    customer_telephone: '+32000000000',
    coupon: 'blackfriday',
    items: [{ item_name: 'Alpecin-Fenix Sweatpants 2022', item_id: 'CIT30283', price: '49.90' }],
  },
};

/** D7: the wrong and the right currency. */
export const d7WrongCurrency = { event: 'purchase', ecommerce: { currency: 'Rs', value: 4999 } };
export const d7RightCurrency = { event: 'purchase', ecommerce: { currency: 'INR', value: 4999 } };

/** D4: gtag event with PII in its parameters (the checker's view of `arguments[2]`). */
export const d4ContactInfo = { email: 'user@example.com', phone: '00 00 00 00' };

/** A30 view_item parameters (camelCase custom parameters, CJK item). */
export const a30ViewItem = {
  currency: 'TWD',
  value: 1650,
  websiteCountry: 'TW',
  pageCategory: 'Product Page',
  pageSubCategory: 'Content',
  siteLocation: 'Product Page>Content',
  items: [
    {
      item_name: '水飽飽維他命B5保濕精華 | B-Hydra™ Intensive Hydration Serum',
      item_id: '856556004180',
      price: 1650,
      item_brand: 'Drunkelephant',
      item_category: '所有產品/臉部保養/精華液',
      item_category2: 'Product',
      item_category3: 'IN_STOCK',
      item_list_id: '0',
      item_list_name: '/',
      item_variant: '856556004180',
      item_auto_replen: 'NO',
    },
  ],
};

/** A26: a page title longer than 100 characters. */
export const a26PageTitle =
  'Retained earnings per share - seo.factor_title_suffix | Example Directory - Quantitative Trading Factor Library';

/** A decoded GA4 event with every field present, for converter tests. */
export function ga4Event(overrides: Partial<Ga4Event> = {}): Ga4Event {
  return {
    layer: 'ga4',
    name: 'purchase',
    params: {},
    items: [],
    userProperties: {},
    consent: {},
    ids: {},
    page: {},
    session: {},
    campaign: {},
    clientHints: {},
    serverSide: {},
    flags: {},
    unknown: {},
    raw: {},
    lineIndex: 0,
    endpoint: 'www.google-analytics.com/g/collect',
    warnings: [],
    ...overrides,
  };
}
