/** What a `User-Agent` header says about the browser and the system, as far as it can tell. */
export interface UserAgentFacts {
  browser: string | null;
  browserVersion: string | null;
  operatingSystem: string | null;
  operatingSystemVersion: string | null;
  category: 'mobile' | 'tablet' | 'desktop' | null;
}

/**
 * Browser tokens in the order they must be tried: each later browser's header also carries the
 * tokens of the ones it is built on (Edge and Opera say `Chrome/`, Chrome says `Safari/`).
 */
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdgA?\/([\d.]+)/, 'Edge'],
  [/\bOPR\/([\d.]+)/, 'Opera'],
  [/\bSamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
  [/\bFirefox\/([\d.]+)/, 'Firefox'],
  [/\bFxiOS\/([\d.]+)/, 'Firefox'],
  [/\bCriOS\/([\d.]+)/, 'Chrome'],
  [/\bChrome\/([\d.]+)/, 'Chrome'],
  [/\bVersion\/([\d.]+).*\bSafari\//, 'Safari'],
];

/** Systems with the pattern of their version; versions use dots as GA4 reports them. */
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:iPhone|iPad|iPod).*?\bOS (\d+(?:_\d+)*)/, 'iOS'],
  [/\bAndroid (\d+(?:\.\d+)*)/, 'Android'],
  [/\bCrOS \S+ ([\d.]+)/, 'Chrome OS'],
  [/\bWindows NT ([\d.]+)/, 'Windows'],
  [/\bMac OS X (\d+(?:[_.]\d+)*)/, 'Macintosh'],
  [/\bLinux\b()/, 'Linux'],
];

/** Reads a `User-Agent` header; every field is null when the header does not say. */
export function readUserAgent(userAgent: string): UserAgentFacts {
  const browser = firstMatch(BROWSERS, userAgent);
  const system = firstMatch(SYSTEMS, userAgent);
  return {
    browser: browser?.name ?? null,
    browserVersion: browser?.version ?? null,
    operatingSystem: system?.name ?? null,
    operatingSystemVersion: system?.version ?? null,
    category: categoryOf(userAgent),
  };
}

function firstMatch(
  table: ReadonlyArray<[RegExp, string]>,
  userAgent: string,
): { name: string; version: string | null } | undefined {
  for (const [pattern, name] of table) {
    const match = pattern.exec(userAgent);
    if (match !== null) {
      const version = match[1] === undefined || match[1] === '' ? null : match[1];
      return { name, version: version?.replaceAll('_', '.') ?? null };
    }
  }
  return undefined;
}

function categoryOf(userAgent: string): UserAgentFacts['category'] {
  if (userAgent.trim() === '') {
    return null;
  }
  if (/\biPad\b|\bTablet\b|Android(?!.*\bMobile\b)/.test(userAgent)) {
    return 'tablet';
  }
  return /\bMobi|\biPhone\b|\biPod\b/.test(userAgent) ? 'mobile' : 'desktop';
}
