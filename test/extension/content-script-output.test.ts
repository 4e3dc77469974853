import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../extension-e2e/build-extension.js';

/** The Chrome build's files, read once (the build is cached by a hash of the sources). */
let built: { relay: string; hook: string; pages: string[] };

beforeAll(async () => {
  const dir = await buildExtension({ target: 'chrome' });
  const assets = join(dir, 'assets');
  built = {
    relay: readFileSync(join(dir, 'src/relay/relay.iife.js'), 'utf8'),
    hook: readFileSync(join(dir, 'src/page/page-hook.iife.js'), 'utf8'),
    pages: readdirSync(assets).map((name) => readFileSync(join(assets, name), 'utf8')),
  };
}, 120_000);

// A sentence of each script's own JSDoc, so a comment that survives the build is noticed.
const commentOf = {
  relay: 'Messages kept until the background stores them',
  hook: 'Calls `method` with `target` as `this`',
};

describe('the content scripts Chrome compiles in every frame', () => {
  it.each(['relay', 'hook'] as const)('carry no comments in the %s', (script) => {
    expect(built[script]).not.toContain(commentOf[script]);
    expect(built[script]).not.toMatch(/^\s*(\/\/|\/\*)/m);
  });

  it.each([
    ['relay', 'createBackgroundLink'],
    ['hook', 'installPageHook'],
  ] as const)('keep their names and lines readable in the %s', (script, name) => {
    expect(built[script]).toContain(`function ${name}(`);
    expect(built[script].split('\n').length).toBeGreaterThan(100);
  });

  it('bundle no webextension-polyfill into the relay', () => {
    expect(built.relay).not.toMatch(/webextension-polyfill|wrapAPIs|browser-polyfill/);
  });

  it('stay within their size budget (relay 10 KB, hook 50 KB; 40 KB and 83 KB before)', () => {
    expect(built.relay.length).toBeLessThan(10_000);
    expect(built.hook.length).toBeLessThan(50_000);
  });

  it('leave the extension’s pages with their comments', () => {
    expect(built.pages.some((text) => /^\s*\/\*\*/m.test(text))).toBe(true);
  });
});
