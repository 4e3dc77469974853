import { describe, expect, it } from 'vitest';
import { importPlan } from '../../shared/plan/importers/import-plan.js';
import type { ImportResult } from '../../shared/plan/importers/import-types.js';
import { createPlanValidator } from '../../shared/validate/create-plan-validator.js';

function imported(name: string, value: unknown): Extract<ImportResult, { ok: true }> {
  const result = importPlan([{ name, text: JSON.stringify(value, null, 2) }]);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const iglu = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  $schema:
    'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
  self: { vendor: 'test.shop', name: 'wishlist_add', format: 'jsonschema', version: '1-0-0' },
  type: 'object',
  properties,
  ...extra,
});

describe('importing plans with parts that do not translate', () => {
  it('turns unknown keys into warnings with their source path, and imports the rest', () => {
    const result = imported(
      'wishlist.json',
      iglu({ sku: { type: 'string', maxLenght: 20 } }, { 'x-owner': 'web', requird: ['sku'] }),
    );

    expect(Object.keys(result.plan.events)).toEqual(['wishlist_add']);
    expect(result.warnings.map(({ path, line }) => [path, line])).toEqual([
      ['/properties/sku/maxLenght', 13],
      ['/requird', 17],
    ]);
  });

  it('reads tool type names and text numbers, and drops what no validator can use', () => {
    const result = imported(
      'wishlist.json',
      iglu({
        sku: { type: 'String' },
        count: { type: 'int', minimum: '1' },
        added_at: { type: 'datetime' },
        note: { type: 'any' },
        code: { type: 'string', pattern: '[' },
        item: { $ref: 'iglu:com.acme/item/jsonschema/1-0-0' },
      }),
    );

    expect(result.plan.events['wishlist_add']?.properties).toEqual({
      sku: { type: 'string' },
      count: { type: 'integer', minimum: 1 },
      added_at: { type: 'string' },
      note: {},
      code: { type: 'string' },
      item: {},
    });
    expect(result.warnings.map((warning) => warning.path)).toEqual([
      '/properties/count/type',
      '/properties/count/minimum',
      '/properties/added_at/type',
      '/properties/code/pattern',
      '/properties/item/$ref',
    ]);
  });

  it('moves draft-03 required flags onto the object and keeps the event valid for GA4 hits', () => {
    const result = imported(
      'wishlist.json',
      iglu({ sku: { type: 'string', required: true }, list: { type: 'string' } }),
    );
    const verdict = createPlanValidator(result.plan).validate({
      name: 'wishlist_add',
      layer: 'ga4',
      properties: { list: 'x' },
    });

    expect(result.plan.events['wishlist_add']?.required).toEqual(['sku']);
    expect(verdict.violations.map((violation) => violation.code)).toEqual(['missing_required']);
  });

  it('renames clashing definitions per event and drops references that point nowhere', () => {
    const rule = (definition: unknown) => ({
      type: 'object',
      properties: {
        properties: {
          type: 'object',
          properties: {
            entry: { $ref: '#/definitions/entry' },
            lost: { $ref: '#/definitions/missing' },
          },
        },
      },
      definitions: { entry: definition },
    });
    const result = imported('avo.json', {
      name: 'Avo plan',
      events: [
        { id: 'a', name: 'list_viewed', sources: [], rules: rule({ type: 'string' }) },
        { id: 'b', name: 'list_shared', sources: [], rules: rule({ type: 'integer' }) },
      ],
    });

    expect(result.document.$defs).toEqual({
      entry: { type: 'string' },
      list_shared_entry: { type: 'integer' },
    });
    expect(result.document.events['list_shared']?.['properties']).toEqual({
      entry: { $ref: '#/$defs/list_shared_entry' },
      lost: {},
    });
    const dangling = result.warnings.filter((warning) =>
      warning.message.includes('missing" points nowhere'),
    );
    expect(dangling.map((warning) => warning.path)).toEqual(['/events/0', '/events/1']);
  });
});
