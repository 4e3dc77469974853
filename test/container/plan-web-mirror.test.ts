import { describe, expect, it } from 'vitest';
import type {
  ContainerIndex,
  GtmParameter,
  JsonObject,
} from '../../shared/container/container-types.js';
import { findParameter } from '../../shared/container/find-parameter.js';
import type { MirrorOptions, MirrorResult } from '../../shared/container/mirror-types.js';
import { planWebMirror } from '../../shared/container/plan-web-mirror.js';
import { readParameterRows } from '../../shared/container/read-parameter-rows.js';
import { validateContainerExport } from '../../shared/container/validate-container-export.js';
import {
  fixedNow,
  fixtureTemplate,
  readExportObject,
  readFixture,
  webExports,
} from './container-fixtures.js';
import { mergeExport } from './merge-export.js';

const mirror = (container: ContainerIndex, options: Partial<MirrorOptions> = {}) =>
  planWebMirror(container, { template: fixtureTemplate('web'), now: fixedNow, ...options });

const list = (result: MirrorResult, name: string): JsonObject[] =>
  ((result.export['containerVersion'] as JsonObject)[name] as JsonObject[] | undefined) ?? [];

const tagById = (result: MirrorResult, id: string | undefined) =>
  list(result, 'tag').find((tag) => tag['tagId'] === id);

const text = (tag: JsonObject | undefined, key: string) =>
  findParameter(tag?.['parameter'], key)?.value;

describe('planWebMirror over realistic exports', () => {
  it.each([
    { file: 'shop-web', mirrored: 10, withNotes: 1, skipped: 0 },
    { file: 'publisher-web', mirrored: 10, withNotes: 0, skipped: 1 },
    { file: 'saas-web', mirrored: 8, withNotes: 3, skipped: 1 },
    { file: 'minimal-web', mirrored: 2, withNotes: 1, skipped: 0 },
  ])(
    '$file: $mirrored mirror tags, $withNotes with notes, $skipped skipped',
    ({ file, mirrored, withNotes, skipped }) => {
      const result = mirror(readFixture(file));

      expect(result.summary).toMatchObject({
        mirrorTags: mirrored,
        withNotes,
        skipped,
        changed: 0,
      });
      expect(result.summary.added.tag).toBe(mirrored);
    },
  );

  it.each(webExports)(
    '%s: the export imports by merge (valid, references resolve, fingerprints present)',
    (file) => {
      const container = readFixture(file);
      const result = mirror(container, {
        joinKey: 'event_id',
        endpoint: 'https://collect.example.com/g/collect',
      });
      // The saas container itself refers to a variable it never defines; the mirror copies that.
      const known =
        file === 'saas-web'
          ? [
              'refers to variable {{DLV - plan_tier}}, which neither the export nor the container holds',
            ]
          : [];

      const merged = validateContainerExport(result.export, container).map(
        (issue) => issue.message,
      );
      const alone = validateContainerExport(result.export).map((issue) => issue.message);
      expect([...new Set(merged)]).toEqual(known);
      expect([...new Set(alone)]).toEqual(known);
      expect(result.export).toMatchObject({
        exportFormatVersion: 2,
        exportTime: '2026-01-01 00:00:00',
      });
    },
  );

  it.each(webExports)('%s: each mirror fires like its GA4 tag and sends what it sends', (file) => {
    const container = readFixture(file);
    const result = mirror(container);
    const [template] = list(result, 'customTemplate');
    const [folder] = list(result, 'folder').filter((entry) => entry['name'] === 'tagwarden mirror');

    for (const row of result.rows.filter((candidate) => candidate.mirrorTag)) {
      const source = container.tagsById.get(row.source.tagId);
      const mirrorTag = tagById(result, row.mirrorTag?.tagId);
      expect(mirrorTag?.['type']).toBe(
        `cvt_${container.containerId}_${String(template?.['templateId'])}`,
      );
      expect(mirrorTag?.['firingTriggerId'] ?? []).toEqual(source?.firingTriggerIds);
      expect(mirrorTag?.['blockingTriggerId'] ?? []).toEqual(source?.blockingTriggerIds);
      expect(mirrorTag?.['paused'] === true).toBe(source?.isPaused);
      expect(mirrorTag?.['consentSettings']).toEqual(source?.raw['consentSettings']);
      expect(mirrorTag?.['parentFolderId']).toBe(folder?.['folderId']);
      expect(text(mirrorTag, 'eventName')).toBe(row.eventName);
      expect(text(mirrorTag, 'endpoint')).toBe('{{tagwarden mirror - collector endpoint}}');
      expect(mirrorTag?.['notes']).toContain(`tagwarden:mirror-of=${row.source.tagId}`);
    }
  });

  it.each(webExports)('%s: new objects take ids above every id the container uses', (file) => {
    const container = readFixture(file);
    const result = mirror(container, { joinKey: 'event_id' });
    const existing = new Set([
      ...container.tags.map((tag) => tag.id),
      ...container.triggers.map((trigger) => trigger.id),
      ...container.variables.map((variable) => variable.id),
      ...container.folders.map((folder) => folder.id),
      ...container.templates.map((template) => template.id),
      ...container.zones.map((zone) => zone.id),
    ]);
    const highest = Math.max(...[...existing].map(Number).filter((id) => id < 2147479000));
    const newIds = [
      ...list(result, 'tag').map((tag) => String(tag['tagId'])),
      ...list(result, 'variable').map((variable) => String(variable['variableId'])),
      ...list(result, 'folder').map((folder) => String(folder['folderId'])),
      ...list(result, 'customTemplate').map((template) => String(template['templateId'])),
    ].filter((id) => !existing.has(id));

    expect(newIds.length).toBeGreaterThan(0);
    expect(new Set(newIds).size).toBe(newIds.length);
    for (const id of newIds) expect(Number(id)).toBeGreaterThan(highest);
  });
});

