import { isGoogleHost } from '../../../shared/ga4/is-google-host.js';
import { matchesUrlPattern } from './match-url-pattern.js';
import type { PermissionParams } from './permission-params.js';
import {
  describeArgument,
  textArgument,
  type Denial,
  type PermissionRule,
} from './permission-rule.js';

function checkUrl(params: PermissionParams, url: string, raw: unknown): Denial | undefined {
  // Old send_pixel entries have only `urls`, which means specific (reference notes §1.5).
  if (params.text('allowedUrls') === 'any') return undefined;
  if (url !== '' && params.strings('urls').some((pattern) => matchesUrlPattern(url, pattern)))
    return undefined;
  return {
    subject: `the URL ${typeof raw === 'string' ? raw : describeArgument(raw)}`,
    fix: 'add it to its allowed URLs',
  };
}

function urlRule(id: string, contexts: PermissionRule['contexts']): PermissionRule {
  return {
    id,
    contexts,
    check: (params, args) => checkUrl(params, textArgument(args, 0), args[0]),
  };
}

/** inject_script: `urls` match patterns; query `(url)`. */
export const injectScriptRule = urlRule('inject_script', ['web']);
/** inject_hidden_iframe: `urls` match patterns; query `(url)`. */
export const injectHiddenIframeRule = urlRule('inject_hidden_iframe', ['web']);
/** send_pixel: `allowedUrls` any|specific, `urls`; query `(url)`. */
export const sendPixelRule = urlRule('send_pixel', ['web']);
/** send_pixel_from_browser: `allowedUrls`, `urls`; query `(url)`. */
export const sendPixelFromBrowserRule = urlRule('send_pixel_from_browser', ['server']);

const GOOGLE_SERVICE_HOST =
  /(?:^|\.)(?:google-analytics\.com|googletagmanager\.com|googleapis\.com|doubleclick\.net|googlesyndication\.com|googleadservices\.com)$/;

/**
 * send_http: `allowedUrls` any|specific, `urls`, and `allowGoogleDomains`, which lets the
 * template reach Google's own hosts (sendEventToGoogleAnalytics relies on it, §1.5) without
 * listing them.
 */
export const sendHttpRule: PermissionRule = {
  id: 'send_http',
  contexts: ['server'],
  check: (params, args) => {
    const url = textArgument(args, 0);
    if (params.flag('allowGoogleDomains') && isGoogleServiceUrl(url)) return undefined;
    return checkUrl(params, url, args[0]);
  },
};

function isGoogleServiceUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return isGoogleHost(host) || GOOGLE_SERVICE_HOST.test(host);
  } catch {
    return false;
  }
}
