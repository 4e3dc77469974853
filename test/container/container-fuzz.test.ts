import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../shared/container/compute-coverage.js';
import type { JsonObject } from '../../shared/container/container-types.js';
import { isJsonObject } from '../../shared/container/is-json-object.js';
import { planServerMirror } from '../../shared/container/plan-server-mirror.js';
import { planWebMirror } from '../../shared/container/plan-web-mirror.js';
import { readContainerExport } from '../../shared/container/read-container-export.js';
import { readTemplateFile } from '../../shared/container/read-template-file.js';
import { validateContainerExport } from '../../shared/container/validate-container-export.js';
import { fixedNow, fixturePlan, fixtureText, fixtureTemplate } from './container-fixtures.js';

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const plan = fixturePlan('ga4-recommended');
const webTemplate = fixtureTemplate('web');
const serverTemplate = fixtureTemplate('server');

/** Everything tagwarden does with an export, which must never throw whatever the export holds. */
function runEverything(text: string): void {
  const read = readContainerExport(text, 'fuzz.json');
  validateContainerExport(safeParse(text));
  if (!read.ok) return;
  const { container } = read;
  const options = { now: fixedNow, joinKey: 'event_id', endpoint: 'https://collect.example.com' };
  const result =
    container.context === 'server'
      ? planServerMirror(container, { ...options, template: serverTemplate })
      : planWebMirror(container, { ...options, template: webTemplate });
  validateContainerExport(result.export, container);
  JSON.stringify(result.export);
  computeCoverage(container, plan);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function expectPrototypeClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

/** Every object and array inside a JSON value, to pick one to mutate. */
function containersOf(
  value: unknown,
  found: Array<JsonObject | unknown[]> = [],
  depth = 0,
): Array<JsonObject | unknown[]> {
  if (depth > 12) return found;
  if (Array.isArray(value)) {
    found.push(value);
    for (const item of value) containersOf(item, found, depth + 1);
  } else if (isJsonObject(value)) {
    found.push(value);
    for (const key of Object.keys(value)) containersOf(value[key], found, depth + 1);
  }
  return found;
}

const mutation = fc.record({
  target: fc.nat(),
  key: fc.constantFrom(
    'tagId',
    'triggerId',
    'name',
    'type',
    'parameter',
    'list',
    'map',
    'value',
    'key',
    'firingTriggerId',
    'setupTag',
    'usageContext',
    '__proto__',
    'constructor',
    'exportFormatVersion',
    'containerVersion',
  ),
  kind: fc.constantFrom('replace', 'delete', 'prototype', 'wrap'),
  value: fc.jsonValue({ maxDepth: 3 }),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer Value> ? Value : never;

function mutate(document: unknown, mutations: Mutation[]): unknown {
  for (const change of mutations) {
    const targets = containersOf(document);
    const target = targets[change.target % targets.length];
    if (target === undefined) continue;
    if (Array.isArray(target)) {
      const index = change.target % (target.length + 1);
      if (change.kind === 'delete') target.splice(index, 1);
      else target[index] = change.kind === 'wrap' ? [target[index]] : change.value;
      continue;
    }
    if (change.kind === 'delete') delete target[change.key];
    else if (change.kind === 'prototype') {
      Object.defineProperty(target, '__proto__', {
        value: { polluted: true, tagId: '1' },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else target[change.key] = change.kind === 'wrap' ? [target[change.key]] : change.value;
  }
  return document;
}

describe('container reading and mirroring never throw', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        runEverything(JSON.stringify(value) ?? '');
        runEverything(JSON.stringify({ exportFormatVersion: 2, containerVersion: value }) ?? '');
        expectPrototypeClean();
      }),
      { numRuns: 300 },
    );
  });

  it('on any text, and on any text before or inside a real export', () => {
    const shop = fixtureText('shop-web.json');
    fc.assert(
      fc.property(fc.string(), fc.nat(), (text, cut) => {
        runEverything(text);
        runEverything(shop.slice(0, cut % shop.length) + text);
        expectPrototypeClean();
      }),
      { numRuns: 200 },
    );
  });

  it.each(['shop-web', 'publisher-web', 'saas-web', 'minimal-web', 'server-ga4'])(
    'on %s with random parts replaced, removed or made hostile',
    (file) => {
      const original = fixtureText(`${file}.json`);
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
          const document = mutate(JSON.parse(original), mutations);
          runEverything(JSON.stringify(document) ?? '');
          expectPrototypeClean();
        }),
        { numRuns: 80 },
      );
    },
  );

  it('reading a template file never throws either', () => {
    const template = fixtureText('web-mirror.tpl');
    fc.assert(
      fc.property(fc.string(), fc.nat(), (text, cut) => {
        readTemplateFile(text, 'fuzz.tpl');
        readTemplateFile(template.slice(0, cut % template.length) + text, 'fuzz.tpl');
        expectPrototypeClean();
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a hostile __proto__ key as plain data in what it writes', () => {
    const document = JSON.parse(fixtureText('minimal-web.json')) as JsonObject;
    const tags = (document['containerVersion'] as JsonObject)['tag'] as JsonObject[];
    Object.defineProperty(tags[1], '__proto__', {
      value: { polluted: true },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const read = readContainerExport(JSON.stringify(document), 'hostile.json');
    if (!read.ok) throw new Error('the hostile export should still read');
    const result = planWebMirror(read.container, {
      template: webTemplate,
      now: fixedNow,
      joinKey: 'event_id',
    });

    expect(JSON.stringify(result.export)).toContain('"__proto__":{"polluted":true}');
    expectPrototypeClean();
  });
});
