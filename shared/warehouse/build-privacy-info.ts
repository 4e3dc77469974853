import type { ConsentSignal, DecodedConsent } from '../events/event-types.js';
import type { PrivacyInfo } from './mirror-row.js';

/**
 * The export's `privacy_info` from the decoded consent: `Yes`/`No` per storage, null where
 * consent mode said nothing. `uses_transient_token` is `Yes` when analytics storage was
 * denied: GA4 then measures with a per-page token instead of the cookie (cookieless pings).
 */
export function buildPrivacyInfo(consent: DecodedConsent | null): PrivacyInfo | null {
  const analytics = yesNo(consent?.analytics_storage);
  const ads = yesNo(consent?.ad_storage);
  if (analytics === null && ads === null) {
    return null;
  }
  return {
    analytics_storage: analytics,
    ads_storage: ads,
    uses_transient_token: analytics === null ? null : analytics === 'No' ? 'Yes' : 'No',
  };
}

function yesNo(signal: ConsentSignal | undefined): string | null {
  if (signal?.effective === 'granted') {
    return 'Yes';
  }
  return signal?.effective === 'denied' ? 'No' : null;
}
