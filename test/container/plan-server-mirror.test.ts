import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/container/container-types.js';
import { planServerMirror } from '../../shared/container/plan-server-mirror.js';
import { validateContainerExport } from '../../shared/container/validate-container-export.js';
import { fixedNow, fixtureTemplate, readExportObject, readFixture } from './container-fixtures.js';
import { mergeExport } from './merge-export.js';

const mirror = (file: string | JsonObject) =>
  planServerMirror(typeof file === 'string' ? readFixture(file) : readExportObject(file), {
    template: fixtureTemplate('server'),
    now: fixedNow,
    endpoint: 'https://collect.lumen.example/g/collect',
  });
const list = (document: JsonObject, name: string) =>
  ((document['containerVersion'] as JsonObject)[name] as JsonObject[] | undefined) ?? [];

describe('planServerMirror', () => {
  const container = readFixture('server-ga4');
  const result = mirror('server-ga4');
  const [tag] = list(result.export, 'tag');
  const [trigger] = list(result.export, 'trigger');

  it('adds the server mirror tag on a trigger that fires for every event the GA4 client claims', () => {
    expect(trigger).toMatchObject({
      type: 'ALWAYS',
      name: 'tagwarden mirror - GA4 client requests',
      filter: [
        {
          type: 'EQUALS',
          parameter: [
            { type: 'TEMPLATE', key: 'arg0', value: '{{Client Name}}' },
            { type: 'TEMPLATE', key: 'arg1', value: 'GA4' },
          ],
        },
      ],
    });
    expect(tag).toMatchObject({
      name: 'GA4 client events (tagwarden mirror)',
      firingTriggerId: [trigger?.['triggerId']],
      parameter: [
        { type: 'BOOLEAN', key: 'sendToHttp', value: 'true' },
        {
          type: 'TEMPLATE',
          key: 'httpEndpoint',
          value: '{{tagwarden mirror - collector endpoint}}',
        },
        { type: 'BOOLEAN', key: 'sendToBigQuery', value: 'false' },
      ],
    });
    expect(result.rows[0]?.notes.map((note) => note.code)).toEqual(['destination']);
    expect(result.rows).toEqual([
      expect.objectContaining({
        source: { tagId: '5', name: 'GA4', type: 'gaaw_client' },
        status: 'mirrored',
      }),
    ]);
  });

  it('fills a single endpoint field when that is what the template has', () => {
    const template = { ...fixtureTemplate('server'), parameterNames: new Set(['endpoint']) };
    const single = planServerMirror(container, { template, now: fixedNow });
    const [singleTag] = list(single.export, 'tag');

    expect(singleTag?.['parameter']).toEqual([
      { type: 'TEMPLATE', key: 'endpoint', value: '{{tagwarden mirror - collector endpoint}}' },
    ]);
    expect(single.rows[0]?.notes).toEqual([]);
  });

  it('writes a valid export: the server template, the endpoint constant, the Client Name built-in', () => {
    const [template] = list(result.export, 'customTemplate');

    expect(validateContainerExport(result.export, container)).toEqual([]);
    expect(validateContainerExport(result.export)).toEqual([]);
    expect(String(template?.['templateData'])).toContain('___SANDBOXED_JS_FOR_SERVER___');
    expect(tag?.['type']).toBe(`cvt_155009900_${String(template?.['templateId'])}`);
    expect(list(result.export, 'builtInVariable')).toEqual([
      expect.objectContaining({ type: 'CLIENT_NAME', name: 'Client Name' }),
    ]);
  });

  it('matches every GA4 client by name when there are several', () => {
    const document = structuredClone(container.document);
    const clients = list(document, 'client');
    clients.push({ clientId: '7', name: 'GA4 (EU)', type: 'gaaw_client', fingerprint: '1' });
    const [several] = list(mirror(document).export, 'trigger');

    expect(several?.['filter']).toEqual([
      {
        type: 'MATCH_REGEX',
        parameter: [
          { type: 'TEMPLATE', key: 'arg0', value: '{{Client Name}}' },
          { type: 'TEMPLATE', key: 'arg1', value: '^(GA4|GA4 \\(EU\\))$' },
        ],
      },
    ]);
  });

  it('expects a client named GA4, and says so, when the container has none', () => {
    const document = structuredClone(container.document);
    (document['containerVersion'] as JsonObject)['client'] = [];
    const bare = mirror(document);

    expect(bare.notes.map((note) => note.code)).toContain('no_ga4_client');
    expect(list(bare.export, 'builtInVariable')).toEqual([
      expect.objectContaining({ type: 'CLIENT_NAME' }),
    ]);
  });

  it('adds nothing on a second run over the merged container', () => {
    const merged = mergeExport(container.document, result.export);
    const second = mirror(merged);

    expect(second.summary.mirrorTags).toBe(0);
    expect(second.rows[0]?.notes[0]?.code).toBe('already_mirrored');
  });
});
