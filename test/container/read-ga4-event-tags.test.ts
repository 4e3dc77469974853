import { describe, expect, it } from 'vitest';
import { readGa4EventTags } from '../../shared/container/read-ga4-event-tags.js';
import { readGoogleTags } from '../../shared/container/read-google-tags.js';
import { readFixture } from './container-fixtures.js';

const tagNamed = (file: string, name: string) => {
  const view = readGa4EventTags(readFixture(file)).find((candidate) => candidate.tag.name === name);
  if (!view) throw new Error(`${file} has no GA4 tag "${name}"`);
  return view;
};

describe('readGoogleTags', () => {
  it('reads a Google tag: its ID through a constant, shared parameters without tag settings, its settings variable', () => {
    const [google] = readGoogleTags(readFixture('shop-web'));

    expect(google?.measurementId).toMatchObject({
      raw: '{{Const - GA4 Measurement ID}}',
      value: 'G-SHOP7Q2XYZ',
    });
    expect(google?.sharedParameters).toEqual([{ name: 'user_id', value: '{{DLV - user.id}}' }]);
    expect(google?.settingsVariable).toBe('{{GA4 - Shared Event Settings}}');
    expect(google?.sendsPageView).toBe(true);
  });

  it('reads a GA4 configuration tag (gaawc): fields to set, user properties, page view', () => {
    const [configuration] = readGoogleTags(readFixture('publisher-web'));

    expect(configuration?.measurementId.value).toBe('G-NEWS55K1');
    expect(configuration?.sharedParameters).toEqual([
      { name: 'content_group', value: '{{DLV - article.section}}' },
    ]);
    expect(configuration?.userProperties).toEqual([
      { name: 'logged_in', value: '{{JS - logged in}}' },
    ]);
  });

  it('sees a Google tag whose send_page_view is false', () => {
    const tags = readGoogleTags(readFixture('saas-web'));

    expect(tags.map((tag) => [tag.tag.name, tag.sendsPageView])).toEqual([
      ['Google tag - product', false],
      ['Google tag - marketing site', true],
    ]);
  });
});

describe('readGa4EventTags', () => {
  it.each([
    {
      file: 'shop-web',
      name: 'GA4 - purchase',
      source: 'override',
      id: 'G-SHOP7Q2XYZ',
      google: 'Google tag - G-SHOP7Q2XYZ',
    },
    {
      file: 'publisher-web',
      name: 'GA4 - share',
      source: 'configuration-tag',
      id: 'G-NEWS55K1',
      google: 'GA4 - Configuration',
    },
    {
      file: 'saas-web',
      name: 'GA4 - sign_up',
      source: 'override',
      id: 'G-APP1111',
      google: 'Google tag - product',
    },
    {
      file: 'saas-web',
      name: 'GA4 - generate_lead',
      source: 'override',
      id: 'G-WWW2222',
      google: 'Google tag - marketing site',
    },
    {
      file: 'saas-web',
      name: 'GA4 - feature_used',
      source: 'none',
      id: undefined,
      google: undefined,
    },
    {
      file: 'minimal-web',
      name: 'GA4 - cta_click',
      source: 'only-google-tag',
      id: 'G-MINI1',
      google: 'Google tag',
    },
  ])(
    '$file "$name" takes its measurement ID from: $source',
    ({ file, name, source, id, google }) => {
      const view = tagNamed(file, name);

      expect(view.measurementIdSource).toBe(source);
      expect(view.measurementId?.value).toBe(id);
      expect(view.googleTag?.tag.name).toBe(google);
    },
  );

  it('reads the event settings table of current tags and the event parameters of older ones', () => {
    const current = tagNamed('shop-web', 'GA4 - purchase');
    const older = tagNamed('publisher-web', 'GA4 - share');

    expect(current.parameterTableKey).toBe('eventSettingsTable');
    expect(current.parameters).toEqual([
      { name: 'transaction_id', value: '{{DLV - ecommerce.transaction_id}}' },
    ]);
    expect(current.userProperties).toEqual([
      { name: 'first_purchase_date', value: '{{DLV - user.first_purchase}}' },
    ]);
    expect(older.parameterTableKey).toBe('eventParameters');
    expect(older.parameters.map((row) => row.name)).toEqual(['method', 'content_type', 'item_id']);
  });

  it('reads ecommerce from the data layer or a custom object, and user-provided data', () => {
    expect(tagNamed('shop-web', 'GA4 - view_item')).toMatchObject({
      sendsEcommerceData: true,
      sendsUserProvidedData: false,
    });
    expect(tagNamed('shop-web', 'GA4 - view_item').ecommerceObject).toBeUndefined();
    expect(tagNamed('saas-web', 'GA4 - purchase (subscriptions)').ecommerceObject).toBe(
      '{{JS - subscription ecommerce}}',
    );
    expect(tagNamed('saas-web', 'GA4 - generate_lead').sendsUserProvidedData).toBe(true);
  });

  it('keeps an event name built from variables as written, with what it depends on', () => {
    const audio = tagNamed('publisher-web', 'GA4 - audio');

    expect(audio.eventName.raw).toBe('audio_{{DLV - audioStatus}}');
    expect(audio.eventName.value).toBeUndefined();
    expect(audio.eventName.dynamicReferences).toEqual(['DLV - audioStatus']);
  });

  it('finds no GA4 tag in a server container', () => {
    expect(readGa4EventTags(readFixture('server-ga4'))).toEqual([]);
  });
});
