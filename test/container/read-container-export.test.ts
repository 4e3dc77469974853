import { describe, expect, it } from 'vitest';
import { readContainerExport } from '../../shared/container/read-container-export.js';
import { fixtureText, readFixture } from './container-fixtures.js';

describe('readContainerExport reads real-shaped exports', () => {
  it.each([
    {
      file: 'shop-web',
      context: 'web',
      tags: 13,
      triggers: 10,
      variables: 13,
      folders: 3,
      builtIns: 8,
      templates: 0,
    },
    {
      file: 'publisher-web',
      context: 'web',
      tags: 13,
      triggers: 10,
      variables: 8,
      folders: 1,
      builtIns: 9,
      templates: 0,
    },
    {
      file: 'saas-web',
      context: 'web',
      tags: 11,
      triggers: 8,
      variables: 10,
      folders: 3,
      builtIns: 5,
      templates: 1,
    },
    {
      file: 'minimal-web',
      context: 'web',
      tags: 3,
      triggers: 1,
      variables: 0,
      folders: 0,
      builtIns: 2,
      templates: 0,
    },
    {
      file: 'server-ga4',
      context: 'server',
      tags: 1,
      triggers: 1,
      variables: 0,
      folders: 1,
      builtIns: 3,
      templates: 0,
    },
  ])('$file: a $context container with $tags tags and $triggers triggers', (row) => {
    const container = readFixture(row.file);

    expect(container.context).toBe(row.context);
    expect(container.tags).toHaveLength(row.tags);
    expect(container.triggers).toHaveLength(row.triggers);
    expect(container.variables).toHaveLength(row.variables);
    expect(container.folders).toHaveLength(row.folders);
    expect(container.builtInVariables).toHaveLength(row.builtIns);
    expect(container.templates).toHaveLength(row.templates);
    expect(container.warnings).toEqual([]);
  });

  it('indexes tags with their triggers, sequencing, folder and paused state', () => {
    const container = readFixture('shop-web');
    const purchase = container.tagsByName.get('GA4 - purchase');
    const refund = container.tagsByName.get('GA4 - refund');

    expect(purchase).toMatchObject({
      id: '43',
      type: 'gaawe',
      firingTriggerIds: ['33'],
      blockingTriggerIds: ['36'],
      setupTagNames: ['Utility - consent defaults'],
      folderId: '3',
      isPaused: false,
      path: '$.containerVersion.tag[4]',
    });
    expect(refund?.isPaused).toBe(true);
    expect(container.publicId).toBe('GTM-SHOP7Q2');
    expect(container.containerId).toBe('201337001');
  });

  it('keeps a hand-written export with numeric ids and lowercase parameter types', () => {
    const container = readFixture('minimal-web');

    expect(container.tagsById.get('7')?.firingTriggerIds).toEqual(['3']);
    expect(container.tagsById.get('1')?.firingTriggerIds).toEqual(['2147479553']);
    expect(container.zones).toEqual([]);
  });

  it('reads the zones of a container with their child containers', () => {
    const zones = readFixture('saas-web').zones;

    expect(zones).toHaveLength(1);
    expect(zones[0]).toMatchObject({
      id: '95',
      name: 'Partner widgets',
      childContainerIds: ['GTM-PARTNER1'],
    });
  });
});

