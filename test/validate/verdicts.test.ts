import { describe, expect, it } from 'vitest';
import { createPlanValidator } from '../../shared/validate/create-plan-validator.js';
import type { EventUnderTest } from '../../shared/validate/event-under-test.js';
import {
  a26PageTitle,
  a28Purchase,
  a6AddToCart,
  a6PageLocation,
  d6PurchasePush,
  d7RightCurrency,
  stanAndFriendsTee,
} from './corpus-events.js';
import { bundledValidator, planFrom, shopPlan, validatorFor } from './plans.js';

describe('the status of a verdict', () => {
  const validator = bundledValidator();

  it.each([
    [
      'valid for a clean A6 add_to_cart',
      { name: 'add_to_cart', layer: 'ga4', properties: a6AddToCart },
      'valid',
    ],
    [
      'invalid when one violation is an error (D6)',
      { name: 'purchase', layer: 'datalayer', properties: d6PurchasePush },
      'invalid',
    ],
    [
      'unplanned for a name the plan does not list',
      { name: 'show_contact_info', layer: 'ga4', properties: {} },
      'unplanned',
    ],
    [
      'unplanned for an event with no name',
      { name: null, layer: 'datalayer', properties: { ecommerce: null } },
      'unplanned',
    ],
  ] as Array<[string, EventUnderTest, string]>)('is %s', (_case, event, status) => {
    expect(validator.validate(event).status).toBe(status);
  });

  it('stays valid with warnings only, and keeps them', () => {
    const verdict = validatorFor(shopPlan).validate({
      name: 'add_to_wishlist',
      layer: 'ga4',
      properties: {},
    });

    expect(verdict.status).toBe('valid');
    expect(verdict.violations.map((violation) => violation.severity)).toEqual(['warning']);
  });

  it('names the event and the layer it judged', () => {
    expect(
      validator.validate({ name: 'purchase', layer: 'datalayer', properties: d7RightCurrency }),
    ).toMatchObject({ name: 'purchase', layer: 'datalayer' });
  });
});

describe('reading the dataLayer', () => {
  const validator = bundledValidator();

  it('validates the keys of ecommerce as parameters and ignores event and gtm keys', () => {
    const push = {
      event: 'add_to_cart',
      'gtm.uniqueEventId': 20,
      eventCallback: 'function',
      ecommerce: a6AddToCart,
    };

    expect(
      validator.validate({ name: 'add_to_cart', layer: 'datalayer', properties: push }),
    ).toMatchObject({ status: 'valid', violations: [] });
  });

  it('skips GA4 limits and reserved names on the dataLayer, where they do not apply', () => {
    const push = { event: 'page_view', google_tag_params: 'x', page_heading: a26PageTitle };
    const onDataLayer = validator.validate({
      name: 'page_view',
      layer: 'datalayer',
      properties: push,
    });
    const onGa4 = validator.validate({ name: 'page_view', layer: 'ga4', properties: push });

    expect(onDataLayer.violations.map((violation) => violation.code)).toEqual([]);
    expect(onGa4.violations.map((violation) => violation.code)).toEqual([
      'ga4_limit',
      'reserved_name',
    ]);
  });

  it('keeps a lifted key that is not an object as it is', () => {
    const verdict = validatorFor(
      'events:\n  e:\n    properties:\n      ecommerce: {type: "null"}\n',
    ).validate({ name: 'e', layer: 'datalayer', properties: { ecommerce: null } });

    expect(verdict.status).toBe('valid');
  });
});

