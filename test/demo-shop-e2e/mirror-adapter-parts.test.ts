import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPermissionChecker } from '../../gtm-template/sandbox/permissions/create-permission-checker.js';
import { PermissionDeniedError } from '../../gtm-template/sandbox/contract.js';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';
import { allowCollectorPixels } from '../demo-shop/page/mirror/allow-collector-pixels.js';
import { buildTemplateData } from '../demo-shop/page/mirror/build-template-data.js';
import type { MirrorEvent } from '../demo-shop/page/mirror/mirror-host.js';

const collectorUrl = 'http://127.0.0.1:9411/g/collect';
const event: MirrorEvent = {
  name: 'purchase',
  measurementId: 'G-TWDEMO2025',
  params: { coupon: 'TRAIL10' },
  model: { ecommerce: { transaction_id: 'TW-1' } },
  consent: { analytics_storage: 'granted' },
};

function parsedExample(name: string) {
  const parsed = parseTemplate(
    readFileSync(
      new URL(`../../gtm-template/examples/${name}/template.tpl`, import.meta.url),
      'utf8',
    ),
  );
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.template;
}

describe('buildTemplateData', () => {
  it('fills the mirror fields a template declares and keeps the defaults of the others', () => {
    const parameters = [
      { type: 'TEXT', name: 'measurementId' },
      { type: 'TEXT', name: 'eventName' },
      { type: 'TEXT', name: 'endpoint' },
      {
        type: 'GROUP',
        name: 'eventFields',
        subParams: [
          { type: 'SIMPLE_TABLE', name: 'eventParameters' },
          { type: 'CHECKBOX', name: 'sendEcommerceData', defaultValue: false },
          { type: 'SELECT', name: 'consentMode', defaultValue: 'skip' },
        ],
      },
    ];
    expect(buildTemplateData(parameters, event, collectorUrl)).toEqual({
      measurementId: 'G-TWDEMO2025',
      eventName: 'purchase',
      endpoint: collectorUrl,
      eventParameters: [{ name: 'coupon', value: 'TRAIL10' }],
      sendEcommerceData: true,
      consentMode: 'skip',
    });
  });

  it('gives the example pixel tag its defaults, the event name and the collector', () => {
    expect(
      buildTemplateData(parsedExample('web-pixel-tag').parameters, event, collectorUrl),
    ).toEqual({
      endpoint: collectorUrl,
      eventName: 'purchase',
      includePageData: true,
      eventParameters: [{ name: 'coupon', value: 'TRAIL10' }],
      respectAnalyticsConsent: true,
      debugLogging: false,
    });
  });

  it('ignores malformed field definitions and a __proto__ field', () => {
    const data = buildTemplateData(
      [null, 7, { name: '__proto__', defaultValue: { polluted: true } }, { type: 'GROUP' }],
      event,
      collectorUrl,
    );
    expect(data).toEqual({});
    expect(Object.prototype).toEqual({});
  });
});

describe('allowCollectorPixels', () => {
  const checker = allowCollectorPixels(
    createPermissionChecker(parsedExample('web-pixel-tag').permissions, 'web', { isDebug: false }),
    collectorUrl,
  );

  it('lets pixels to the collector origin through, which no https-only pattern could allow', () => {
    expect(() =>
      checker.assert('sendPixel', 'send_pixel', `${collectorUrl}?en=purchase`),
    ).not.toThrow();
    expect(checker.query('send_pixel', 'http://127.0.0.1:9411/other')).toBe(true);
  });

  it.each([
    'http://127.0.0.1:9412/g/collect',
    'http://localhost:9411/g/collect',
    'https://evil.example/g/collect',
    'not a url',
  ])('still refuses a pixel to %s', (url) => {
    expect(() => checker.assert('sendPixel', 'send_pixel', url)).toThrow(PermissionDeniedError);
    expect(checker.query('send_pixel', url)).toBe(false);
  });

  it('checks every other permission as the template declares it', () => {
    expect(checker.query('read_title')).toBe(true);
    expect(() => checker.assert('injectScript', 'inject_script', collectorUrl)).toThrow(
      PermissionDeniedError,
    );
    expect(() =>
      checker.assert('sendPixel', 'send_pixel', 'https://collect.tagwarden.example/g'),
    ).not.toThrow();
  });
});
