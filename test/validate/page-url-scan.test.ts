import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/events/event-types.js';
import { createValidatorContext } from '../../shared/validate/validator-context.js';
import { bundledValidator, planFrom } from './plans.js';

// The page URL scan remembers only the previous URL of each name: the events of one page come
// together and repeat its URL. Whatever order pages come in, each event gets its own URL's
// findings.
const withEmail = 'https://shop.example/account?email=jane%40example.com';
const clean = 'https://shop.example/products/stan-tee';

function pageView(pageLocation: string, pageReferrer?: string) {
  const urls: Record<string, string> = { page_location: pageLocation };
  if (pageReferrer !== undefined) urls['page_referrer'] = pageReferrer;
  return { name: 'page_view', layer: 'ga4' as const, properties: {}, urls };
}

function personalDataPaths(verdict: Verdict): string[] {
  return verdict.violations
    .filter((violation) => violation.code === 'pii_suspected')
    .map((violation) => violation.path);
}

describe('scanning page URLs for personal data', () => {
  it('scans a page URL once while the events of its page follow each other', () => {
    const context = createValidatorContext(planFrom('events: {page_view: {}}'));

    const first = context.scanUrl(withEmail, 'page_location');
    const second = context.scanUrl(withEmail, 'page_location');

    expect(first).toHaveLength(1);
    expect(second).toBe(first);
  });

  it('gives each event the findings of its own page when pages alternate', () => {
    const validator = bundledValidator();
    const order = [withEmail, clean, withEmail, withEmail, clean, clean, withEmail];

    const paths = order.map((url) => personalDataPaths(validator.validate(pageView(url))));

    expect(paths).toEqual(order.map((url) => (url === withEmail ? ['/page_location'] : [])));
  });

  it('keeps the location and the referrer apart when they hold the same URL', () => {
    const validator = bundledValidator();

    const both = validator.validate(pageView(withEmail, withEmail));
    const referrerOnly = validator.validate(pageView(clean, withEmail));

    expect(personalDataPaths(both)).toEqual(['/page_location', '/page_referrer']);
    expect(personalDataPaths(referrerOnly)).toEqual(['/page_referrer']);
  });
});

// Values the detectors must read (ids, numbers, URLs) are remembered the same way: the last
// value under each key. Values of other keys, and other values of the same key, are scanned.
function viewItem(properties: Record<string, unknown>) {
  return { name: 'view_item', layer: 'ga4' as const, properties };
}

describe('remembering the last value scanned under each key', () => {
  it('gives each event the findings of its own values when values alternate', () => {
    const validator = bundledValidator();
    const email = 'jane.doe@example.com';
    const order = ['SKU_12345', email, email, 'SKU_12345', 'SKU_12345', email];

    const paths = order.map((value) =>
      personalDataPaths(validator.validate(viewItem({ item_ref: value }))),
    );

    expect(paths).toEqual(order.map((value) => (value === email ? ['/item_ref'] : [])));
  });

  it('scans a value seen under one key again under another', () => {
    const validator = bundledValidator();
    const phone = '+32 470 12 34 56';

    const asNote = validator.validate(viewItem({ note: phone }));
    const asBoth = validator.validate(viewItem({ note: phone, contact: phone }));

    expect(personalDataPaths(asNote)).toEqual(['/note']);
    expect(personalDataPaths(asBoth)).toEqual(['/note', '/contact']);
  });
});