describe('GA4-specific checks', () => {
  const validator = bundledValidator();

  it('allows page_title up to 300 characters but a custom parameter only 100', () => {
    const verdict = validator.validate({
      name: 'page_view',
      layer: 'ga4',
      properties: { page_title: a26PageTitle },
    });

    expect(verdict.violations).toEqual([]);
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    const cjk = '水'.repeat(100);
    const emoji = '🛒'.repeat(100);

    expect(
      validator.validate({
        name: 'page_view',
        layer: 'ga4',
        properties: { content_group: cjk, basket: emoji },
      }).violations,
    ).toEqual([]);
    expect(
      validator.validate({ name: 'page_view', layer: 'ga4', properties: { basket: `${emoji}🛒` } })
        .violations,
    ).toMatchObject([{ code: 'ga4_limit', actual: 101 }]);
  });

  it.each([
    [
      'an event name over 40 characters',
      { name: 'newsletter_subscription_confirmation_shown', layer: 'ga4', properties: {} },
      '',
      42,
    ],
    [
      'more than 25 parameters',
      {
        name: 'page_view',
        layer: 'ga4',
        properties: Object.fromEntries(
          Array.from({ length: 26 }, (_, index) => [`p${index}`, index]),
        ),
      },
      '',
      26,
    ],
    [
      'a user property value over 36 characters',
      {
        name: 'page_view',
        layer: 'ga4',
        properties: {},
        userProperties: { cookie_level: 'optimaal-'.repeat(5) },
      },
      '/user_properties/cookie_level',
      45,
    ],
    [
      'a user id over 256 characters',
      { name: 'page_view', layer: 'ga4', properties: {}, userId: 'u'.repeat(257) },
      '/user_id',
      257,
    ],
    [
      'a page_location over 1000 characters',
      {
        name: 'page_view',
        layer: 'ga4',
        properties: {},
        urls: {
          page_location: `${a6PageLocation}&x=${'a'.repeat(1001 - a6PageLocation.length - 3)}`,
        },
      },
      '/page_location',
      1001,
    ],
    [
      'more than 200 items',
      {
        name: 'view_item_list',
        layer: 'ga4',
        properties: { items: Array.from({ length: 201 }, () => stanAndFriendsTee) },
      },
      '/items',
      201,
    ],
    [
      '28 custom item parameters',
      {
        name: 'view_item',
        layer: 'ga4',
        properties: {
          items: [
            {
              item_id: 'SKU_12345',
              ...Object.fromEntries(
                Array.from({ length: 28 }, (_, index) => [`custom_${index}`, 'x']),
              ),
            },
          ],
        },
      },
      '/items',
      28,
    ],
  ] as Array<[string, EventUnderTest, string, number]>)(
    'flags %s',
    (_case, event, path, actual) => {
      const limits = validator
        .validate(event)
        .violations.filter((violation) => violation.code === 'ga4_limit');

      expect(limits).toMatchObject([{ path, actual }]);
    },
  );

  it('questions a reserved event name only when the plan does not list it', () => {
    const planned = validator.validate({ name: 'page_view', layer: 'ga4', properties: {} });
    const unplanned = validatorFor(shopPlan).validate({
      name: 'scroll',
      layer: 'ga4',
      properties: { percent_scrolled: 90 },
    });

    expect(planned.violations).toEqual([]);
    expect(unplanned.violations.map((violation) => violation.code)).toEqual([
      'unplanned_event',
      'reserved_name',
    ]);
  });

  it('reports reserved user property names and prefixes', () => {
    const verdict = validator.validate({
      name: 'page_view',
      layer: 'ga4',
      properties: {},
      userProperties: { first_open_time: 1, ga_tier: 'gold', cookie_level: 'optimaal' },
    });

    expect(verdict.violations.map((violation) => violation.path)).toEqual([
      '/user_properties/first_open_time',
      '/user_properties/ga_tier',
    ]);
  });
});

