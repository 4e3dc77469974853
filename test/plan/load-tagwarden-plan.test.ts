import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { PlanLoadResult, TrackingPlan } from '../../shared/plan/plan-types.js';

function loaded(result: PlanLoadResult): { plan: TrackingPlan; warnings: string[] } {
  if (!result.ok) throw new Error(`expected the plan to load: ${JSON.stringify(result.errors)}`);
  return { plan: result.plan, warnings: result.warnings.map((warning) => warning.message) };
}

// The full example of docs/tracking-plan.md must stay loadable.
function documentedExample(): string {
  const doc = readFileSync(new URL('../../docs/tracking-plan.md', import.meta.url), 'utf8');
  const block = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/tracking-plan.md has no yaml example');
  return block;
}

describe('loading a tagwarden plan', () => {
  it('reads the documented example without errors or warnings', () => {
    const { plan, warnings } = loaded(loadPlan(documentedExample(), 'shop-web.yaml'));

    expect(warnings).toEqual([]);
    expect(plan.source).toEqual({ format: 'tagwarden', fileName: 'shop-web.yaml' });
    expect(plan.name).toBe('shop-web');
    expect(plan.version).toBe('3.2');
    expect(Object.keys(plan.events)).toEqual(['purchase', 'add_to_wishlist', 'scroll']);
    expect(plan.globals.naming).toEqual({
      events: { style: 'snake_case' },
      parameters: { style: 'snake_case' },
    });
    expect(plan.globals.pii.allow).toEqual(['sha256_email_address']);
    expect(plan.globals.severity).toEqual({ naming_convention: 'error' });
  });

  it('builds each event schema from its settings, with the shared $defs', () => {
    const text = documentedExample();
    const { plan } = loaded(loadPlan(text, 'shop-web.yaml'));
    const purchase = plan.events['purchase'];
    const purchaseLine = text.split('\n').indexOf('  purchase:') + 1;

    expect(purchase?.required).toEqual(['transaction_id', 'items']);
    expect(purchase?.uniqueBy).toEqual(['transaction_id']);
    expect(purchase?.additionalProperties).toBe(false);
    expect(purchase?.schema).toMatchObject({
      type: 'object',
      required: ['transaction_id', 'items'],
      additionalProperties: false,
      dependentRequired: { value: ['currency'] },
      $defs: { currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
    });
    expect(purchase?.userPropertiesSchema).toMatchObject({
      properties: { customer_tier: { enum: ['gold', 'silver'] } },
    });
    expect(purchaseLine).toBeGreaterThan(1);
    expect(purchase?.position).toEqual({ line: purchaseLine, column: 3 });
  });

  it('treats an event written with no settings as planned and open', () => {
    const { plan } = loaded(loadPlan(documentedExample(), 'shop-web.yaml'));

    expect(plan.events['scroll']).toMatchObject({
      status: 'active',
      properties: {},
      required: [],
      additionalProperties: true,
    });
    expect(plan.events['add_to_wishlist']).toMatchObject({
      status: 'deprecated',
      replacedBy: 'save_for_later',
    });
  });

  it('reads the same plan written as JSON', () => {
    const json = JSON.stringify({
      name: 'shop-web',
      events: {
        purchase: {
          required: ['transaction_id'],
          properties: { transaction_id: { type: 'string' } },
        },
      },
    });
    const { plan } = loaded(loadPlan(json, 'shop-web.json'));

    expect(plan.source.format).toBe('tagwarden');
    expect(plan.events['purchase']?.required).toEqual(['transaction_id']);
  });

  it('fills in defaults when the plan says nothing', () => {
    const { plan } = loaded(loadPlan('events:\n  page_view:\n', 'plans/minimal.yml'));

    expect(plan.name).toBe('minimal');
    expect(plan.version).toBe('');
    expect(plan.globals).toEqual({
      naming: { events: null, parameters: null },
      ga4Limits: true,
      reservedNames: true,
      pii: { enabled: true, allow: [], layers: ['datalayer', 'ga4', 'warehouse', 'other'] },
      additionalProperties: true,
      unplannedEvents: 'warning',
      severity: {},
    });
    expect(plan.layers.datalayer).toEqual({
      lift: ['ecommerce'],
      ignore: ['event', 'gtm', 'gtm.*', 'eventCallback', 'eventTimeout', 'eventReporter'],
    });
    expect(plan.layers.ga4).toEqual({ lift: [], ignore: [] });
  });

  it('replaces only the layer settings a plan gives', () => {
    const { plan } = loaded(
      loadPlan('layers:\n  datalayer:\n    lift: [ecommerce, event_data]\nevents: {}\n', 'p.yaml'),
    );

    expect(plan.layers.datalayer.lift).toEqual(['ecommerce', 'event_data']);
    expect(plan.layers.datalayer.ignore).toContain('gtm.*');
  });

  it('reads naming rules given per kind, as styles or patterns', () => {
    const text =
      "globals:\n  naming:\n    events: snake_case\n    parameters: '^[a-z][a-zA-Z0-9]*$'\nevents: {}\n";
    const { plan } = loaded(loadPlan(text, 'p.yaml'));

    expect(plan.globals.naming).toEqual({
      events: { style: 'snake_case' },
      parameters: { pattern: '^[a-z][a-zA-Z0-9]*$' },
    });
  });

  it('expands anchors and merge keys into copies', () => {
    const text = [
      'events:',
      '  form_start:',
      '    properties: &form',
      '      form_id: {type: string}',
      '  form_submit:',
      '    properties:',
      '      <<: *form',
      '      form_submit_text: {type: string}',
    ].join('\n');
    const { plan } = loaded(loadPlan(text, 'p.yaml'));

    expect(Object.keys(plan.events['form_submit']?.properties ?? {})).toEqual([
      'form_submit_text',
      'form_id',
    ]);
    expect(plan.events['form_submit']?.properties['form_id']).not.toBe(
      plan.events['form_start']?.properties['form_id'],
    );
  });

  it('ignores a __proto__ key with a warning and leaves Object.prototype alone', () => {
    const text =
      'events:\n  __proto__:\n    polluted: yes\n  purchase:\n    properties:\n      __proto__: {type: string}\n';
    const result = loadPlan(text, 'p.yaml');
    const { plan, warnings } = loaded(result);

    expect(Object.keys(plan.events)).toEqual(['purchase']);
    expect(warnings).toEqual([
      'The key "__proto__" is ignored.',
      'The key "__proto__" is ignored.',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(plan.events['purchase']?.properties)).toBe(Object.prototype);
  });

  it.each([
    [
      'an unknown top-level key, with a guess',
      'evnets: {}\nevents: {}\n',
      1,
      'Did you mean "events"?',
    ],
    [
      'an unknown event setting, with a guess',
      'events:\n  purchase:\n    requird: [value]\n',
      3,
      'Did you mean "required"?',
    ],
    [
      'an unknown schema keyword, with a guess',
      'events:\n  purchase:\n    properties:\n      value: {type: number, minimun: 0}\n',
      4,
      'Did you mean "minimum"?',
    ],
    [
      'a format nothing checks',
      'events:\n  purchase:\n    properties:\n      sku: {type: string, format: sku}\n',
      4,
      'Use "pattern" instead',
    ],
    [
      'a required name with no schema',
      'events:\n  purchase:\n    required: [transaction_idd]\n    properties:\n      transaction_id: {type: string}\n',
      3,
      'fix the spelling',
    ],
  ])('warns about %s', (_case, text, line, hint) => {
    const result = loadPlan(text, 'p.yaml');

    expect(result.ok).toBe(true);
    const warning = result.ok ? result.warnings[0] : undefined;
    expect(warning).toMatchObject({ file: 'p.yaml', line });
    expect(warning?.hint).toContain(hint);
  });

  it('removes a format nothing checks, so validation does not guess', () => {
    const { plan } = loaded(
      loadPlan(
        'events:\n  e:\n    properties:\n      sku: {type: string, format: sku}\n',
        'p.yaml',
      ),
    );

    expect(plan.events['e']?.properties['sku']).toEqual({ type: 'string' });
  });
});
