import { describe, expect, it } from 'vitest';
import type { Violation, ViolationCode } from '../../shared/events/event-types.js';
import type { EventUnderTest } from '../../shared/validate/event-under-test.js';
import {
  a26PageTitle,
  a28Purchase,
  a30ViewItem,
  a6AddToCart,
  d4ContactInfo,
  d6PurchasePush,
  d7WrongCurrency,
  stanAndFriendsTee,
} from './corpus-events.js';
import { bundledValidator, shopPlan, validatorFor } from './plans.js';

const withoutCustomerType: Record<string, unknown> = { ...a28Purchase };
delete withoutCustomerType['customer_type'];

interface Case {
  code: ViolationCode;
  plan: 'bundled' | 'shop';
  event: EventUnderTest;
  expected: Partial<Violation>;
  /** Words the message must contain: the property and the fix. */
  says: string[];
}

const cases: Array<[string, Case]> = [
  [
    'an event the plan does not list (D4 show_contact_info)',
    {
      code: 'unplanned_event',
      plan: 'bundled',
      event: { name: 'show_contact_info', layer: 'datalayer', properties: d4ContactInfo },
      expected: { severity: 'warning', path: '', actual: 'show_contact_info' },
      says: ['"show_contact_info" is not in the plan', 'add it to the plan'],
    },
  ],
  [
    'a search with no search_term (A12)',
    {
      code: 'missing_required',
      plan: 'bundled',
      event: {
        name: 'search',
        layer: 'ga4',
        properties: { currency: 'USD', value: 30.03, items: [stanAndFriendsTee] },
      },
      expected: { severity: 'error', path: '/search_term', expected: 'search_term' },
      says: ['"search_term" is required in search', 'send it'],
    },
  ],
  [
    "D6's value sent as the string '99.8'",
    {
      code: 'type_mismatch',
      plan: 'bundled',
      event: { name: 'purchase', layer: 'datalayer', properties: d6PurchasePush },
      expected: { severity: 'error', path: '/value', expected: 'number', actual: '99.8' },
      says: ['"value" in purchase is a string', 'send a number'],
    },
  ],
  [
    'a customer_type outside new/returning (A28)',
    {
      code: 'enum_mismatch',
      plan: 'bundled',
      event: {
        name: 'purchase',
        layer: 'ga4',
        properties: { ...a28Purchase, customer_type: 'existing' },
      },
      expected: {
        severity: 'error',
        path: '/customer_type',
        expected: ['new', 'returning'],
        actual: 'existing',
      },
      says: ['"customer_type" in purchase is "existing"', 'use one of "new", "returning"'],
    },
  ],
  [
    "D7's currency 'Rs'",
    {
      code: 'pattern_mismatch',
      plan: 'bundled',
      event: { name: 'purchase', layer: 'datalayer', properties: d7WrongCurrency },
      expected: { severity: 'error', path: '/currency', expected: '^[A-Z]{3}$', actual: 'Rs' },
      says: ['"currency" in purchase is "Rs"', 'send a value matching it'],
    },
  ],
  [
    'an A6 item with quantity 0',
    {
      code: 'out_of_range',
      plan: 'bundled',
      event: {
        name: 'add_to_cart',
        layer: 'ga4',
        properties: { ...a6AddToCart, items: [{ ...stanAndFriendsTee, quantity: 0 }] },
      },
      expected: {
        severity: 'error',
        path: '/items/0/quantity',
        expected: { minimum: 1 },
        actual: 0,
      },
      says: ['"items[0].quantity" in add_to_cart is 0', 'send 1 or more'],
    },
  ],
  [
    'A28 customer_type on a plan that does not list it',
    {
      code: 'unexpected_property',
      plan: 'shop',
      event: { name: 'purchase', layer: 'ga4', properties: a28Purchase },
      expected: { severity: 'error', path: '/customer_type' },
      says: [
        '"customer_type" is not in the plan for purchase',
        'add it to the plan, or stop sending it',
      ],
    },
  ],
  [
    "A30's camelCase websiteCountry",
    {
      code: 'naming_convention',
      plan: 'shop',
      event: { name: 'view_item', layer: 'ga4', properties: a30ViewItem },
      expected: {
        severity: 'warning',
        path: '/websiteCountry',
        expected: 'snake_case',
        actual: 'websiteCountry',
      },
      says: [
        '"websiteCountry" in view_item does not follow snake_case',
        'rename it to "website_country"',
      ],
    },
  ],
  [
    "A26's 111-character title sent as a custom parameter",
    {
      code: 'ga4_limit',
      plan: 'shop',
      event: {
        name: 'page_view',
        layer: 'ga4',
        properties: { page_title: a26PageTitle, content_title: a26PageTitle },
      },
      expected: {
        severity: 'error',
        path: '/content_title',
        expected: { maximum: 100 },
        actual: 111,
      },
      says: ['"content_title" in page_view is 111 characters', 'at most 100'],
    },
  ],
  [
    'a custom click event on a plan without click',
    {
      code: 'reserved_name',
      plan: 'shop',
      event: { name: 'click', layer: 'ga4', properties: { link_url: 'https://www.itm.edu.co/' } },
      expected: { severity: 'warning', path: '', actual: 'click' },
      says: ['"click" is an event name GA4 reserves', 'plan it if you send it on purpose'],
    },
  ],
  [
    'an event parameter with the google_ prefix (A28 k0)',
    {
      code: 'reserved_name',
      plan: 'bundled',
      event: {
        name: 'purchase',
        layer: 'ga4',
        properties: { ...a28Purchase, google_business_vertical: 'retail' },
      },
      expected: { severity: 'error', path: '/google_business_vertical' },
      says: ['"google_business_vertical" starts with "google_"', 'rename it'],
    },
  ],
  [
    "D6's customer_email inside ecommerce",
    {
      code: 'pii_suspected',
      plan: 'bundled',
      event: { name: 'purchase', layer: 'datalayer', properties: d6PurchasePush },
      expected: {
        severity: 'error',
        path: '/customer_email',
        expected: 'email',
        actual: 't***@example.com',
      },
      says: ['"customer_email" in purchase looks like an email address', 'remove it, or hash it'],
    },
  ],
  [
    'A28 with its first item listed twice',
    {
      code: 'schema_violation',
      plan: 'shop',
      event: {
        name: 'purchase',
        layer: 'ga4',
        properties: { ...withoutCustomerType, items: [stanAndFriendsTee, stanAndFriendsTee] },
      },
      expected: { severity: 'error', path: '/items', expected: 'uniqueItems' },
      says: ['"items" in purchase breaks the plan\'s "uniqueItems" rule'],
    },
  ],
  [
    'an event the plan deprecates',
    {
      code: 'deprecated_event',
      plan: 'shop',
      event: {
        name: 'add_to_wishlist',
        layer: 'datalayer',
        properties: { ecommerce: a6AddToCart },
      },
      expected: { severity: 'warning', path: '', expected: 'save_for_later' },
      says: ['"add_to_wishlist" is deprecated', 'send "save_for_later" instead'],
    },
  ],
];

