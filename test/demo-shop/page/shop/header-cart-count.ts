import { cartCount, readCart } from './cart-store.js';
import { byTestId } from './create-element.js';

/** Shows the number of items in the cart in the page header. */
export function showCartCount(): void {
  byTestId('cart-count').textContent = String(cartCount(readCart()));
}
