// Item keys in the order real 2025 captures write them (corpus A6, A28); ga4-protocol.md §5.
const ITEM_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['item_id', 'id'],
  ['item_name', 'nm'],
  ['affiliation', 'af'],
  ['coupon', 'cp'],
  ['discount', 'ds'],
  ['index', 'lp'],
  ['item_brand', 'br'],
  ['item_category', 'ca'],
  ['item_category2', 'c2'],
  ['item_category3', 'c3'],
  ['item_category4', 'c4'],
  ['item_category5', 'c5'],
  ['item_list_id', 'li'],
  ['item_list_name', 'ln'],
  ['item_variant', 'va'],
  ['location_id', 'lo'],
  ['price', 'pr'],
  ['promotion_id', 'pi'],
  ['promotion_name', 'pn'],
  ['creative_name', 'cn'],
  ['creative_slot', 'cs'],
];
const KNOWN_KEYS = new Set([...ITEM_KEYS.map(([name]) => name), 'quantity']);
// GA4 keeps at most 27 custom item parameters (protocol notes §5).
const MAX_CUSTOM_PARAMETERS = 27;

/**
 * One item as gtag writes it into `prN`: two-letter key + value tokens joined by `~`, custom
 * parameters as `k<i>name~v<i>value` pairs, quantity last. Values keep whatever type the page
 * gave them, so a string price is written exactly like a number: the wire cannot tell them apart.
 */
export function encodeItem(item: Record<string, unknown>): string {
  const tokens: string[] = [];
  for (const [name, key] of ITEM_KEYS) {
    const value = textOf(item[name]);
    if (value !== undefined) tokens.push(key + encodeToken(value));
  }

  const custom = Object.keys(item).filter((name) => !KNOWN_KEYS.has(name));
  custom.slice(0, MAX_CUSTOM_PARAMETERS).forEach((name, index) => {
    const value = textOf(item[name]);
    if (value === undefined) return;
    tokens.push(`k${index}${encodeToken(name)}`, `v${index}${encodeToken(value)}`);
  });

  const quantity = textOf(item.quantity);
  if (quantity !== undefined) tokens.push(`qt${encodeToken(quantity)}`);
  return tokens.join('~');
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

// gtag escapes the apostrophe inside item values (`Women%27s`, corpus A28), which
// encodeURIComponent leaves alone. It leaves `~` alone too, which would split the item; how
// gtag escapes it is unverified (protocol notes §5), so it is percent-encoded as well.
function encodeToken(text: string): string {
  return encodeURIComponent(text).replace(/'/g, '%27').replace(/~/g, '%7E');
}
