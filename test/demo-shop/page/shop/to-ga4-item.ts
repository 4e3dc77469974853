import { AFFILIATION, type Product } from './catalogue.js';

/** A product as a GA4 ecommerce item (Google's recommended item fields). */
export function toGa4Item(
  product: Product,
  extra: { quantity?: number; index?: number; listId?: string; listName?: string } = {},
): Record<string, unknown> {
  return {
    item_id: product.sku,
    item_name: product.name,
    affiliation: AFFILIATION,
    ...(extra.index === undefined ? {} : { index: extra.index }),
    item_brand: product.brand,
    item_category: product.category,
    item_category2: product.subcategory,
    ...(extra.listId === undefined ? {} : { item_list_id: extra.listId }),
    ...(extra.listName === undefined ? {} : { item_list_name: extra.listName }),
    item_variant: product.variant,
    price: product.price,
    ...(extra.quantity === undefined ? {} : { quantity: extra.quantity }),
  };
}
