import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/container/container-types.js';
import { validateContainerExport } from '../../shared/container/validate-container-export.js';
import { readFixture } from './container-fixtures.js';

const exportOf = (version: JsonObject): JsonObject => ({
  exportFormatVersion: 2,
  containerVersion: version,
});
const tag = (id: string, name: string, extra: JsonObject = {}): JsonObject => ({
  tagId: id,
  name,
  type: 'html',
  fingerprint: '1',
  parameter: [{ type: 'TEMPLATE', key: 'html', value: '<script></script>' }],
  ...extra,
});

describe('validateContainerExport', () => {
  it.each(['shop-web', 'publisher-web', 'minimal-web', 'server-ga4'])(
    'accepts the whole of %s… once fingerprints are there',
    (file) => {
      const container = readFixture(file);
      const issues = validateContainerExport(container.document);

      // The hand-written export has neither fingerprints nor text ids, as GTM would.
      if (file === 'minimal-web')
        expect(issues.map((issue) => issue.message)).toContain('fingerprint is missing');
      else expect(issues).toEqual([]);
    },
  );

  it.each([
    {
      problem: 'not an object',
      document: [],
      message: 'the export is not a JSON object',
      path: '$',
    },
    {
      problem: 'another format version',
      document: { exportFormatVersion: 1, containerVersion: {} },
      message: 'exportFormatVersion must be 2',
      path: '$.exportFormatVersion',
    },
    {
      problem: 'no container version',
      document: { exportFormatVersion: 2 },
      message: 'containerVersion is missing or not an object',
      path: '$.containerVersion',
    },
    {
      problem: 'a list that is not one',
      document: exportOf({ tag: {} }),
      message: 'tag must be a list',
      path: '$.containerVersion.tag',
    },
    {
      problem: 'an entry that is not an object',
      document: exportOf({ tag: ['x'] }),
      message: 'entry is not an object',
      path: '$.containerVersion.tag[0]',
    },
    {
      problem: 'a missing id',
      document: exportOf({ tag: [tag('', 'A')] }),
      message: 'tagId is missing',
      path: '$.containerVersion.tag[0].tagId',
    },
    {
      problem: 'a repeated id',
      document: exportOf({ tag: [tag('1', 'A'), tag('1', 'B')] }),
      message: 'tagId 1 is used twice',
      path: '$.containerVersion.tag[1].tagId',
    },
    {
      problem: 'a repeated name',
      document: exportOf({ tag: [tag('1', 'A'), tag('2', 'A')] }),
      message: 'the name "A" is used twice',
      path: '$.containerVersion.tag[1].name',
    },
    {
      problem: 'a missing fingerprint',
      document: exportOf({ folder: [{ folderId: '1', name: 'F' }] }),
      message: 'fingerprint is missing',
      path: '$.containerVersion.folder[0].fingerprint',
    },
    {
      problem: 'a missing type',
      document: exportOf({ variable: [{ variableId: '1', name: 'V', fingerprint: '1' }] }),
      message: 'type is missing',
      path: '$.containerVersion.variable[0].type',
    },
    {
      problem: 'a template without data',
      document: exportOf({ customTemplate: [{ templateId: '1', name: 'T', fingerprint: '1' }] }),
      message: 'templateData is missing',
      path: '$.containerVersion.customTemplate[0].templateData',
    },
    {
      problem: 'a parameter without a key',
      document: exportOf({
        tag: [tag('1', 'A', { parameter: [{ type: 'TEMPLATE', value: 'x' }] })],
      }),
      message: 'parameter key is missing',
      path: '$.containerVersion.tag[0].parameter[0].key',
    },
    {
      problem: 'a map row without a type',
      document: exportOf({
        tag: [tag('1', 'A', { parameter: [{ type: 'LIST', key: 'rows', list: [{ map: [] }] }] })],
      }),
      message: 'parameter type is missing',
      path: '$.containerVersion.tag[0].parameter[0].list[0].type',
    },
    {
      problem: 'a firing trigger nowhere',
      document: exportOf({ tag: [tag('1', 'A', { firingTriggerId: ['9'] })] }),
      message: 'refers to trigger 9, which neither the export nor the container holds',
      path: '$.containerVersion.tag[0]',
    },
    {
      problem: 'a variable nowhere',
      document: exportOf({
        tag: [
          tag('1', 'A', { parameter: [{ type: 'TEMPLATE', key: 'html', value: '{{Missing}}' }] }),
        ],
      }),
      message: 'refers to variable {{Missing}}, which neither the export nor the container holds',
      path: '$.containerVersion.tag[0]',
    },
    {
      problem: 'a setup tag nowhere',
      document: exportOf({ tag: [tag('1', 'A', { setupTag: [{ tagName: 'Gone' }] })] }),
      message: 'refers to tag "Gone", which neither the export nor the container holds',
      path: '$.containerVersion.tag[0]',
    },
    {
      problem: 'a folder nowhere',
      document: exportOf({ tag: [tag('1', 'A', { parentFolderId: '4' })] }),
      message: 'refers to folder 4, which neither the export nor the container holds',
      path: '$.containerVersion.tag[0]',
    },
    {
      problem: 'a template nowhere',
      document: exportOf({ tag: [tag('1', 'A', { type: 'cvt_2_40' })] }),
      message: 'refers to custom template 40, which neither the export nor the container holds',
      path: '$.containerVersion.tag[0]',
    },
    {
      problem: 'a trigger group member nowhere',
      document: exportOf({
        trigger: [
          {
            triggerId: '1',
            name: 'G',
            type: 'TRIGGER_GROUP',
            fingerprint: '1',
            parameter: [
              {
                type: 'LIST',
                key: 'triggerIds',
                list: [{ type: 'TRIGGER_REFERENCE', value: '8' }],
              },
            ],
          },
        ],
      }),
      message: 'refers to trigger 8, which neither the export nor the container holds',
      path: '$.containerVersion.trigger[0]',
    },
  ])('reports $problem', ({ document, message, path }) => {
    expect(validateContainerExport(document)).toContainEqual({ path, message });
  });

  it('accepts references to built-in triggers, internal variables and enabled built-in variables', () => {
    const document = exportOf({
      tag: [
        tag('1', 'A', {
          firingTriggerId: ['2147479553', '2147479573'],
          parameter: [{ type: 'TEMPLATE', key: 'html', value: '{{Page URL}} {{_event}}' }],
        }),
      ],
      builtInVariable: [{ type: 'PAGE_URL', name: 'Page URL' }],
    });

    expect(validateContainerExport(document)).toEqual([]);
  });

  it('resolves references against the container the export merges into', () => {
    const shop = readFixture('shop-web');
    const document = exportOf({
      tag: [
        tag('500', 'New tag', {
          firingTriggerId: ['33'],
          parentFolderId: '3',
          parameter: [{ type: 'TEMPLATE', key: 'html', value: '{{DLV - ecommerce.value}}' }],
        }),
      ],
    });

    expect(validateContainerExport(document, shop)).toEqual([]);
    expect(validateContainerExport(document).length).toBe(3);
  });

  it('reports a new object that takes the id of an existing one of another name', () => {
    const shop = readFixture('shop-web');
    const document = exportOf({
      tag: [tag('43', 'Not the purchase tag')],
      variable: [
        { variableId: '10', name: 'Const - GA4 Measurement ID', type: 'c', fingerprint: '1' },
      ],
    });

    expect(validateContainerExport(document, shop)).toEqual([
      {
        path: '$.containerVersion.tag[0].tagId',
        message: 'tagId 43 already belongs to "GA4 - purchase" in the container',
      },
    ]);
  });
});