describe('what a mirror carries over', () => {
  const shop = mirror(readFixture('shop-web'));
  const mirrorOf = (result: MirrorResult, name: string) => {
    const row = result.rows.find((candidate) => candidate.source.name === name);
    return tagById(result, row?.mirrorTag?.tagId);
  };

  it('copies event parameters, user properties, the shared settings and the ecommerce setting', () => {
    const purchase = mirrorOf(shop, 'GA4 - purchase');

    expect(readParameterRows(purchase?.['parameter'], 'eventParameters', 'name', 'value')).toEqual([
      { name: 'transaction_id', value: '{{DLV - ecommerce.transaction_id}}' },
      { name: 'user_id', value: '{{DLV - user.id}}' },
    ]);
    expect(readParameterRows(purchase?.['parameter'], 'userProperties', 'name', 'value')).toEqual([
      { name: 'first_purchase_date', value: '{{DLV - user.first_purchase}}' },
    ]);
    expect(text(purchase, 'eventSettingsVariable')).toBe('{{GA4 - Shared Event Settings}}');
    expect(text(purchase, 'sendEcommerceData')).toBe('true');
    expect(text(purchase, 'measurementId')).toBe('{{Const - GA4 Measurement ID}}');
  });

  it("keeps a tag's own settings variable and copies the Google tag's shared rows it does not set", () => {
    const checkout = mirrorOf(shop, 'GA4 - begin_checkout');

    expect(text(checkout, 'eventSettingsVariable')).toBe('{{GA4 - Checkout Event Settings}}');
    expect(
      readParameterRows(checkout?.['parameter'], 'eventParameters', 'name', 'value').map(
        (row) => row.name,
      ),
    ).toEqual(['user_id', 'page_type']);
    expect(
      readParameterRows(checkout?.['parameter'], 'userProperties', 'name', 'value').map(
        (row) => row.name,
      ),
    ).toEqual(['customer_type']);
  });

  it('carries setup tags, priority and consent, leaves cleanup tags to the GA4 tag', () => {
    const purchase = mirrorOf(shop, 'GA4 - purchase');
    const signUp = mirrorOf(mirror(readFixture('publisher-web')), 'GA4 - sign_up');

    expect(purchase?.['setupTag']).toEqual([
      { tagName: 'Utility - consent defaults', stopOnSetupFailure: true },
    ]);
    expect(purchase?.['priority']).toEqual({ type: 'INTEGER', key: 'priority', value: '10' });
    expect(purchase?.['consentSettings']).toMatchObject({ consentStatus: 'NEEDED' });
    expect(signUp?.['teardownTag']).toBeUndefined();
  });

  it("mirrors a Google tag's page_view on the Google tag's trigger, with its configuration parameters", () => {
    const pageView = mirrorOf(shop, 'Google tag - G-SHOP7Q2XYZ');

    expect(text(pageView, 'eventName')).toBe('page_view');
    expect(pageView?.['firingTriggerId']).toEqual(['2147479573']);
    expect(readParameterRows(pageView?.['parameter'], 'eventParameters', 'name', 'value')).toEqual([
      { name: 'user_id', value: '{{DLV - user.id}}' },
    ]);
  });

  it('keeps a once-per-load firing option and a schedule', () => {
    const saas = mirror(readFixture('saas-web'));

    expect(mirrorOf(saas, 'GA4 - login')?.['tagFiringOption']).toBe('ONCE_PER_LOAD');
    expect(mirrorOf(saas, 'GA4 - tutorial_begin')?.['scheduleStartMs']).toBe('1767225600000');
  });

  it('copies the triggers, variables, folders and setup tags the new tags use, unchanged', () => {
    const container = readFixture('shop-web');
    const names = (entries: JsonObject[]) => entries.map((entry) => entry['name']);

    expect(names(list(shop, 'trigger'))).toContain('Block - internal traffic');
    expect(names(list(shop, 'variable'))).toEqual(
      expect.arrayContaining([
        'Regex - internal traffic',
        'Lookup - environment',
        'GA4 - Shared Event Settings',
      ]),
    );
    expect(names(list(shop, 'tag'))).toContain('Utility - consent defaults');
    expect(list(shop, 'trigger').find((trigger) => trigger['name'] === 'CE - purchase')).toEqual(
      container.triggersById.get('33')?.raw,
    );
    expect(list(shop, 'builtInVariable').map((builtIn) => builtIn['name'])).toEqual(
      expect.arrayContaining(['Page Hostname', 'Click URL']),
    );
  });

  it('leaves the copies out with includeDependencies false, so only the merged container resolves', () => {
    const container = readFixture('shop-web');
    const bare = mirror(container, { includeDependencies: false });

    expect(list(bare, 'trigger')).toEqual([]);
    expect(bare.summary.copiedDependencies).toBe(0);
    expect(validateContainerExport(bare.export, container)).toEqual([]);
    expect(validateContainerExport(bare.export).length).toBeGreaterThan(0);
  });
});

