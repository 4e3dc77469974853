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
