/** One product of Tidewater Trail Co., the demo's fictional outdoor shop. */
export interface Product {
  sku: string;
  slug: string;
  name: string;
  brand: string;
  category: string;
  subcategory: string;
  variant: string;
  /** Euros, without tax. */
  price: number;
  description: string;
}

export const SHOP_NAME = 'Tidewater Trail Co.';
export const AFFILIATION = 'Tidewater Online Store';
export const CURRENCY = 'EUR';
export const PRODUCT_LIST = { id: 'all_products', name: 'All products' } as const;

export const catalogue: readonly Product[] = [
  {
    sku: 'TW-RJ-001',
    slug: 'ridgeline-rain-jacket',
    name: 'Ridgeline Rain Jacket',
    brand: 'Tidewater',
    category: 'Apparel',
    subcategory: 'Jackets',
    variant: 'Slate',
    price: 129,
    description: 'A three-layer shell with taped seams and a hood that fits over a helmet.',
  },
  {
    sku: 'TW-MB-002',
    slug: 'summit-merino-beanie',
    name: 'Summit Merino Beanie',
    brand: 'Tidewater',
    category: 'Accessories',
    subcategory: 'Hats',
    variant: 'Charcoal',
    price: 24.5,
    description: 'Fine merino rib knit, warm on the ridge and never itchy.',
  },
  {
    sku: 'TW-DP-003',
    slug: 'alder-28l-daypack',
    name: 'Alder 28L Daypack',
    brand: 'Northbound',
    category: 'Bags',
    subcategory: 'Backpacks',
    variant: 'Moss',
    price: 89.95,
    description: 'A ventilated back panel, hip-belt pockets and room for a long day out.',
  },
  {
    sku: 'TW-TS-004',
    slug: 'cedar-trail-socks',
    name: 'Cedar Trail Socks, 2 pairs',
    brand: 'Tidewater',
    category: 'Apparel',
    subcategory: 'Socks',
    variant: 'Rust',
    price: 19.99,
    description: 'Cushioned under the foot, thin over it; two pairs in one pack.',
  },
];

export function productBySku(sku: string): Product | undefined {
  return catalogue.find((product) => product.sku === sku);
}

export function productBySlug(slug: string): Product | undefined {
  return catalogue.find((product) => product.slug === slug);
}

/** Euros as the shop shows them: `€19.99`. */
export function formatPrice(amount: number): string {
  return `€${amount.toFixed(2)}`;
}

/** Euro amounts rounded to cents, as the shop's totals are. */
export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