describe('each violation code on a real-looking event', () => {
  const validators = { bundled: bundledValidator(), shop: validatorFor(shopPlan) };

  it.each(cases)('reports %s', (_case, { code, plan, event, expected, says }) => {
    const verdict = validators[plan].validate(event);
    const violation = verdict.violations.find(
      (found) =>
        found.code === code && (expected.path === undefined || found.path === expected.path),
    );

    expect(violation).toMatchObject({ code, ...expected });
    for (const words of says) expect(violation?.message).toContain(words);
  });

  it('reports a purchase sent twice with one transaction_id (A28)', () => {
    const first: EventUnderTest = {
      name: 'purchase',
      layer: 'ga4',
      properties: a28Purchase,
      dedupeKey: 'G-ABC123|1766755449798|2|0',
    };
    const second: EventUnderTest = { ...first, dedupeKey: 'G-ABC123|1766755449798|3|0' };
    const [verdict1, verdict2] = bundledValidator().validateAll([first, second]);

    expect(verdict1?.violations.map((violation) => violation.code)).not.toContain(
      'duplicate_event',
    );
    expect(verdict2?.status).toBe('invalid');
    expect(verdict2?.violations).toContainEqual({
      code: 'duplicate_event',
      severity: 'error',
      path: '',
      message:
        'purchase repeats the transaction_id of event #1: the same purchase was sent twice; send it once.',
      expected: 'unique transaction_id',
      actual: { transaction_id: 'T_12345' },
    });
  });

  it('covers every code the validator produces', () => {
    const covered = new Set(cases.map(([, { code }]) => code).concat('duplicate_event'));

    expect([...covered].sort()).toEqual([
      'deprecated_event',
      'duplicate_event',
      'enum_mismatch',
      'ga4_limit',
      'missing_required',
      'naming_convention',
      'out_of_range',
      'pattern_mismatch',
      'pii_suspected',
      'reserved_name',
      'schema_violation',
      'type_mismatch',
      'unexpected_property',
      'unplanned_event',
    ]);
  });
});
