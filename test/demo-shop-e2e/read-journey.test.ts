import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJourney } from '../demo-shop/journey/read-journey.js';

const bundled = readFileSync(new URL('../demo-shop/journey.yaml', import.meta.url), 'utf8');

describe('readJourney', () => {
  it('reads the demo shop journey into steps with their lines, and the expected events', () => {
    const result = readJourney(bundled);
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const { journey } = result;

    expect(journey.name).toBe('purchase with consent');
    expect(journey.steps).toHaveLength(20);
    expect(journey.steps.slice(0, 5)).toEqual([
      { kind: 'visit', path: '/', line: 8 },
      { kind: 'wait', testId: 'product-list', line: 9 },
      { kind: 'wait', testId: 'consent-banner', line: 10 },
      { kind: 'consent', answer: 'accept', line: 11 },
      { kind: 'click', testId: 'product-link-TW-TS-004', navigates: true, line: 12 },
    ]);
    expect(journey.steps).toContainEqual({
      kind: 'fill',
      fields: [
        { testId: 'email', value: 'jane.doe@example.com' },
        { testId: 'full-name', value: 'Jane Doe' },
        { testId: 'address', value: '12 Harbour Road, Kiel' },
        { testId: 'shipping-tier', value: 'Standard' },
      ],
      line: 25,
    });
    expect(journey.expectedEvents).toHaveLength(16);
  });

  it('reads numbers in fill and wait steps as text', () => {
    const result = readJourney('steps:\n  - fill: { quantity: 2 }\n  - wait: { cart-count: 2 }\n');
    expect(result.ok && result.journey.steps).toEqual([
      { kind: 'fill', fields: [{ testId: 'quantity', value: '2' }], line: 2 },
      { kind: 'wait', testId: 'cart-count', text: '2', line: 3 },
    ]);
  });

  it.each([
    ['no steps', 'name: x\n', /a journey needs a non-empty `steps` list/, 1],
    [
      'two actions in one step',
      'steps:\n  - click: a\n    visit: /\n',
      /step 1: needs exactly one of/,
      2,
    ],
    [
      'an unknown action',
      'steps:\n  - visit: /\n  - hover: a\n',
      /step 2: needs exactly one of .*found: hover/,
      3,
    ],
    [
      'navigates on a fill',
      'steps:\n  - fill: { a: b }\n    navigates: true\n',
      /belongs to a click step/,
      2,
    ],
    [
      'a consent answer that is neither',
      'steps:\n  - consent: maybe\n',
      /consent is `accept` or `reject`/,
      2,
    ],
    ['a fill with a list', 'steps:\n  - fill: [a, b]\n', /fill takes a mapping/, 2],
    ['a wait on two elements', 'steps:\n  - wait: { a: x, b: y }\n', /wait takes a data-testid/, 2],
    ['a test id with a quote', "steps:\n  - click: 'a\"b'\n", /click takes a data-testid/, 2],
    [
      'expected events that are not names',
      'steps:\n  - visit: /\nexpectedEvents: [1, {a: b}]\n',
      /must be a list of GA4 event names/,
      3,
    ],
  ])('refuses %s, naming the line', (_name, text, message, line) => {
    const result = readJourney(text, 'my-journey.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(message);
    expect(result.errors[0]).toMatchObject({ file: 'my-journey.yaml', line });
    expect(result.errors[0]?.message.startsWith(`my-journey.yaml:${line}: `)).toBe(true);
    expect(result.errors[0]?.hint).not.toBe('');
  });

  it('reports broken YAML instead of throwing', () => {
    const result = readJourney('steps: [\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/not valid YAML/);
  });

  it('never throws and never pollutes Object.prototype, whatever the text', () => {
    const keys = fc.constantFrom(
      'steps',
      'visit',
      'click',
      'fill',
      'wait',
      'consent',
      'navigates',
      '__proto__',
      'constructor',
      'name',
    );
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant('accept'));
    const yamlish = fc
      .array(fc.tuple(fc.nat(6), keys, value), { maxLength: 12 })
      .map((lines) =>
        lines
          .map(
            ([indent, key, text]) =>
              `${' '.repeat(indent)}${indent % 2 ? '- ' : ''}${key}: ${JSON.stringify(text)}`,
          )
          .join('\n'),
      );
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string()), (text) => {
        readJourney(text);
        expect(Object.prototype).toEqual({});
      }),
      { numRuns: 300 },
    );
  });
});
