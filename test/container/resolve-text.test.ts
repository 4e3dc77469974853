import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/container/container-types.js';
import { resolveText } from '../../shared/container/resolve-text.js';
import { resolveVariableReference } from '../../shared/container/resolve-variable-reference.js';
import { readExportObject, readFixture } from './container-fixtures.js';

const constant = (id: string, name: string, value: string): JsonObject => ({
  variableId: id,
  name,
  type: 'c',
  parameter: [{ type: 'TEMPLATE', key: 'value', value }],
});

const container = readExportObject({
  exportFormatVersion: 2,
  containerVersion: {
    container: { usageContext: ['WEB'] },
    variable: [
      constant('1', 'GA4 ID', 'G-ABC123'),
      constant('2', 'Prefix', 'shop_'),
      constant('3', 'Event base', '{{Prefix}}checkout'),
      constant('4', 'Loop A', '{{Loop B}}'),
      constant('5', 'Loop B', '{{Loop A}}'),
      {
        variableId: '6',
        name: 'DLV - step',
        type: 'v',
        parameter: [{ type: 'TEMPLATE', key: 'name', value: 'step' }],
      },
    ],
    builtInVariable: [{ type: 'EVENT', name: 'Event' }],
  },
});

describe('resolveText', () => {
  it.each([
    { text: 'purchase', value: 'purchase', dynamic: [], missing: [] },
    { text: '{{GA4 ID}}', value: 'G-ABC123', dynamic: [], missing: [] },
    { text: '{{Event base}}_step', value: 'shop_checkout_step', dynamic: [], missing: [] },
    { text: 'checkout_{{DLV - step}}', value: undefined, dynamic: ['DLV - step'], missing: [] },
    { text: '{{Event}}', value: undefined, dynamic: ['Event'], missing: [] },
    { text: '{{Nowhere}}', value: undefined, dynamic: [], missing: ['Nowhere'] },
    { text: '{{Loop A}}', value: undefined, dynamic: ['Loop A'], missing: [] },
    { text: '{{ GA4 ID }}', value: undefined, dynamic: [], missing: [' GA4 ID '] },
  ])('"$text" resolves to $value', ({ text, value, dynamic, missing }) => {
    const resolved = resolveText(container, text);

    expect(resolved.raw).toBe(text);
    expect(resolved.value).toBe(value);
    expect(resolved.dynamicReferences).toEqual(dynamic);
    expect(resolved.missingReferences).toEqual(missing);
  });
});

describe('resolveVariableReference', () => {
  it.each([
    { name: 'GA4 ID', kind: 'variable' },
    { name: 'Event', kind: 'built-in' },
    { name: '_event', kind: 'internal' },
    { name: 'Page URL', kind: 'missing' },
    { name: 'constructor', kind: 'missing' },
    { name: '__proto__', kind: 'internal' },
  ])('{{$name}} is $kind', ({ name, kind }) => {
    expect(resolveVariableReference(container, name).kind).toBe(kind);
  });

  it('finds the built-in variables a real export enables', () => {
    const shop = readFixture('shop-web');

    expect(resolveVariableReference(shop, 'Click URL').kind).toBe('built-in');
    expect(resolveVariableReference(shop, 'Video Title').kind).toBe('missing');
  });
});