describe('readContainerExport refuses what is not an export, naming the file, the path and a fix', () => {
  it.each([
    { input: 'an empty file', text: '', message: 'x.json is empty', path: '$' },
    {
      input: 'broken JSON',
      text: '{\n  "exportFormatVersion": 2,\n  "containerVersion": {\n',
      message: 'not valid JSON: ',
      path: '$',
    },
    { input: 'a JSON array', text: '[1, 2]', message: 'not an object', path: '$' },
    {
      input: 'a GTM template',
      text: fixtureText('web-mirror.tpl'),
      message: 'is a GTM template (.tpl)',
      path: '$',
    },
    {
      input: 'a HAR capture',
      text: '{"log": {"entries": []}}',
      message: 'is a HAR capture',
      path: '$.log',
    },
    {
      input: 'an unrelated JSON object',
      text: '{"name": "package"}',
      message: 'has no "containerVersion"',
      path: '$',
    },
    {
      input: 'a version 1 export',
      text: JSON.stringify({
        exportFormatVersion: 1,
        containerVersion: { tag: [], macro: [], rule: [] },
      }),
      message: 'is a version 1 export',
      path: '$.exportFormatVersion',
    },
    {
      input: 'a version 1 export without the version number',
      text: JSON.stringify({ containerVersion: { tag: [], macro: [{ name: 'url' }], rule: [] } }),
      message: 'is a version 1 export',
      path: '$.exportFormatVersion',
    },
  ])('$input', ({ text, message, path }) => {
    const result = readContainerExport(text, 'x.json');

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toContain(message);
    expect(result.errors[0]?.path).toBe(path);
    expect(result.errors[0]?.hint).toMatch(/Export Container|--template/);
  });

  it('points broken JSON at its line and column', () => {
    const result = readContainerExport('{\n  "a": 1,\n  oops\n}', 'broken.json');

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/line 3, column 3/);
  });

  it('refuses a server container where a web one is expected, with the hint the caller gives', () => {
    const result = readContainerExport(fixtureText('server-ga4.json'), 'server.json', {
      expect: 'web',
      wrongContextHint: 'Add --server.',
    });

    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: 'server.json',
          path: '$.containerVersion.container.usageContext',
          message: 'server.json is a SERVER container export; a web container is needed here.',
          hint: 'Add --server.',
        },
      ],
    });
  });

  it('refuses a web container where a server one is expected', () => {
    const result = readContainerExport(fixtureText('shop-web.json'), 'shop.json', {
      expect: 'server',
    });

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain('is a WEB container export');
  });
});

describe('readContainerExport tolerates what it can read around', () => {
  it('reads a bare container version (GTM API shape) with a warning', () => {
    const bare = (JSON.parse(fixtureText('shop-web.json')) as { containerVersion: unknown })
      .containerVersion;
    const result = readContainerExport(JSON.stringify(bare), 'bare.json');

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.container.tags).toHaveLength(13);
    expect(result.container.warnings.map((warning) => warning.path)).toEqual(['$']);
  });

  it('reads a file with a byte order mark and an unknown format version, with a warning', () => {
    const document = JSON.parse(fixtureText('minimal-web.json')) as Record<string, unknown>;
    document['exportFormatVersion'] = 3;
    const result = readContainerExport(`\uFEFF${JSON.stringify(document)}`, 'future.json');

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.container.warnings[0]?.path).toBe('$.exportFormatVersion');
  });

  it('skips entries that are not objects or have no id, and reports repeated ids', () => {
    const document = {
      exportFormatVersion: 2,
      containerVersion: {
        container: { usageContext: ['WEB'] },
        tag: [
          null,
          { name: 'no id', type: 'html' },
          { tagId: '5', name: 'A', type: 'html' },
          { tagId: '5', name: 'B', type: 'html' },
        ],
        trigger: 'not a list',
      },
    };
    const result = readContainerExport(JSON.stringify(document), 'odd.json');

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.container.tags.map((tag) => tag.name)).toEqual(['A', 'B']);
    expect(result.container.tagsById.get('5')?.name).toBe('A');
    expect(
      result.container.warnings.map((warning) => `${warning.path}: ${warning.message}`),
    ).toEqual([
      '$.containerVersion.tag[0]: this tag is not an object.',
      '$.containerVersion.tag[1]: this tag has no "tagId".',
      '$.containerVersion.tag[3]: tag id 5 appears more than once.',
      '$.containerVersion.trigger: "trigger" is not a list, so it was ignored.',
    ]);
  });

  it('takes a container without usageContext for a web container, or a server one when it has clients', () => {
    const web = readContainerExport(
      JSON.stringify({ exportFormatVersion: 2, containerVersion: { tag: [] } }),
      'a.json',
    );
    const server = readContainerExport(
      JSON.stringify({
        exportFormatVersion: 2,
        containerVersion: { client: [{ clientId: '1', name: 'GA4', type: 'gaaw_client' }] },
      }),
      'b.json',
    );

    expect(web.ok && web.container.context).toBe('web');
    expect(server.ok && server.container.context).toBe('server');
  });
});
