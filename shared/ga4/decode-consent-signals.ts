import type { ConsentSignal, DecodeWarning, DecodedConsent } from '../events/event-types.js';
import { addWarning } from './add-warning.js';
import { decodeGcd } from './decode-gcd.js';

const SIGNAL_NAMES = [
  'ad_storage',
  'analytics_storage',
  'ad_user_data',
  'ad_personalization',
] as const;

type ConsentState = 'granted' | 'denied';

/**
 * Fills the four consent signals from the `gcs` and `gcd` strings already on `consent`.
 * `gcs` decides ad_storage and analytics_storage when present, `gcd` the rest (protocol notes §4
 * recommendation); the `gcd` letter is kept beside a `gcs` verdict, and a disagreement
 * between the two is reported rather than resolved.
 */
export function decodeConsentSignals(consent: DecodedConsent, warnings: DecodeWarning[]): void {
  const gcd = consent.gcd === undefined ? undefined : decodeGcd(consent.gcd, warnings);
  const gcsStates = consent.gcs === undefined ? noStates : readGcs(consent.gcs, warnings);
  const fromGcd = gcd?.signals ?? noSignals;

  // One store per signal with its name written out: a store under a name read from a list
  // meets every consent object shape in one place, and took about a quarter of the time
  // decoding the bundled captures' `gcd` and `gcs` values cost.
  const adStorage = combine(SIGNAL_NAMES[0], fromGcd[0], gcsStates[0], warnings);
  if (adStorage !== undefined) consent.ad_storage = adStorage;
  const analyticsStorage = combine(SIGNAL_NAMES[1], fromGcd[1], gcsStates[1], warnings);
  if (analyticsStorage !== undefined) consent.analytics_storage = analyticsStorage;
  const adUserData = combine(SIGNAL_NAMES[2], fromGcd[2], gcsStates[2], warnings);
  if (adUserData !== undefined) consent.ad_user_data = adUserData;
  const adPersonalization = combine(SIGNAL_NAMES[3], fromGcd[3], gcsStates[3], warnings);
  if (adPersonalization !== undefined) consent.ad_personalization = adPersonalization;

  if (gcd !== undefined && gcd.extra.length > 0) {
    consent.gcdExtra = gcd.extra;
  }
}

const noStates: readonly ConsentState[] = [];
const noSignals: ReadonlyArray<ConsentSignal | undefined> = [];

/** `G1` then one bit for ad_storage and one for analytics_storage (`G100` … `G111`, §3.7). */
function readGcs(gcs: string, warnings: DecodeWarning[]): ConsentState[] {
  if (gcs.length !== 4 || !gcs.startsWith('G1') || !isBit(gcs, 2) || !isBit(gcs, 3)) {
    addWarning(warnings, 'gcs_malformed', `gcs "${gcs}" is not G1 followed by two bits`, 'gcs');
    return [];
  }
  return [stateOfBit(gcs, 2), stateOfBit(gcs, 3)];
}

function isBit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 48 || code === 49;
}

function stateOfBit(text: string, index: number): ConsentState {
  return text.charCodeAt(index) === 49 ? 'granted' : 'denied';
}

/**
 * The signal `gcs` and `gcd` give together. The `gcd` signal is this event's own, freshly
 * read, so a `gcs` verdict is written into it rather than into a copy.
 */
function combine(
  name: string,
  fromGcd: ConsentSignal | undefined,
  fromGcs: ConsentState | undefined,
  warnings: DecodeWarning[],
): ConsentSignal | undefined {
  if (fromGcs === undefined) {
    return fromGcd;
  }
  if (fromGcd === undefined) {
    return { effective: fromGcs, source: 'gcs' };
  }
  const gcdEffective = fromGcd.effective;
  if ((gcdEffective === 'granted' || gcdEffective === 'denied') && gcdEffective !== fromGcs) {
    const message = `${name} is ${fromGcs} in gcs but ${gcdEffective} in gcd`;
    addWarning(warnings, 'consent_mismatch', message, 'gcs');
  }
  fromGcd.effective = fromGcs;
  fromGcd.source = 'gcs';
  return fromGcd;
}
