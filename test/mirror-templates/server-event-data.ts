/** User-Agent headers of the browsers and systems the device columns tell apart. */
export const USER_AGENTS = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36 Edg/143.0.3650.96',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1',
  chromeIpad:
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  samsungPhone:
    'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  operaWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0',
  chromebook:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  firefoxIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/128.0 Mobile/15E148 Safari/605.1.15',
  headless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.28 Safari/537.36',
  bot: 'Googlebot/2.1 (+http://www.google.com/bot.html)',
} as const;

/**
 * Event data as the sGTM GA4 client builds it for the A28 purchase: common event data keys
 * (gtm-templates.md §3.4), the keys real server templates read, and the internal `x-ga-*` keys.
 */
export function purchaseEventData(): Record<string, unknown> {
  return {
    event_name: 'purchase',
    client_id: '111111121.1700000021',
    user_id: 'U-42',
    'x-ga-measurement_id': 'G-ABC123',
    'x-ga-page_id': 1766755449798,
    'x-ga-request_count': 2,
    'x-ga-gcs': 'G101',
    'x-ga-gcd': '13r3r3r2r5l1',
    'x-ga-npa': 0,
    'x-ga-dma': true,
    'x-ga-dma_cps': 'syphamo',
    'x-ga-protocol_version': '2',
    'x-ga-system_properties': { u: '1' },
    ip_override: '203.0.113.7',
    user_agent: USER_AGENTS.chromeWindows,
    language: 'en-us',
    screen_resolution: '1920x1080',
    page_location: 'https://www.example.com/checkout?utm_source=newsletter&utm_medium=email',
    page_title: 'Checkout',
    page_referrer: 'https://www.example.com/cart',
    page_hostname: 'www.example.com',
    page_path: '/checkout',
    ga_session_id: '1766755460',
    ga_session_number: 2,
    engagement_time_msec: 1200,
    currency: 'USD',
    value: 72.05,
    transaction_id: 'T_12345',
    shipping: 5.99,
    tax: 3.6,
    coupon: 'SUMMER_SALE',
    'user_data.email_address': 'someone@example.com',
    user_data: { sha256_email_address: 'ab12' },
    user_properties: { customer_tier: 'gold', lifetime_orders: 3 },
    event_location: { country: 'DE', region: 'DE-BE' },
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
        item_list_id: 'related_products',
        item_variant: 'green',
        price: 10.01,
        quantity: 3,
      },
      {
        item_id: 'SKU_12346',
        item_name: "Google Grey Women's Tee",
        price: '21.01',
        quantity: 2,
        promotion_id: 'P_12345',
        item_color: 'gray',
      },
    ],
  };
}

/** Event data of other shapes: a page view, a refund, a cookieless ping, odd values. */
export function otherEventData(): Array<[string, Record<string, unknown>]> {
  const purchase = purchaseEventData();
  return [
    [
      'a page_view from a Safari iPhone with a gclid and a campaign',
      {
        event_name: 'page_view',
        client_id: '222222222.1711111111',
        'x-ga-measurement_id': 'G-ABC123',
        'x-ga-gcs': 'G111',
        user_agent: USER_AGENTS.safariIphone,
        language: 'de-de',
        page_location:
          'https://shop.example.de/sale?utm_campaign=Fr%C3%BChling+2025&utm_id=42&gclid=TEST-GCLID&utm_source=&utm_source=google',
        page_title: 'Sale',
        ga_session_id: 1711111200,
        ga_session_number: '7',
      },
    ],
    [
      'a refund in EUR with the items to refund',
      {
        ...purchase,
        event_name: 'refund',
        currency: 'EUR',
        value: '72.05',
        'x-ga-gcd': '13l3l3l3l1',
        'x-ga-gcs': undefined,
        user_agent: USER_AGENTS.androidTablet,
      },
    ],
    [
      'a cookieless ping with no client ID and a host name only',
      {
        event_name: 'scroll',
        'x-ga-measurement_id': 'G-ABC123',
        'x-ga-gcs': 'G100',
        'x-ga-gcd': '13p3p3p2p5l1',
        page_hostname: 'blog.example.org',
        percent_scrolled: 90,
        user_agent: USER_AGENTS.samsungPhone,
      },
    ],
    [
      'an event with an explicit event_id, a nested parameter and a bot',
      {
        event_name: 'generate_lead',
        event_id: 12345,
        client_id: 'not.a.ga.client',
        form: { id: 'contact', fields: 4 },
        tags: ['a', 'b'],
        big: 2 ** 60,
        ratio: 0.125,
        flag: true,
        empty: '',
        none: null,
        user_agent: USER_AGENTS.bot,
        page_location: 'https://user:pw@[2001:db8::1]:8443/path?q=1#top',
      },
    ],
    ...Object.entries(USER_AGENTS).map(([name, agent]): [string, Record<string, unknown>] => [
      `a page_view from ${name}`,
      {
        event_name: 'page_view',
        'x-ga-measurement_id': 'G-ABC123',
        user_agent: agent,
        page_location: 'https://www.example.com/',
      },
    ]),
  ];
}
