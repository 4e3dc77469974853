import type { ConsentFields } from './collect-hit-types.js';

/** One consent type as `gtag('consent', …)` commands left it. */
export interface ConsentSignalState {
  default?: 'granted' | 'denied';
  update?: 'granted' | 'denied';
  effective: 'granted' | 'denied';
}

export type ConsentSignals = Record<string, ConsentSignalState | undefined>;

const GCD_TYPES = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'];

// The gcd letter table (protocol notes §4): default × update → one letter.
const LETTERS: Record<string, string> = {
  'none/none': 'l',
  'denied/none': 'p',
  'denied/denied': 'q',
  'granted/none': 't',
  'denied/granted': 'r',
  'none/denied': 'm',
  'none/granted': 'n',
  'granted/denied': 'u',
  'granted/granted': 'v',
};

/**
 * The consent fields of a hit from the running consent state. Separator digits follow the
 * consent-mode captures (`13r3r3r2r5l1` after an update, `13p3p3p2p5l1` denied by default,
 * corpus A5, A8); a page without consent mode sends `13l3l3l3l1l1` and no `gcs` (A17, A22).
 */
export function consentFields(signals: ConsentSignals): ConsentFields {
  const isConsentModeOn = GCD_TYPES.some((type) => signals[type] !== undefined);
  if (!isConsentModeOn) return { gcd: '13l3l3l3l1l1', npa: '0', dmaCps: 'syphamo' };

  const [adStorage, analytics, adUserData, adPersonalization] = GCD_TYPES.map((type) =>
    letterOf(signals[type]),
  );
  const isGranted = (type: string) => signals[type]?.effective !== 'denied';
  const isEverythingGranted = GCD_TYPES.every(isGranted);
  return {
    gcs: `G1${isGranted('ad_storage') ? 1 : 0}${isGranted('analytics_storage') ? 1 : 0}`,
    gcd: `13${adStorage}3${analytics}3${adUserData}2${adPersonalization}5l1`,
    npa: isGranted('ad_personalization') && isGranted('ad_storage') ? '0' : '1',
    dmaCps: isEverythingGranted ? 'syphamo' : '-',
  };
}

function letterOf(signal: ConsentSignalState | undefined): string {
  if (signal === undefined) return 'l';
  return LETTERS[`${signal.default ?? 'none'}/${signal.update ?? 'none'}`] ?? 'l';
}

/** Whether analytics cookies may be read and written: analytics_storage is not denied. */
export function isAnalyticsStorageGranted(signals: ConsentSignals): boolean {
  return signals.analytics_storage?.effective !== 'denied';
}
