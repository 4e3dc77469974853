import type { ApiDefinition, ApiEnvironment } from '../contract.js';
import { isPlainObject } from './copy-host-value.js';
import { gtmNumber, gtmString } from './gtm-conversions.js';
import { isGa4Request } from './measurement-protocol.js';
import { createDeferred, rejectedPromise } from './sandbox-promise.js';
import { DEFAULT_TIMEOUT_MS } from './send-http.js';
import { sendThroughNetwork } from './send-through-network.js';
import { serverWorldOf } from './world-of.js';

/**
 * `sendPixelFromBrowser(url)` → true when the browser that sent the request can be told to
 * fetch the URL: a GA4 hit flagged `richsstsse` (§3.2). The URL lands in `world.browserPixels`.
 */
export const sendPixelFromBrowserApi: ApiDefinition = {
  name: 'sendPixelFromBrowser',
  contexts: ['server'],
  create: (environment) => (url) => {
    environment.permissions.assert('sendPixelFromBrowser', 'send_pixel_from_browser', url);
    const world = serverWorldOf(environment);
    const canRelay =
      isGa4Request(world) &&
      /(?:^|&)richsstsse(?:[=&]|$)/.test(world.request.query.replace(/^\?/, ''));
    if (typeof url !== 'string' || !canRelay) return false;
    world.browserPixels = [...(world.browserPixels ?? []), url];
    return true;
  },
};

const GA4_FIELDS: Record<string, string> = {
  client_id: 'cid',
  event_name: 'en',
  ga_session_id: 'sid',
  ga_session_number: 'sct',
  page_location: 'dl',
  page_title: 'dt',
  page_referrer: 'dr',
  language: 'ul',
  screen_resolution: 'sr',
  user_id: 'uid',
  'x-ga-measurement_id': 'tid',
};

/** A `/g/collect` URL for an event: its common fields as GA4 keys, other scalars as ep./epn. */
export function collectUrlFor(event: Record<string, unknown>): string {
  const query = new URLSearchParams({ v: '2' });
  for (const [key, value] of Object.entries(event)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const field = Object.hasOwn(GA4_FIELDS, key) ? GA4_FIELDS[key] : undefined;
    if (field !== undefined) query.set(field, String(value));
    else if (!key.startsWith('x-') && key !== 'ip_override' && key !== 'user_agent') {
      query.set(`${typeof value === 'number' ? 'epn' : 'ep'}.${key}`, String(value));
    }
  }
  return `https://region1.google-analytics.com/g/collect?${query.toString()}`;
}

/**
 * `sendEventToGoogleAnalytics(event)` → promise of `{location?}`: sends the event to GA4 as a
 * `/g/collect` hit (send_http, Google domains). Items are not sent. Google's hosts answer only
 * a live network port; the recorder answers as told.
 */
export const sendEventToGoogleAnalyticsApi: ApiDefinition = {
  name: 'sendEventToGoogleAnalytics',
  contexts: ['server'],
  create: (environment) => (event) => {
    const url = collectUrlFor(isPlainObject(event) ? event : {});
    environment.permissions.assert('sendEventToGoogleAnalytics', 'send_http', url);
    if (!isPlainObject(event)) return rejectedPromise(environment, { reason: 'failed' });
    return requestGoogle(
      environment,
      'sendEventToGoogleAnalytics',
      url,
      DEFAULT_TIMEOUT_MS,
      (response) => {
        const location = response.headers.location;
        return location === undefined ? {} : { location };
      },
    );
  },
};

const SCRIPT_URLS: Record<string, string> = {
  ANALYTICS: 'https://www.google-analytics.com/analytics.js',
  GTAG: 'https://www.googletagmanager.com/gtag/js',
  GTM: 'https://www.googletagmanager.com/gtm.js',
};

/** `getGoogleScript('ANALYTICS' | 'GTAG' | 'GTM', {id?, debug?, timeout?})` → promise of `{script, metadata}`. */
export const getGoogleScriptApi: ApiDefinition = {
  name: 'getGoogleScript',
  contexts: ['server'],
  create: (environment) => (scriptType, options) => {
    const base =
      typeof scriptType === 'string' && Object.hasOwn(SCRIPT_URLS, scriptType)
        ? SCRIPT_URLS[scriptType]
        : undefined;
    const settings = isPlainObject(options) ? options : {};
    const url =
      base === undefined || settings.id === undefined
        ? base
        : `${base}?id=${encodeURIComponent(gtmString(settings.id))}`;
    if (url === undefined) return rejectedPromise(environment, { reason: 'failed' });
    environment.permissions.assert('getGoogleScript', 'send_http', url);
    const timeout =
      settings.timeout === undefined ? DEFAULT_TIMEOUT_MS : gtmNumber(settings.timeout);
    return requestGoogle(
      environment,
      'getGoogleScript',
      url,
      timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
      (response) => ({
        script: response.body,
        metadata: { ...response.headers },
      }),
    );
  },
};

function requestGoogle(
  environment: ApiEnvironment,
  api: string,
  url: string,
  timeoutMs: number,
  toResult: (response: { headers: Record<string, string>; body: string }) => unknown,
): unknown {
  const deferred = createDeferred(environment);
  sendThroughNetwork(
    environment,
    { api, url, method: 'GET', headers: {}, timeoutMs },
    (outcome) => {
      if (!outcome.isAnswered) return deferred.reject({ reason: outcome.reason });
      const status = outcome.response.statusCode;
      if (status >= 200 && status < 400) deferred.resolve(toResult(outcome.response));
      else deferred.reject({ reason: 'failed', statusCode: status });
    },
  );
  return deferred.promise;
}
