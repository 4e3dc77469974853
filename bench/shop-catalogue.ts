import type { ShopItem } from './encode-ga4-hit.js';

/** A product of the synthetic shop, as its pages push it. */
export interface Product {
  slug: string;
  item: ShopItem;
}

export const SHOP_ORIGIN = 'https://shop.example.test';

/** The shop's categories: `[slug, item_category, item_category2]`. */
export const CATEGORIES: ReadonlyArray<readonly [string, string, string]> = [
  ['mens-shirts', 'Apparel', 'Adult'],
  ['womens-shirts', 'Apparel', 'Adult'],
  ['outerwear', 'Outerwear', 'Jackets'],
  ['bags', 'Accessories', 'Bags'],
  ['skincare', 'Beauty', 'Serums'],
  ['drinkware', 'Home', 'Kitchen'],
];

// Names taken from the corpus's real pushes and beacons (D5, D6, A28, A30: an apostrophe,
// a long sports name, CJK with `|` and `™`), then plain combinations to fill the shelves.
const NAMED: ReadonlyArray<readonly [string, string, number]> = [
  ['Stan and Friends Tee', 'Google', 10.01],
  ["Google Grey Women's Tee", 'Google', 21.01],
  ['Alpecin-Fenix Sweatpants 2022', 'Alpecin', 49.9],
  ['水飽飽維他命B5保濕精華 | B-Hydra™ Intensive Hydration Serum', 'Drunkelephant', 1650],
];
const ADJECTIVES = ['Ridgeline', 'Harbour', 'Summit', 'Coastal', 'Meadow', 'Granite', 'Tidal'];
const NOUNS = ['Rain Jacket', 'Crew Tee', 'Tote Bag', 'Day Serum', 'Travel Mug', 'Fleece'];
const VARIANTS = ['green', 'storm blue', 'gray', 'black', 'sand'];

/** 46 products over the six categories, the same every time. */
export const PRODUCTS: readonly Product[] = buildProducts();

function buildProducts(): Product[] {
  const names: Array<readonly [string, string, number]> = [...NAMED];
  ADJECTIVES.forEach((adjective, row) =>
    NOUNS.forEach((noun, column) =>
      names.push([`${adjective} ${noun}`, 'Tidewater Trail Co.', 12 + row * 7.5 + column * 3.25]),
    ),
  );
  return names.map(([name, brand, price], index) => {
    const [, category, category2] = CATEGORIES[index % CATEGORIES.length] ?? ['', '', ''];
    return {
      slug: `${slugOf(name)}-${index + 1}`,
      item: {
        item_id: `SKU_${12_345 + index}`,
        item_name: name,
        affiliation: 'Tidewater online',
        item_brand: brand,
        item_category: category,
        item_category2: category2,
        item_variant: VARIANTS[index % VARIANTS.length] ?? 'green',
        price: Math.round(price * 100) / 100,
      },
    };
  });
}

function slugOf(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return ascii === '' ? 'product' : ascii;
}

/** The products of one category, in shelf order. */
export function productsIn(categorySlug: string): Product[] {
  const position = CATEGORIES.findIndex(([slug]) => slug === categorySlug);
  return PRODUCTS.filter((_, index) => index % CATEGORIES.length === position);
}