describe('the join key', () => {
  const container = readFixture('shop-web');
  const joined = mirror(container, { joinKey: 'event_id' });

  it('adds the key to each GA4 event tag and its mirror, from one event id variable', () => {
    const purchase = tagById(joined, '43');
    const mirrorRow = joined.rows.find((row) => row.source.tagId === '43');
    const mirrorTag = tagById(joined, mirrorRow?.mirrorTag?.tagId);
    const row = { name: 'event_id', value: '{{tagwarden mirror - event id}}' };

    expect(
      readParameterRows(
        purchase?.['parameter'],
        'eventSettingsTable',
        'parameter',
        'parameterValue',
      ),
    ).toContainEqual({ name: row.name, value: row.value });
    expect(
      readParameterRows(mirrorTag?.['parameter'], 'eventParameters', 'name', 'value'),
    ).toContainEqual(row);
    expect(joined.summary.changed).toBe(9);
    expect(mirrorRow?.notes.map((note) => note.code)).toContain('join_key_added');
  });

  it("defines the event id from a page id and the data layer's gtm.uniqueEventId", () => {
    const variables = list(joined, 'variable');
    const eventId = variables.find(
      (variable) => variable['name'] === 'tagwarden mirror - event id',
    );
    const counter = variables.find(
      (variable) => variable['name'] === 'tagwarden mirror - gtm.uniqueEventId',
    );

    expect(eventId?.['type']).toBe('jsm');
    expect(text(eventId, 'javascript')).toContain('{{tagwarden mirror - gtm.uniqueEventId}}');
    expect(counter).toMatchObject({ type: 'v' });
    expect(text(counter, 'name')).toBe('gtm.uniqueEventId');
  });

  it('adds the key as an event parameter row to older tags, and not to the Google tag', () => {
    const publisher = mirror(readFixture('publisher-web'), { joinKey: 'event_id' });
    const share = tagById(publisher, '71');

    expect(
      readParameterRows(share?.['parameter'], 'eventParameters', 'name', 'value').map(
        (row) => row.name,
      ),
    ).toContain('event_id');
    // The configuration tag the older tags name is copied so the reference resolves, unchanged.
    expect(tagById(publisher, '5')).toEqual(readFixture('publisher-web').tagsById.get('5')?.raw);
    expect(publisher.rows[0]?.notes.map((note) => note.code)).toContain('join_key_skipped');
  });

  it('leaves a tag that already sends the key as it is', () => {
    const document = JSON.parse(JSON.stringify(readFixture('minimal-web').document)) as JsonObject;
    const tags = (document['containerVersion'] as JsonObject)['tag'] as JsonObject[];
    const table = (tags[1]?.['parameter'] as GtmParameter[])[1];
    table?.list?.push({
      type: 'map',
      map: [
        { type: 'template', key: 'parameter', value: 'event_id' },
        { type: 'template', key: 'parameterValue', value: '{{Order ID}}' },
      ],
    });
    const result = mirror(readExportObject(document), { joinKey: 'event_id' });

    expect(result.summary.changed).toBe(0);
    expect(result.rows[1]?.notes.map((note) => note.code)).toContain('join_key_present');
  });
});

