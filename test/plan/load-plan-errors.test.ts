import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { PlanError } from '../../shared/plan/plan-types.js';

function errorsOf(text: string, fileName: string): PlanError[] {
  const result = loadPlan(text, fileName);
  if (result.ok) throw new Error('expected the plan to be rejected');
  return result.errors;
}

const purchaseWithUnclosedMap = [
  'name: shop',
  'events:',
  '  purchase:',
  '    properties:',
  '      value: {type: number',
  '',
].join('\n');

const jsonWithMissingComma = [
  '{',
  '  "events": {',
  '    "purchase": {"required": ["transaction_id"]}',
  '    "refund": {}',
  '  }',
  '}',
].join('\n');

const eventsAsList = ['name: shop', 'events:', '  - name: purchase', '  - name: refund', ''].join(
  '\n',
);

const badRegex = [
  'events:',
  '  purchase:',
  '    properties:',
  '      currency:',
  '        type: string',
  "        pattern: '^[A-Z{3}$'",
  '',
].join('\n');

const danglingRef = [
  '$defs:',
  '  item: {type: object, required: [item_id]}',
  'events:',
  '  purchase:',
  '    properties:',
  '      items:',
  '        type: array',
  "        items: {$ref: '#/$defs/product'}",
  '',
].join('\n');

const schemaNotAnObject = [
  'events:',
  '  purchase:',
  '    properties:',
  '      value: number',
  '',
].join('\n');

describe('rejecting a broken plan', () => {
  it.each([
    [
      'a YAML syntax error',
      purchaseWithUnclosedMap,
      'shop.yaml',
      5,
      'YAML syntax error',
      'close any [ or {',
    ],
    [
      'a JSON syntax error',
      jsonWithMissingComma,
      'shop.json',
      4,
      'JSON syntax error',
      'missing comma',
    ],
    [
      'events written as a list',
      eventsAsList,
      'shop.yaml',
      3,
      '"events" must be a map keyed by event name, not a list',
      'keyed by event name',
    ],
    ['a bad regular expression', badRegex, 'shop.yaml', 6, 'is invalid', 'close every ( and ['],
    [
      'a $ref that resolves nowhere',
      danglingRef,
      'shop.yaml',
      8,
      'points to #/$defs/product, which does not exist',
      '#/$defs/item',
    ],
    [
      'a property schema that is not an object',
      schemaNotAnObject,
      'shop.yaml',
      4,
      'must be a map of JSON Schema keywords',
      'Write "{type: number}"',
    ],
  ])('pins %s to its file, line and hint', (_case, text, fileName, line, message, hint) => {
    const [error, ...others] = errorsOf(text, fileName);

    expect(others).toEqual([]);
    expect(error?.file).toBe(fileName);
    expect(error?.line).toBe(line);
    expect(error?.column).toBeGreaterThan(0);
    expect(error?.message).toContain(message);
    expect(error?.hint).toContain(hint);
  });

  it.each([
    [
      'an unknown type name',
      'events:\n  e:\n    properties:\n      qty: {type: int}\n',
      4,
      'Did you mean "integer"?',
    ],
    [
      'a misspelt type name',
      'events:\n  e:\n    properties:\n      qty: {type: numbr}\n',
      4,
      'Did you mean "number"?',
    ],
    [
      'a date type',
      'events:\n  e:\n    properties:\n      at: {type: date-time}\n',
      4,
      'format: date-time',
    ],
    [
      'a draft-04 boolean exclusiveMinimum',
      'events:\n  e:\n    properties:\n      value: {minimum: 0, exclusiveMinimum: true}\n',
      4,
      'Give the bound itself',
    ],
    [
      'a tuple written as items',
      'events:\n  e:\n    properties:\n      pair: {items: [{}, {}]}\n',
      4,
      'prefixItems',
    ],
    [
      'a $ref outside the plan',
      "events:\n  e:\n    properties:\n      a: {$ref: 'https://example.com/s.json'}\n",
      4,
      'under $defs',
    ],
    ['required written as text', 'events:\n  e:\n    required: 7\n', 3, 'Write "required" as'],
    ['an event written as text', 'events:\n  purchase: yes please\n', 2, 'indented settings'],
    ['an unknown status', 'events:\n  e:\n    status: retired\n', 3, 'active, deprecated, draft'],
    [
      'an unknown layer',
      'events:\n  e:\n    layers: [datalayer, gtag]\n',
      3,
      'Use one of: datalayer, ga4, warehouse, other',
    ],
    [
      'an unknown naming style',
      'globals:\n  naming: snakecase\nevents: {}\n',
      2,
      'Did you mean "snake_case"?',
    ],
    [
      'an unknown severity code',
      'globals:\n  severity: {unplanned: error}\nevents: {}\n',
      2,
      'Did you mean "unplanned_event"?',
    ],
    [
      'a duplicate event name',
      'events:\n  purchase: {}\n  purchase: {}\n',
      3,
      'Each key may appear once',
    ],
    ['a tab used for indentation', 'events:\n\tpurchase: {}\n', 2, 'Indent'],
    ['an alias that contains itself', 'events: &loop\n  e: *loop\n', 2, 'anchor'],
    ['a plan with no events', 'name: shop\n', 1, 'events:'],
  ])('reports %s at its line', (_case, text, line, hint) => {
    const errors = errorsOf(text, 'p.yaml');

    expect(errors[0]?.line).toBe(line);
    expect(errors.map((error) => error.hint).join('\n')).toContain(hint);
  });

  it.each([
    ['an empty file', '', 'The plan is empty.'],
    ['a list', '- purchase\n- refund\n', 'not a tracking plan'],
    ['a bare string', 'purchase', 'not a tracking plan'],
    ['a map of plain values', 'purchase: 1\nrefund: 2\n', 'not a tracking plan'],
  ])('refuses %s with a pointer to the formats it knows', (_case, text, message) => {
    const [error] = errorsOf(text, 'p.yaml');

    expect(error).toMatchObject({ file: 'p.yaml', line: 1, column: 1 });
    expect(error?.message).toContain(message);
  });

  it('reports every schema problem of a plan at once', () => {
    const text =
      'events:\n  e:\n    properties:\n      a: {type: strin}\n      b: {pattern: "("}\n      c: {minLength: -1}\n';

    expect(errorsOf(text, 'p.yaml').map((error) => error.line)).toEqual([4, 5, 6]);
  });

  it('requires strict JSON in a .json file, trailing commas included', () => {
    const [error] = errorsOf('{\n  "events": {\n    "purchase": {},\n  }\n}\n', 'p.json');

    expect(error?.line).toBe(4);
    expect(error?.hint).toContain('remove any comma before a closing');
  });

  it('never throws on input that is not text', () => {
    expect(loadPlan(undefined as unknown as string, 'p.yaml').ok).toBe(false);
    expect(loadPlan({} as unknown as string, '').ok).toBe(false);
  });
});
