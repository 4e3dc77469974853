import { cleanOptionalText } from './clean-text.js';
import type { MirrorDevice } from './mirror-row.js';
import { readUserAgent, type UserAgentFacts } from './read-user-agent.js';
import { rememberLast } from '../text/remember-last.js';

/** What a hit says about the device: client hints (`uafvl`, `uap`, `uamb`…), language, page. */
export interface DeviceClues {
  clientHints: Record<string, string>;
  language?: string;
  pageLocation?: string;
  userAgent?: string;
}

/** Every event of a hit carries the same header: its eight patterns run once per hit. */
const readSameUserAgent = rememberLast(readUserAgent);

/** Brands that stand for the engine or are deliberate noise (GREASE) in `uafvl`. */
const GENERIC_BRAND = /^(?:Chromium|Not.?A.?Brand)$/i;

/** Platform names from client hints as GA4 reports operating systems. */
const PLATFORM_NAMES: Record<string, string> = {
  macOS: 'Macintosh',
  Windows: 'Windows',
  Android: 'Android',
  'Chrome OS': 'Chrome OS',
  ChromeOS: 'Chrome OS',
  Linux: 'Linux',
  iOS: 'iOS',
};

/**
 * The export's `device` record. User-Agent client hints win over the `User-Agent` header
 * (they name the real brand and full version); the header fills what hints lack. Returns null
 * when the hit says nothing about the device.
 */
export function describeDevice(clues: DeviceClues): MirrorDevice | null {
  const hints = clues.clientHints;
  const agent: UserAgentFacts | undefined =
    clues.userAgent === undefined ? undefined : readSameUserAgent(clues.userAgent);
  const brand = brandOf(hints.fullVersionList);
  const browser = brand?.name ?? agent?.browser ?? null;
  const browserVersion = brand?.version ?? agent?.browserVersion ?? null;
  const platform = hints.platform === undefined ? undefined : PLATFORM_NAMES[hints.platform];
  const hostname = hostnameOf(clues.pageLocation);
  const category = categoryOf(hints.mobile, agent);
  const language = clues.language ?? null;
  if (browser === null && platform === undefined && category === null && language === null) {
    return null;
  }

  return {
    category,
    ...nullMobileFields(),
    operating_system: cleanOptionalText(platform ?? hints.platform ?? agent?.operatingSystem),
    operating_system_version: cleanOptionalText(
      hints.platformVersion ?? agent?.operatingSystemVersion,
    ),
    vendor_id: null,
    advertising_id: null,
    language: cleanOptionalText(language),
    is_limited_ad_tracking: null,
    time_zone_offset_seconds: null,
    browser: cleanOptionalText(browser),
    browser_version: cleanOptionalText(browserVersion),
    web_info: {
      browser: cleanOptionalText(browser),
      browser_version: cleanOptionalText(browserVersion),
      hostname: cleanOptionalText(hostname),
    },
  };
}

function nullMobileFields(): Pick<
  MirrorDevice,
  'mobile_brand_name' | 'mobile_model_name' | 'mobile_marketing_name' | 'mobile_os_hardware_model'
> {
  return {
    mobile_brand_name: null,
    mobile_model_name: null,
    mobile_marketing_name: null,
    mobile_os_hardware_model: null,
  };
}

/** The first specific brand of `Google Chrome;147.0.7727.102|Chromium;147…` (protocol notes §3.6). */
function brandOf(list: string | undefined): { name: string; version: string } | undefined {
  if (list === undefined) {
    return undefined;
  }
  const entries = list.split('|').map((entry) => {
    const cut = entry.lastIndexOf(';');
    return cut === -1
      ? { name: entry, version: '' }
      : { name: entry.slice(0, cut), version: entry.slice(cut + 1) };
  });
  const named = entries.filter((entry) => entry.name !== '');
  return named.find((entry) => !GENERIC_BRAND.test(entry.name)) ?? named[0];
}

function categoryOf(
  mobileHint: string | undefined,
  agent: UserAgentFacts | undefined,
): string | null {
  if (agent?.category === 'tablet') {
    return 'tablet';
  }
  if (mobileHint === '1') {
    return 'mobile';
  }
  return agent?.category ?? (mobileHint === '0' ? 'desktop' : null);
}

/** The host of an absolute page URL, lower-cased, without port; null for anything else. */
export const hostnameOf = rememberLast(readHostname);

function readHostname(location: string | undefined): string | null {
  if (location === undefined) {
    return null;
  }
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(location);
  const host = match?.[1];
  return host === undefined || host === '' ? null : host.toLowerCase();
}
