/**
 * dataLayer messages from /work/shared/corpus/real-captures.md, Part D, copied as found.
 * JSON samples stay strings and are parsed by the tests; JavaScript samples are rebuilt as
 * the page would build them (variables given plausible values, noted beside each).
 */

/** What `function gtag(){dataLayer.push(arguments);}` pushes: a real Arguments object. */
export function gtag(..._args: unknown[]): IArguments {
  // eslint-disable-next-line prefer-rest-params
  return arguments;
}

/** D1: the GTM container snippet's own push (time fixed to D2's `gtm.start`). */
export const D1_SNIPPET_PUSH = { 'gtm.start': 1639524976560, event: 'gtm.js' };

/** D2: Google's illustration of the resulting model. */
export const D2_MODEL = {
  event: 'checkout_button',
  gtm: {
    uniqueEventId: 2,
    start: 1639524976560,
    scrollThreshold: 90,
    scrollUnits: 'percent',
    scrollDirection: 'vertical',
    triggers: '1_27',
  },
  value: '120',
};

/** D3: a Playwright dump of a live dataLayer; the gtag Arguments lost their type. */
export const D3_DUMP = `[
  { "gtm.start": 1762759293896, "event": "gtm.js", "gtm.uniqueEventId": 3 },
  { "0": "js", "1": "2025-11-10T07:21:33.896Z" },
  { "0": "config", "1": "G-DEMO000005" }
]`;

/** D4: `gtag('event','show_contact_info',{…})` as a dataLayer checker saw it. */
export const D4_CHECKER_VIEW = `{ "0": "event", "1": "show_contact_info", "2": { "email": "user@example.com", "phone": "00 00 00 00" } }`;

/** D5: Google-style view_item with null-clearing. */
export const D5_CLEAR = { ecommerce: null };
export const D5_VIEW_ITEM = {
  event: 'view_item',
  ecommerce: {
    currency: 'USD',
    value: 7.77,
    items: [
      {
        item_id: 'SKU_12345',
        item_name: 'Stan and Friends Tee',
        affiliation: 'Google Merchandise Store',
        coupon: 'SUMMER_FUN',
        discount: 2.22,
        index: 0,
        item_brand: 'Google',
        item_category: 'Apparel',
        item_category2: 'Adult',
        item_category3: 'Shirts',
        item_category4: 'Crew',
        item_category5: 'Short sleeve',
        item_list_id: 'related_products',
        item_list_name: 'Related Products',
        item_variant: 'green',
        location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
        price: 9.99,
        quantity: 1,
      },
    ],
  },
};

/** D10: GOV.UK pushes video_start as a generic `event_data` event. */
export const D10_VIDEO_START = {
  event: 'event_data',
  event_data: {
    event_name: 'video_start',
    type: 'video',
    url: 'https://www.youtube.com/watch?v=TvHpBXB0q0Y',
    text: 'My first Self Assessment tax return',
    action: 'start',
    video_current_time: 0,
    length: 152,
    video_percent: 0,
  },
};

/** D12: lead and purchase pushes with eventCallback / eventTimeout (`form`, `window` stubbed). */
export function d12Pushes(calls: string[]): Record<string, unknown>[] {
  return [
    { event: 'sign_up' },
    {
      event: 'generate_lead',
      form_id: '2023-lead-magnet',
      eventCallback: function () {
        calls.push('form.submit');
      },
    },
    {
      event: 'purchase',
      ecommerce: { value: 224.67 /* ... */ },
      eventCallback: function () {
        calls.push('window.location');
      },
      eventTimeout: 4000,
    },
  ];
}

/** D13: a flat event push with a null value. */
export const D13_BANNER = `{
  "event": "banner_interaction",
  "event_category": "System",
  "event_label": "Offer",
  "banner_name": "sticky",
  "interaction_type": "click",
  "position": "sticky-top",
  "variant": null
}`;

/** D14: legacy "lead as purchase" with a hard-coded id (`leadId` given a value). */
export function d14Lead(leadId: string): Record<string, unknown> {
  return {
    event: 'lead',
    userId: '<md5(email)>',
    ecommerce: {
      purchase: {
        actionField: {
          id: leadId,
          revenue: '0.0',
          tax: '0.0',
          shipping: '0.0',
          action: 'purchase',
        },
        products: [
          {
            name: 'Demo - HP_Slider_Demo',
            id: leadId,
            price: '0.0',
            brand: 'TMS.PL',
            category: 'Demo',
            quantity: 1,
          },
        ],
      },
    },
    'gtm.uniqueEventId': 20,
  };
}

/** D16: `gtm.uniqueEventId: Date.now()` from a React component; `packageData` left undefined. */
export function d16AddToCart(now: number): Record<string, unknown> {
  const addToCart = 'add_to_cart';
  const itemId = 'svc-42';
  const serviceName = 'Logo design';
  const packageData = undefined as
    { package_price?: number; package_name?: string; monthly_subscription?: boolean } | undefined;
  return {
    event: addToCart,
    ecommerce: {
      currency: 'USD',
      value: Number(packageData?.package_price),
      items: [
        {
          item_id: itemId || '',
          item_name: serviceName,
          package_name: packageData?.package_name,
          item_brand: 'Envobyte Ltd',
          price: Number(packageData?.package_price),
          price_period: packageData?.monthly_subscription ? 'monthly' : 'one-time',
        },
      ],
    },
    'gtm.uniqueEventId': now,
  };
}

/** D18: consent through gtag (an Arguments object) … */
export function d18GtagConsent(): IArguments {
  return gtag('consent', 'default', { ad_user_data: 'granted' });
}

/** … and the flat-object misuse from a React hook (`new Date().getTime()` fixed). */
export const D18_FAKE_GTM_JS = {
  event: 'gtm.js',
  'gtm.start': 1700000000000,
  'gtm.uniqueEventId': 0,
};
export const D18_FLAT_CONSENT = {
  event: 'cookieConsentUpdate',
  cookieConsent: 'granted',
  ad_user_data: 'enabled',
  ad_personalization: 'enabled',
  ad_storage: 'granted',
  analytics_storage: 'granted',
  personalization_storage: 'granted',
  functionality_storage: 'granted',
  security_storage: 'granted',
};

/** D19: the broken shim pushes an Array instead of Arguments. */
export function brokenGtag(...args: unknown[]): unknown[] {
  return args;
}

/** D21: the shape of GTM's own link-click message; the anchor is a minimal DOM stand-in. */
export class FakeAnchor {
  readonly nodeType = 1;
  readonly nodeName = 'A';
  readonly localName = 'a';
  constructor(
    readonly id: string,
    readonly className: string,
    readonly href: string,
    readonly target: string,
  ) {}
}

export function d21LinkClick(anchor: FakeAnchor): Record<string, unknown> {
  return {
    event: 'gtm.linkClick',
    'gtm.element': anchor,
    'gtm.elementClasses': anchor.className,
    'gtm.elementId': anchor.id,
    'gtm.elementTarget': anchor.target,
    'gtm.elementUrl': anchor.href,
    'gtm.triggers': '12_34',
    eventTimeout: 2000,
    eventCallback: function eventCallback() {},
    eventReporter: function eventReporter() {},
  };
}

/** D22: the merge-matrix case for arrays of objects. */
export const D22 = {
  existing: {
    a: [
      { b: 3, c: 4, d: 5 },
      { b: 6, c: 7 },
    ],
  },
  pushed: { a: [{ b: 2, c: 3 }] },
  result: {
    a: [
      { b: 2, c: 3, d: 5 },
      { b: 6, c: 7 },
    ],
  },
};
