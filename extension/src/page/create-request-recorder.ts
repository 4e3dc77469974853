import { isAnalyticsUrl } from '../common/is-analytics-url.js';
import type { PageRequestRecord, RequestTransport } from '../common/page-record.js';
import type { PageChannel } from './create-page-channel.js';
import { callMethod, intrinsics } from './page-intrinsics.js';
import { readBody } from './read-body.js';

export interface RequestRecorder {
  /**
   * Records a request if its URL is an analytics hit, synchronously, and returns the record
   * so the wrapper can add the call's outcome; undefined for anything else. `url` is what the
   * page passed (a string or a `URL`); other objects are skipped rather than converted,
   * because converting would run page code a second time. Never throws.
   */
  record(
    transport: RequestTransport,
    method: string,
    url: unknown,
    body: unknown,
  ): PageRequestRecord | undefined;
  /** The same for a URL already resolved by the browser (an image's `src`, a `Request`). */
  recordResolved(
    transport: RequestTransport,
    method: string,
    url: string,
    body: unknown,
  ): PageRequestRecord | undefined;
}

export function createRequestRecorder(
  scope: typeof globalThis,
  channel: PageChannel,
): RequestRecorder {
  const URLClass = scope.URL;
  const urlHref = intrinsics.getOwnPropertyDescriptor(URLClass.prototype, 'href')?.get;

  const resolve = (url: unknown): string | undefined => {
    if (typeof url === 'string') return absolute(url);
    if (url instanceof URLClass) return callMethod<string>(urlHref, url);
    return undefined;
  };

  const absolute = (url: string): string | undefined => {
    if (/^https?:\/\//i.test(url)) return url;
    try {
      return callMethod<string>(urlHref, new URLClass(url, baseOf(scope)));
    } catch {
      return undefined;
    }
  };

  const recordResolved: RequestRecorder['recordResolved'] = (transport, method, url, body) => {
    try {
      if (!isAnalyticsUrl(url)) return undefined;
      const reading = readBody(body);
      const record = channel.record({
        kind: 'request',
        transport,
        method: method.toUpperCase(),
        url,
        ...(reading?.text === undefined ? {} : { body: reading.text }),
        ...(reading === undefined ? {} : { bodyKind: reading.kind }),
        ...(reading?.length === undefined ? {} : { bodyLength: reading.length }),
        ...(reading?.truncated ? { bodyTruncated: true } : {}),
      });
      if (reading?.later !== undefined) fillLater(record, reading.later);
      return record;
    } catch {
      return undefined;
    }
  };

  const fillLater = (record: PageRequestRecord, later: Promise<string>): void => {
    const release = channel.hold(record);
    const done = (text: unknown): void => {
      if (typeof text === 'string') record.body = text;
      release();
    };
    callMethod(intrinsics.promiseThen, later, [done, () => done(undefined)]);
  };

  return {
    record(transport, method, url, body) {
      try {
        const resolved = resolve(url);
        return resolved === undefined
          ? undefined
          : recordResolved(transport, method, resolved, body);
      } catch {
        return undefined;
      }
    },
    recordResolved,
  };
}

function baseOf(scope: typeof globalThis): string {
  try {
    return scope.document?.baseURI ?? scope.location.href;
  } catch {
    return scope.location.href;
  }
}
