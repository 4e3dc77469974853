import type { BeaconProvider } from './beacon-provider.js';
import { floodlight } from './floodlight.js';
import { googleAds } from './google-ads.js';
import { metaPixel } from './meta-pixel.js';
import { universalAnalytics } from './universal-analytics.js';

/** Every non-GA4 vendor the decoder knows, tried in this order after GA4. */
export const BEACON_PROVIDERS: readonly BeaconProvider[] = [
  universalAnalytics,
  googleAds,
  floodlight,
  metaPixel,
];
