import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { importFormats, importPlan } from '../../shared/plan/importers/import-plan.js';
import type { ImportResult } from '../../shared/plan/importers/import-types.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import { planFixture } from './plan-fixtures.js';

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeClean(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
}

function expectWellFormed(result: ImportResult): void {
  const issues = result.ok ? result.warnings : result.errors;
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(typeof issue.message).toBe('string');
  }
}

// Keys the importers look for, keys that attack prototypes, and noise.
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted'),
  fc.constantFrom(
    'version',
    'kind',
    'spec',
    'rules',
    'events',
    'properties',
    'types',
    'type',
    '$ref',
    'property',
    'required',
    'variants',
    'cases',
    'discriminator',
    'config',
    'propConfig',
    'item_types',
    'includes',
    'data_points',
    'data_plan_versions',
    'version_document',
    'match',
    'criteria',
    'validator',
    'definition',
    'self',
    'vendor',
    'name',
    'opentp',
    'event',
    'payload',
    'schema',
    'current',
    'dict',
    'value',
    'enum',
    'sources',
    'definitions',
    '$defs',
    'items',
    'allOf',
    'exclusiveMinimum',
    'pattern',
    'targets',
    'key',
  ),
  fc.string({ maxLength: 6 }),
);
const scalar = fc.oneof(
  fc.constantFrom(
    'rudder/v1',
    'rudder/v0.1',
    'tp',
    'tracking-plan',
    'properties',
    'custom-types',
    'events',
    'custom_event',
    'product_action',
    '#property:x',
    '#/properties/g/x',
    '#/definitions/x',
    '#event:x',
    '1-0-0',
    'current',
    'int',
    'string,null',
    '[',
    'web',
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
}));

// A real fixture with one subtree replaced by random data.
const fixtureNames = [
  'rudderstack/checkout-v1.yaml',
  'mparticle/shop-version-2.json',
  'avo/shop-export.json',
  'snowplow-iglu/refund.json',
  'opentrackplan/project/events/checkout/purchase.yaml',
];
function mutate(data: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || data === null || typeof data !== 'object') return replacement;
  const entries = Array.isArray(data)
    ? data.map((item, index) => [String(index), item] as const)
    : Object.entries(data);
  if (entries.length === 0) return replacement;
  const [index = 0, ...rest] = path;
  const target = entries[index % entries.length]?.[0];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(data) ? [...data] : { ...data };
  (copy as Record<string, unknown>)[target ?? ''] = mutate(
    (data as Record<string, unknown>)[target ?? ''],
    rest,
    replacement,
  );
  return copy;
}

const formats = [undefined, ...importFormats.map(({ format }) => format)];

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>)['polluted'];
});

describe('importers on malformed input', () => {
  it('never throw, whatever the data and whichever format is forced', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...formats), fc.boolean(), (data, from, asYaml) => {
        const text = asYaml ? stringify(data) : (JSON.stringify(data) ?? 'null');
        const result = importPlan(
          [{ name: 'plan.yaml', text }],
          from === undefined ? {} : { from },
        );
        expectWellFormed(result);
        expectPrototypeClean();
      }),
      { numRuns: 400 },
    );
  });

  it('never throw on real plans with a part replaced by random data', () => {
    const fixtures = fixtureNames.map((name) => ({ name, documents: parseFixture(name) }));
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(fc.nat(40), { maxLength: 6 }),
        value,
        (fixture, path, replacement) => {
          const documents = mutate(fixture.documents, path, replacement);
          const list = Array.isArray(documents) ? documents : [documents];
          const text = list.map((document) => stringify(document)).join('---\n');
          expectWellFormed(importPlan([{ name: fixture.name, text }]));
          const loaded = loadPlan(text, fixture.name);
          expect(typeof loaded.ok).toBe('boolean');
          expectPrototypeClean();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throw on text that is not YAML at all', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom(...formats), (text, from) => {
        expectWellFormed(
          importPlan([{ name: 'plan.yaml', text }], from === undefined ? {} : { from }),
        );
        expectPrototypeClean();
      }),
      { numRuns: 200 },
    );
  });
});

// A fixture as a list of its YAML documents, as plain data.
function parseFixture(name: string): unknown[] {
  const [file] = planFixture(name);
  return parseAllDocuments(file?.text ?? '').map((document) => document.toJS() as unknown);
}
