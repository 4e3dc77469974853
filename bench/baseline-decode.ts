/**
 * The straightforward decoder the benchmark compares against: what a developer writes first
 * with the platform's URL tools. It is not lossless and decodes `prN` before splitting (the
 * mistake the protocol notes warn about), which only makes it cheaper, not slower.
 */
export interface BaselineEvent {
  name: string | undefined;
  properties: Record<string, unknown>;
}

const itemKeys: Record<string, string> = {
  id: 'item_id',
  nm: 'item_name',
  af: 'affiliation',
  cp: 'coupon',
  ds: 'discount',
  lp: 'index',
  br: 'item_brand',
  ca: 'item_category',
  c2: 'item_category2',
  c3: 'item_category3',
  c4: 'item_category4',
  c5: 'item_category5',
  li: 'item_list_id',
  ln: 'item_list_name',
  va: 'item_variant',
  lo: 'location_id',
  pr: 'price',
  qt: 'quantity',
};
const numericItemKeys = new Set(['price', 'quantity', 'discount', 'index']);

export function baselineDecode(url: string, body: string | undefined): BaselineEvent[] {
  const shared = Object.fromEntries(new URL(url, 'https://placeholder.invalid').searchParams);
  const lines = body ? body.split(/\r?\n/).filter((line) => line !== '') : [''];
  return lines.map((line) => {
    const merged = { ...shared, ...Object.fromEntries(new URLSearchParams(line)) };
    const properties: Record<string, unknown> = {};
    const items: Array<Record<string, unknown>> = [];
    for (const [key, value] of Object.entries(merged)) {
      if (key.startsWith('ep.')) properties[key.slice(3)] = value;
      else if (key.startsWith('epn.')) properties[key.slice(4)] = Number(value);
      else if (/^pr\d+$/.test(key)) items.push(decodeItem(value));
    }
    if (merged.cu) properties.currency = merged.cu;
    if (items.length > 0) properties.items = items;
    return { name: merged.en, properties };
  });
}

function decodeItem(value: string): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const token of value.split('~')) {
    const name = itemKeys[token.slice(0, 2)] ?? token.slice(0, 2);
    item[name] = numericItemKeys.has(name) ? Number(token.slice(2)) : token.slice(2);
  }
  return item;
}
