import { describe, expect, it } from 'vitest';
import { readRelayExtensionApi } from '../../extension/src/relay/read-relay-extension-api.js';

/** A namespace shaped like `chrome` or `browser` in a content script: runtime and storage. */
function namespace(label: string) {
  return {
    label,
    runtime: { connect: () => ({}), sendMessage: () => Promise.resolve(undefined) },
    storage: { local: { get: () => Promise.resolve({}) }, onChanged: { addListener() {} } },
  };
}

const firefox = namespace('browser');
const chrome = namespace('chrome');

describe('the extension API the relay calls', () => {
  it.each([
    ['Firefox’s browser, which has chrome beside it', { browser: firefox, chrome }, 'browser'],
    ['Firefox’s browser alone', { browser: firefox }, 'browser'],
    ['Chrome’s chrome, where browser is missing', { chrome }, 'chrome'],
    ['chrome when browser lacks runtime.connect', { browser: { runtime: {} }, chrome }, 'chrome'],
    [
      'chrome when browser lacks storage',
      { browser: { runtime: firefox.runtime }, chrome },
      'chrome',
    ],
    ['chrome when browser is null', { browser: null, chrome }, 'chrome'],
  ])('takes %s', (_, scope, expected) => {
    expect((readRelayExtensionApi(scope) as unknown as { label: string }).label).toBe(expected);
  });

  it.each([
    ['a page without extension APIs', {}],
    ['a chrome object of a page, without runtime (a web page’s chrome global)', { chrome: {} }],
    [
      'a runtime whose connect is not a function',
      { chrome: { ...chrome, runtime: { connect: 1 } } },
    ],
    [
      'a removed extension’s leftover chrome, without storage',
      { chrome: { runtime: chrome.runtime } },
    ],
  ])('is undefined for %s, so the relay stays idle', (_, scope) => {
    expect(readRelayExtensionApi(scope)).toBeUndefined();
  });

  it('returns the namespace itself, whose calls answer with promises in Manifest V3', async () => {
    const api = readRelayExtensionApi({ chrome });
    expect(api).toBe(chrome);
    await expect(api?.storage.local.get('dataLayerNames')).resolves.toEqual({});
  });
});
