import { byTestId, createElement } from './create-element.js';
import { pageLayer } from './push-ecommerce-event.js';

const CONSENT_COOKIE = 'tw_consent';
const SIX_MONTHS_SECONDS = 183 * 24 * 60 * 60;
const CONSENT_TYPES = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'];

/**
 * The shop's consent banner. The page's head script sets every consent type to denied by
 * default and replays a stored choice before the container starts; the banner asks visitors
 * who have not chosen yet and sends their answer as a gtag consent update.
 */
export function showConsentBanner(): void {
  if (new RegExp(`(?:^|;\\s*)${CONSENT_COOKIE}=`).test(document.cookie)) return;

  const banner = createElement(
    'aside',
    { class: 'consent-banner', 'data-testid': 'consent-banner', 'aria-label': 'Cookie consent' },
    createElement('p', {}, 'We use cookies to measure how the shop is used and to improve it.'),
    createElement('button', { type: 'button', 'data-testid': 'consent-accept' }, 'Accept all'),
    createElement('button', { type: 'button', 'data-testid': 'consent-reject' }, 'Only necessary'),
  );
  document.body.append(banner);
  byTestId('consent-accept').addEventListener('click', () => answer('granted', banner));
  byTestId('consent-reject').addEventListener('click', () => answer('denied', banner));
}

function answer(state: 'granted' | 'denied', banner: HTMLElement): void {
  const settings = Object.fromEntries(CONSENT_TYPES.map((type) => [type, state]));
  gtag('consent', 'update', settings);
  document.cookie = `${CONSENT_COOKIE}=${state}; path=/; max-age=${SIX_MONTHS_SECONDS}; samesite=lax`;
  banner.remove();
}

// gtag commands must reach the dataLayer as an `arguments` object: GTM ignores arrays.
function gtag(..._command: unknown[]): void {
  // eslint-disable-next-line prefer-rest-params
  pageLayer().push(arguments);
}
