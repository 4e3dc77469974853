import { existsSync } from 'node:fs';
import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/launch-chromium.js';
import { startPanelHarness, type PanelHarness } from './panel-harness.js';

/**
 * Shows the panel DevTools added, through the DevTools front end's own module (toolchain
 * notes §4: these are internals of Chromium's DevTools, so this test may need care after a
 * Chromium update; the panel-in-a-tab tests stay the stable ones).
 */
const showPanel = (panelId: string) => `(async () => {
  const legacy = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
  const inspector = legacy.InspectorView.InspectorView.instance();
  if (!inspector.tabbedPane.tabIds().includes(${JSON.stringify(panelId)})) return false;
  await inspector.showPanel(${JSON.stringify(panelId)});
  return true;
})()`;

describe.runIf(existsSync(chromiumPath))('the panel inside DevTools', () => {
  let harness: PanelHarness;

  beforeAll(async () => {
    harness = await startPanelHarness();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('is added by the DevTools page and shows the inspected tab without being told which', async () => {
    const devtools = await harness.shopPage.openDevTools();
    const panelId = `chrome-extension://${harness.chromium.extensionId}tagwarden`;
    let frame: Frame | undefined;
    for (let attempt = 0; frame === undefined && attempt < 100; attempt++) {
      // The first tries fail while the front end starts; that is only "not yet".
      const isShown = (await devtools.evaluate(showPanel(panelId)).catch(() => false)) === true;
      if (isShown)
        frame = devtools
          .frames()
          .find((candidate) => candidate.url().includes('/src/panel/panel.html'));
      if (frame === undefined) await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(frame?.url()).not.toContain('tabId=');
    await frame?.waitForSelector('[data-row-id]', { timeout: 15_000 });
    const names = await frame?.$$eval('[data-row-id] .name', (elements) =>
      elements.map((element) => element.firstChild?.textContent),
    );
    expect(names).toContain('purchase');
    expect(names).toContain('generate_lead');
    await harness.screenshot(devtools, 'devtools-panel');
  }, 90_000);
});
