import type { Page } from 'puppeteer-core';
import type { CapturedPush } from '../../shared/capture/captured-input.js';

const BINDING = '__tagwardenRecordPush';

/**
 * Records every message pushed to the named dataLayers of every page the tab loads, as
 * capture records in JSON transport form (`{"$arguments": […]}` for gtag calls), before GTM
 * processes them. A hook installed before the page's scripts catches the array when the page
 * creates it and wraps `push`; when a container replaces `push` and calls the one it found
 * (as GTM does), the call is passed down the chain without being recorded twice.
 */
export async function recordDataLayerPushes(
  page: Page,
  layerNames: string[],
): Promise<CapturedPush[]> {
  const pushes: CapturedPush[] = [];
  await page.exposeFunction(BINDING, (text: string) => {
    const message = JSON.parse(text) as {
      layer: string;
      pageUrl: string;
      time: number;
      push: unknown;
    };
    pushes.push({
      kind: 'push',
      push: message.push,
      ...(message.layer === 'dataLayer' ? {} : { dataLayerName: message.layer }),
      pageUrl: message.pageUrl,
      time: message.time,
      source: { file: 'demo-shop-pushes', entry: pushes.length },
    });
  });
  await page.evaluateOnNewDocument(installPushHook, layerNames, BINDING);
  return pushes;
}

// Runs in the page before its own scripts; it may only use what it defines itself.
function installPushHook(layerNames: string[], binding: string): void {
  const scope = window as unknown as Record<string, unknown>;
  const report = (layer: string, message: unknown) =>
    (scope[binding] as (text: string) => void)(
      JSON.stringify({
        layer,
        pageUrl: location.href,
        time: Date.now(),
        push: toTransport(message, 0),
      }),
    );

  function toTransport(value: unknown, depth: number): unknown {
    if (value === undefined) return { $undefined: true };
    if (typeof value === 'function') return { $function: value.name };
    if (value === null || typeof value !== 'object') return value;
    if (depth > 20) return { $unclonable: 'depth limit' };
    if (Object.prototype.toString.call(value) === '[object Arguments]')
      return {
        $arguments: Array.from(value as ArrayLike<unknown>, (item) => toTransport(item, depth + 1)),
      };
    if (value instanceof Date) return { $date: value.toISOString() };
    if (Array.isArray(value)) return value.map((item) => toTransport(item, depth + 1));
    if (Object.getPrototypeOf(value) !== Object.prototype) return { $unclonable: 'class instance' };
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(copy, key, {
        value: toTransport((value as Record<string, unknown>)[key], depth + 1),
        enumerable: true,
      });
    }
    return copy;
  }

  const hooked = new WeakSet<unknown[]>();
  function hookArray(layer: string, array: unknown[]): void {
    if (hooked.has(array)) return;
    hooked.add(array);
    array.forEach((message) => report(layer, message));
    const chain = [array.push];
    let depth = 0;
    const recordingPush = function (this: unknown[], ...messages: unknown[]): number {
      const push = chain[Math.max(0, chain.length - 1 - depth)] ?? Array.prototype.push;
      if (depth === 0) messages.forEach((message) => report(layer, message));
      depth += 1;
      try {
        return push.apply(this, messages);
      } finally {
        depth -= 1;
      }
    };
    Object.defineProperty(array, 'push', {
      configurable: true,
      get: () => recordingPush,
      set: (replacement: unknown) => {
        if (typeof replacement === 'function' && replacement !== recordingPush)
          chain.push(replacement as typeof Array.prototype.push);
      },
    });
  }

  for (const layer of layerNames) {
    let current: unknown;
    Object.defineProperty(window, layer, {
      configurable: true,
      get: () => current,
      set: (value: unknown) => {
        current = value;
        if (Array.isArray(value)) hookArray(layer, value);
      },
    });
  }
}