describe('runs over a container already mirrored', () => {
  it('finds the mirrors of an earlier run and adds nothing twice', () => {
    const container = readFixture('shop-web');
    const first = mirror(container, { joinKey: 'event_id' });
    const merged = readExportObject(mergeExport(container.document, first.export));
    const second = mirror(merged, { joinKey: 'event_id' });

    expect(second.summary.mirrorTags).toBe(0);
    expect(
      second.rows.every(
        (row) => row.status === 'skipped' && row.notes[0]?.code === 'already_mirrored',
      ),
    ).toBe(true);
    expect(second.summary.added).toEqual({
      tag: 0,
      trigger: 0,
      variable: 0,
      folder: 0,
      customTemplate: 0,
      builtInVariable: 0,
    });
  });

  it('reuses the template, folder and endpoint variable a container has, and updates the endpoint', () => {
    const saas = readFixture('saas-web');
    const result = mirror(saas, { endpoint: 'https://collect.lumen.example/v2' });
    const endpoint = list(result, 'variable').find(
      (variable) => variable['name'] === 'tagwarden mirror - collector endpoint',
    );

    expect(result.summary.added.customTemplate).toBe(0);
    expect(result.summary.added.folder).toBe(0);
    expect(list(result, 'customTemplate').map((template) => template['templateId'])).toEqual([
      '91',
    ]);
    expect(text(endpoint, 'value')).toBe('https://collect.lumen.example/v2');
    expect(result.rows.find((row) => row.source.name === 'GA4 - sign_up')?.status).toBe('skipped');
  });
});

describe('notes on what a mirror cannot copy exactly', () => {
  const codes = (file: string, tagName: string) =>
    mirror(readFixture(file), { joinKey: 'event_id' })
      .rows.find((row) => row.source.name === tagName)
      ?.notes.map((note) => note.code);

  it.each([
    { file: 'shop-web', tag: 'GA4 - purchase', code: 'setup_tag' },
    { file: 'shop-web', tag: 'GA4 - refund', code: 'paused' },
    { file: 'shop-web', tag: 'GA4 - wishlist and cart views', code: 'dynamic_event_name' },
    { file: 'publisher-web', tag: 'GA4 - audio', code: 'dynamic_event_name' },
    { file: 'publisher-web', tag: 'GA4 - sign_up', code: 'teardown_tag' },
    { file: 'publisher-web', tag: 'GA4 - article_view setup', code: 'sequenced_only' },
    { file: 'saas-web', tag: 'GA4 - sign_up', code: 'already_mirrored' },
    { file: 'saas-web', tag: 'GA4 - trial_started', code: 'missing_variable' },
    { file: 'saas-web', tag: 'GA4 - purchase (subscriptions)', code: 'custom_ecommerce_source' },
    { file: 'saas-web', tag: 'GA4 - generate_lead', code: 'user_provided_data' },
    { file: 'saas-web', tag: 'GA4 - feature_used', code: 'no_measurement_id' },
    { file: 'minimal-web', tag: 'GA4 - cta_click', code: 'measurement_id_assumed' },
  ])('$file "$tag": $code', ({ file, tag, code }) => {
    expect(codes(file, tag)).toContain(code);
  });

  it.each([
    { file: 'shop-web', codes: ['endpoint_placeholder', 'enhanced_measurement'] },
    { file: 'saas-web', codes: ['zone', 'enhanced_measurement', 'unresolved_reference'] },
  ])('$file container notes: $codes', ({ file, codes: expected }) => {
    expect(mirror(readFixture(file)).notes.map((note) => note.code)).toEqual(expected);
  });

  it('leaves out fields the template does not declare, and says which', () => {
    const template = {
      ...fixtureTemplate('web'),
      parameterNames: new Set(['eventName', 'endpoint', 'eventParameters']),
    };
    const result = planWebMirror(readFixture('shop-web'), { template, now: fixedNow });
    const keys = list(result, 'tag')
      .filter((tag) => String(tag['name']).endsWith('(tagwarden mirror)'))
      .flatMap((tag) => (tag['parameter'] as GtmParameter[]).map((parameter) => parameter.key));

    expect(new Set(keys)).toEqual(new Set(['eventName', 'endpoint', 'eventParameters']));
    const note = result.notes.find((candidate) => candidate.code === 'template_field_missing');
    for (const field of [
      'measurementId',
      'userProperties',
      'eventSettingsVariable',
      'sendEcommerceData',
    ]) {
      expect(note?.message).toContain(field);
    }
  });

  it('mirrors nothing in a container without GA4 tags', () => {
    const empty = readExportObject({
      exportFormatVersion: 2,
      containerVersion: { container: { usageContext: ['WEB'] }, tag: [] },
    });
    const result = mirror(empty);

    expect(result.rows).toEqual([]);
    expect(result.summary.mirrorTags).toBe(0);
  });
});