describe('plan settings that shape verdicts', () => {
  it('applies severity overrides, but never to informational findings', () => {
    const text = `${shopPlan.replace('  naming: snake_case', '  naming: snake_case\n  severity: {naming_convention: error, pii_suspected: warning}')}`;
    const verdict = validatorFor(text).validate({
      name: 'page_view',
      layer: 'ga4',
      properties: {
        pageType: 'home',
        email_sha256: 'a'.repeat(63) + '1',
        contact: 'test@example.com',
      },
    });

    expect(verdict.violations.map((violation) => [violation.code, violation.severity])).toEqual([
      ['naming_convention', 'error'],
      ['pii_suspected', 'info'],
      ['pii_suspected', 'warning'],
    ]);
    expect(verdict.status).toBe('invalid');
  });

  it('uses the severity the plan gives unplanned events', () => {
    const verdict = validatorFor('globals:\n  unplannedEvents: error\nevents: {}\n').validate({
      name: 'purchase',
      layer: 'ga4',
      properties: {},
    });

    expect(verdict.violations[0]).toMatchObject({ code: 'unplanned_event', severity: 'error' });
    expect(verdict.status).toBe('unplanned');
  });

  it('warns when a planned event shows up on a layer it is not planned for', () => {
    const verdict = bundledValidator().validate({
      name: 'first_visit',
      layer: 'datalayer',
      properties: {},
    });

    expect(verdict.violations).toMatchObject([
      {
        code: 'unplanned_event',
        severity: 'warning',
        expected: ['warehouse'],
        actual: 'datalayer',
      },
    ]);
  });

  it('turns personal-data checks off, or allows named parameters', () => {
    const off = validatorFor('globals:\n  pii: false\nevents:\n  e:\n').validate({
      name: 'e',
      layer: 'ga4',
      properties: { email: 'user@example.com' },
    });
    const allowed = validatorFor('globals:\n  pii: {allow: [email]}\nevents:\n  e:\n').validate({
      name: 'e',
      layer: 'ga4',
      properties: { email: 'user@example.com', note: 'user@example.com' },
    });

    expect(off.violations).toEqual([]);
    expect(allowed.violations.map((violation) => violation.path)).toEqual(['/note']);
  });

  it('checks user properties against the event plan', () => {
    const text =
      'events:\n  login:\n    userProperties:\n      customer_tier: {enum: [gold, silver]}\n';
    const verdict = validatorFor(text).validate({
      name: 'login',
      layer: 'ga4',
      properties: {},
      userProperties: { customer_tier: 'bronze' },
    });

    expect(verdict.violations).toMatchObject([
      { code: 'enum_mismatch', path: '/user_properties/customer_tier', actual: 'bronze' },
    ]);
  });

  it('finds nothing inherited for event names such as constructor', () => {
    const verdict = createPlanValidator(planFrom('events:\n  purchase:\n')).validate({
      name: 'constructor',
      layer: 'ga4',
      properties: {},
    });

    expect(verdict.status).toBe('unplanned');
  });
});

describe('duplicates across events', () => {
  it('warns about the same request captured twice, and only when identical', () => {
    const hit: EventUnderTest = {
      name: 'add_to_cart',
      layer: 'ga4',
      properties: a6AddToCart,
      dedupeKey: 'G-F9XM71K45T|1749196701069|14|0',
    };
    const changed: EventUnderTest = { ...hit, properties: { ...a6AddToCart, value: 40 } };
    const verdicts = bundledValidator().validateAll([hit, changed, { ...hit }]);

    expect(
      verdicts.map((verdict) => verdict.violations.map((violation) => violation.code)),
    ).toEqual([[], [], ['duplicate_event']]);
    expect(verdicts[2]?.violations[0]).toMatchObject({ severity: 'warning', actual: 0 });
    expect(verdicts[2]?.status).toBe('valid');
  });

  it('compares uniqueBy values per layer and after the layer mapping', () => {
    const onGa4: EventUnderTest = { name: 'purchase', layer: 'ga4', properties: a28Purchase };
    const onDataLayer: EventUnderTest = {
      name: 'purchase',
      layer: 'datalayer',
      properties: { event: 'purchase', ecommerce: a28Purchase },
    };
    const verdicts = bundledValidator().validateAll([onGa4, onDataLayer, onDataLayer]);

    expect(verdicts.map((verdict) => verdict.status)).toEqual(['valid', 'valid', 'invalid']);
  });

  it('does not compare events missing a uniqueBy value', () => {
    const verdicts = bundledValidator().validateAll([
      { name: 'refund', layer: 'ga4', properties: { currency: 'USD' } },
      { name: 'refund', layer: 'ga4', properties: { currency: 'USD' } },
    ]);

    expect(
      verdicts.flatMap((verdict) => verdict.violations.map((violation) => violation.code)),
    ).toEqual(['missing_required', 'missing_required']);
  });
});
