/** What a GA4 event tag is configured to send, in gtag's own terms. */
export interface GtagEvent {
  measurementId: string;
  name: string;
  params: Record<string, string | number | boolean>;
  items: Array<Record<string, string | number>>;
  userProperties: Record<string, string | number>;
  clientId: string;
  sessionId: string;
  sessionCount: number;
  isEngaged: boolean;
  page: { location: string; title: string; referrer?: string };
}

/** Item fields and their two-letter keys (ga4-protocol.md §5). */
const ITEM_KEYS: Record<string, string> = {
  item_id: 'id',
  item_name: 'nm',
  affiliation: 'af',
  coupon: 'cp',
  discount: 'ds',
  index: 'lp',
  item_brand: 'br',
  item_category: 'ca',
  item_category2: 'c2',
  item_category3: 'c3',
  item_category4: 'c4',
  item_category5: 'c5',
  item_list_id: 'li',
  item_list_name: 'ln',
  item_variant: 'va',
  location_id: 'lo',
  price: 'pr',
  quantity: 'qt',
  promotion_id: 'pi',
  promotion_name: 'pn',
  creative_name: 'cn',
  creative_slot: 'cs',
};

/**
 * The `/g/collect` URL gtag sends for an event, by the wire rules of ga4-protocol.md: `cu` for
 * the currency (§6), `ep.`/`epn.` by the value's JavaScript type (§3.4), items as `prN` strings
 * of two-letter tokens with custom parameters as `k<i>`/`v<i>` pairs (§5), `up.`/`upn.` user
 * properties. Hit bookkeeping gtag adds (`gtm`, `_p`, `_s`, client hints) is left out: the
 * mirror does not carry it and nothing compares it. The baseline the mirror is measured against.
 */
export function encodeGtagHit(event: GtagEvent): string {
  const pairs: Array<[string, string]> = [
    ['v', '2'],
    ['tid', event.measurementId],
    ['cid', event.clientId],
    ['sid', event.sessionId],
    ['sct', String(event.sessionCount)],
    ['seg', event.isEngaged ? '1' : '0'],
    ['dl', event.page.location],
    ...(event.page.referrer ? ([['dr', event.page.referrer]] as Array<[string, string]>) : []),
    ['dt', event.page.title],
    ['en', event.name],
  ];
  for (const [name, value] of Object.entries(event.params)) {
    if (name === 'currency') pairs.push(['cu', String(value)]);
    else pairs.push([`${typeof value === 'number' ? 'epn' : 'ep'}.${name}`, String(value)]);
  }
  for (const [name, value] of Object.entries(event.userProperties)) {
    pairs.push([`${typeof value === 'number' ? 'upn' : 'up'}.${name}`, String(value)]);
  }
  const query = pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  event.items.forEach((item, index) => query.push(`pr${index + 1}=${itemText(item)}`));
  return `https://www.google-analytics.com/g/collect?${query.join('&')}`;
}

function itemText(item: Record<string, string | number>): string {
  const tokens: string[] = [];
  let custom = 0;
  for (const [name, value] of Object.entries(item)) {
    const key = ITEM_KEYS[name];
    if (key !== undefined) {
      tokens.push(key + encodeItemValue(String(value)));
      continue;
    }
    tokens.push(
      `k${custom}${encodeItemValue(name)}`,
      `v${custom}${encodeItemValue(String(value))}`,
    );
    custom += 1;
  }
  return tokens.join('~');
}

// `~` separates tokens, so one inside a value must travel escaped.
function encodeItemValue(text: string): string {
  return encodeURIComponent(text).replaceAll('~', '%7E');
}
