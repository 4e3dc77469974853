import { startCartPage } from './cart-page.js';
import { startCheckoutPage } from './checkout-page.js';
import { startConfirmationPage } from './confirmation-page.js';
import { showConsentBanner } from './consent-banner.js';
import { showCartCount } from './header-cart-count.js';
import { startProductListPage } from './product-list-page.js';
import { startProductPage } from './product-page.js';

const pages: Record<string, () => void> = {
  'product-list': startProductListPage,
  product: startProductPage,
  cart: startCartPage,
  checkout: startCheckoutPage,
  confirmation: startConfirmationPage,
};

// The shop's own script (loaded with `defer`): the page named by `<body data-page>`.
showCartCount();
showConsentBanner();
pages[document.body.dataset.page ?? '']?.();
