import { describe, expect, it } from 'vitest';
import type { Ga4Event } from '../../shared/events/event-types.js';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { unescapeHtmlAmpersands } from '../../shared/text/unescape-html-ampersands.js';
import type { Capture } from './fixtures/capture.js';
import * as partA from './fixtures/part-a-ga4-beacons.js';

type Expected = Partial<Omit<Ga4Event, 'warnings'>> & Record<string, unknown>;

interface Case {
  capture: Capture;
  expected: Expected;
  warnings?: string[];
}

function decode(capture: Capture): Ga4Event[] {
  const url = capture.isPasted === true ? unescapeHtmlAmpersands(capture.url) : capture.url;
  return decodeCollectHit(url, capture.body);
}

/** One event per capture; what the protocol notes establish for each (batches have their own file). */
const CASES: Case[] = [
  {
    capture: partA.A1,
    expected: {
      name: 'user_engagement',
      endpoint: 'region1.google-analytics.com/g/collect',
      params: { anonymize_ip: 'true', store_gac: 'false' },
      ids: {
        measurementId: 'G-VBMFL9G8M0',
        clientId: '111111101.1700000001',
        sessionId: '1690473430',
        sessionCount: 1,
        pageLoadId: '1635236402',
        hitSequence: 2,
      },
      page: {
        location: 'https://www.moddb.com/',
        title: 'Games and mods development for Windows, Linux and Mac - Mod DB',
        language: 'en-us',
        screenResolution: '1920x1200',
      },
      session: { engaged: false, engagementTimeMs: 2756 },
      unknown: { v: '2', gtm: '45je37q0' },
      items: [],
    },
  },
  {
    capture: partA.A2,
    expected: {
      name: 'page_view',
      ids: {
        measurementId: 'G-123456',
        clientId: '111111102.1700000002',
        sessionId: '1565188190',
        sessionCount: 2,
        pageLoadId: '1844589572',
        hitSequence: 1,
      },
      page: {
        location: 'https://omnibug.io/test',
        referrer: '',
        title: 'Omnibug test page',
        language: 'en-us',
        screenResolution: '2560x1440',
      },
      session: { engaged: true },
      unknown: { v: '2', gtm: '2oe7v2' },
    },
  },
  {
    capture: partA.A4,
    warnings: ['missing_event_name'],
    expected: {
      name: null,
      ids: {
        measurementId: 'G-DELYSDZ9Q3',
        clientId: '111111104.1700000004',
        userId: 'user@example.com',
        sessionId: '1691687380',
        sessionCount: 6,
        pageLoadId: '2031838059',
        hitSequence: 1,
      },
      clientHints: {
        architecture: 'x86',
        bitness: '64',
        fullVersionList:
          'Not/A)Brand;99.0.0.0|Google Chrome;115.0.5790.114|Chromium;115.0.5790.114',
        mobile: '0',
        model: '',
        platform: 'macOS',
        platformVersion: '13.4.1',
        wow64: '0',
      },
    },
  },
  {
    capture: partA.A5,
    expected: {
      name: 'page_view',
      endpoint: '',
      params: {},
      ids: { measurementId: 'G-F9XM71K45T', hitSequence: 13, sessionCount: 41 },
      page: {
        location:
          'https://sesamy.bestbytes.com/?utm_source=google&utm_medium=demandgen&utm_campaign=demandgenprodukte&utm_id=22133718417&utm_content=&utm_term=&gad_source=1&gad_campaignid=22133718417&gclid=TEST-GCLID-0000&gtm_debug=1747981544829',
        referrer: 'https://bestbytes.cloudflareaccess.com/',
        title: 'Sesamy Demo Page',
      },
      session: { engaged: true, engagementTimeMs: 12397 },
      flags: { lps: '1', are: '1', frm: '0', richsstsse: '' },
      serverSide: {
        rnd: '506702095.1749196701',
        etld: 'google.de',
        gcsub: 'region1',
        adr: '1',
        tft: '1749196701069',
        lpc: '253076363',
        navt: 'n',
        ude: '1',
        sw_exp: '1',
      },
      clientHints: {
        fullVersionList:
          'Chromium;136.0.7103.114|Google Chrome;136.0.7103.114|Not.A/Brand;99.0.0.0',
      },
      unknown: {
        v: '2',
        gtm: '45he5641v9184715813z89184708445za204zb9184708445',
        tag_exp:
          '101509157~103116026~103200004~103233427~103351869~103351871~104653070~104653072~104661466~104661468~104698127~104698129',
        ecid: '1000000011',
        _fplc: '0',
        ur: 'DE',
        ec_mode: 'a',
        _eu: 'AAAAAAQ',
        _tu: 'DA',
        tfd: '285810',
      },
    },
  },
  {
    capture: partA.A6,
    expected: {
      name: 'add_to_cart',
      params: { currency: 'USD', value: 30.03 },
      flags: { _c: '1', richsstsse: '', lps: '1', are: '1', frm: '0' },
      ids: { hitSequence: 14 },
      session: { engaged: true, engagementTimeMs: 3110 },
    },
  },
  {
    capture: partA.A7,
    expected: {
      name: 'select_item',
      params: { item_list_id: 'related_products', item_list_name: 'Related products' },
      session: { engaged: true, engagementTimeMs: 4363 },
    },
  },
  {
    capture: partA.A8,
    warnings: ['not_a_number'],
    expected: {
      name: 'scroll',
      params: { percent_scrolled: 90 },
      session: { engaged: false },
      flags: { gtm_up: '1', lps: '1', are: '1', frm: '0', richsstsse: '' },
      ids: { sessionCount: 1, hitSequence: 3 },
      page: { title: 'Sesamy' },
    },
  },
  {
    capture: partA.A10,
    expected: {
      name: 'remove_from_cart',
      params: { currency: 'USD', enable_page_views: 'false', value: 30.03 },
      flags: { _dbg: '1', are: '1', frm: '0', richsstsse: '' },
      page: {
        location: 'https://sesamy.local.bestbytes.net/?gtm_debug=1716795486020',
        referrer: 'https://tagassistant.google.com/',
        title: 'Home',
      },
      serverSide: { gcd: '13l3l3l2l1', tft: '1716795486104', ude: '0' },
      session: { engaged: true, engagementTimeMs: 10086 },
      unknown: { ur: '' },
    },
  },
  {
    capture: partA.A11,
    expected: {
      name: 'purchase',
      params: {
        currency: 'USD',
        value: 30.03,
        transaction_id: 'T_12345',
        coupon: 'SUMMER_FUN',
        shipping: 3.33,
        tax: 1.11,
      },
      flags: { _dbg: '1', _c: '1', are: '1', richsstsse: '' },
      page: { title: 'Server Side Tracking Prototype (codename: sniffer)' },
      session: { engaged: true },
      serverSide: { uc: '', gcd: '13l3l3l3l1', tft: '1709537217366' },
      unknown: { _eu: 'IA' },
    },
  },
  {
    capture: partA.A12,
    expected: {
      name: 'search',
      params: { currency: 'USD', value: 30.03 },
      serverSide: {
        uc: 'DE',
        etld: 'google.de',
        gcsub: 'region1',
        gcd: '13l3l3l3l1',
        tft: '1709325262551',
      },
      unknown: { ur: 'DE-BY' },
      session: { engaged: true, engagementTimeMs: 3187 },
    },
  },
  {
    capture: partA.A15,
    warnings: ['gcd_uppercase'],
    expected: {
      name: 'page_view',
      endpoint: 'analytics.example.com/collect',
      params: { content_group: 'page', custom_page_referrer: 'search.example.com' },
      session: { engaged: false, sessionStart: true },
      ids: { measurementId: 'G-ABCDEF1234', clientId: '111111111.1700000011', sessionCount: 44 },
      clientHints: {
        fullVersionList: 'Not A(Brand;8.0.0.0|Chromium;132.0.6834.160|Google Chrome;132.0.6834.160',
      },
      serverSide: {
        rnd: '1104800471.1739008122',
        adr: '1',
        tft: '1739008119036',
        lpc: '258934422',
        navt: 'n',
        ude: '0',
      },
      unknown: { gdid: 'dZTJkMz', ecid: '1000000055' },
    },
  },
  {
    capture: partA.A17,
    expected: {
      name: 'file_download',
      params: {
        link_id: '',
        link_url: 'https://www.itm.edu.co/wp-content/uploads/formatos/logos2026.zip',
        link_text: 'Viva el ITM',
        file_name: '/wp-content/uploads/formatos/logos2026.zip',
        file_extension: 'zip',
      },
      page: {
        title: 'Formatos Institucionales \u2013 ITM',
        referrer: 'https://www.bing.com/',
        language: 'es-419',
      },
      clientHints: {
        fullVersionList:
          'Not=A?Brand;99.0.0.0|Microsoft Edge;151.0.4129.93|Chromium;151.0.7922.138',
      },
      flags: { are: '1', frm: '0', ngs: '1' },
      unknown: { ae: 'a', rcb: '5' },
      session: { engaged: true, engagementTimeMs: 135 },
    },
  },
  {
    capture: partA.A18,
    expected: {
      name: 'file_download',
      endpoint: 'analytics.google.com/g/collect',
      params: {
        link_id: '',
        link_url: 'https://www.itm.edu.co/wp-content/uploads/formatos/logos2026.zip',
        link_text: 'Descargar',
        file_name: '/wp-content/uploads/formatos/logos2026.zip',
        file_extension: 'zip',
      },
      flags: { _gaz: '1', lps: '1', frm: '0' },
      unknown: { gaf: '2', rcb: '16', gtm: '45je68i1v882900881za200zb9177264783zd9177264783' },
      clientHints: { fullVersionList: 'Not=A?Brand;99.0.0.0|Brave;151.0.0.0|Chromium;151.0.0.0' },
      session: { engaged: true, engagementTimeMs: 7291 },
    },
  },
  {
    capture: partA.A19,
    expected: {
      name: 'form_start',
      params: {
        anonymize_ip: 'false',
        debug_mode: 'false',
        site_name: 'DemoApp- SLM',
        form_id: '',
        form_name: '',
        form_destination: 'http://localhost:3000/deep-research',
        form_length: 9,
        first_field_id: '',
        first_field_name: '',
        first_field_type: '',
        first_field_position: 2,
      },
      page: {
        location: 'http://localhost/deep-research',
        referrer: 'http://localhost:3000/deep-research',
      },
      session: { engaged: true, engagementTimeMs: 6595 },
    },
  },
  {
    capture: partA.A20,
    expected: {
      name: 'page_view',
      flags: { _ee: '1', are: '1', frm: '0' },
      page: { title: 'DEMO:SITE - Example Title', language: 'ko-kr' },
      clientHints: {
        fullVersionList: 'Google Chrome;137.0.7151.69|Chromium;137.0.7151.69|Not/A)Brand;24.0.0.0',
      },
    },
  },
  {
    capture: partA.A21,
    expected: { name: 'scroll', params: { percent_scrolled: 90 }, session: { engaged: true } },
  },
  {
    capture: partA.A22,
    expected: {
      name: 'page_view',
      ids: { measurementId: 'G-ZKTET1D58V', clientId: '111111116.1700000016', hitSequence: 1 },
      session: { engaged: false, firstVisit: true, newSessionId: true, sessionStart: true },
      flags: { are: '1', frm: '0', _geo: '1', _rdi: '1', _ee: '1' },
      page: { title: 'CrowdStrike: We Stop Breaches with AI-native Cybersecurity' },
      unknown: { gdid: 'dYWJhMj', tfd: '1360' },
    },
  },
  {
    capture: partA.A23,
    expected: {
      name: 'page_view',
      endpoint: 'gtm-abcdefg-hijkl.uc.r.appspot.com/g/collect',
      params: { debug_mode: 'true', anid: '1234' },
      page: { screenResolution: '3589x297', title: 'Products | Demo E-commerce Store' },
      serverSide: { uc: 'IL', etld: 'google.co.il', gcd: '13l3l3l3l1', tft: '1709204106779' },
      clientHints: {
        fullVersionList: 'Chromium;122.0.6261.69|Not(A:Brand;24.0.0.0|Google Chrome;122.0.6261.69',
      },
      unknown: { ur: 'IL-TA' },
    },
  },
  {
    capture: partA.A24,
    expected: {
      name: 'page_view',
      params: { device_type: 'desktop', site_context: 'Contexto predeterminado' },
      session: { engaged: false, firstVisit: true, newSessionId: true, sessionStart: true },
      flags: { are: '1', _geo: '1', _rdi: '1', _ee: '1' },
      page: { title: 'Garbarino', location: 'https://www.garbarino.com/', language: 'es-419' },
    },
  },
  {
    capture: partA.A27,
    expected: {
      name: 'page_view',
      endpoint: '/g/collect',
      params: {
        full_page_url: 'https://www.example.com/?gclid=123123',
        cookie_level: 'optimaal',
        event_id: '1760044298197_17643404997032',
        fbp: 'fb.1.1700000000000.1234567890123456789',
        login_status: 'Niet ingelogd',
      },
      userProperties: { cookie_level: 'optimaal' },
      flags: { ir: '1', richsstsse: '', lps: '1', are: '1', frm: '0' },
      session: { engaged: false, sessionStart: true },
      page: { location: 'https://www.example.cp,/?g=123123', title: 'Example' },
      serverSide: { etld: 'google.com.br', sw_exp: '1' },
      unknown: { ur: 'BR-SP', _tu: 'DAg' },
    },
  },
  {
    capture: partA.A28,
    expected: {
      name: 'purchase',
      params: {
        currency: 'USD',
        transaction_id: 'T_12345',
        value: 72.05,
        tax: 3.6,
        shipping: 5.99,
        coupon: 'SUMMER_SALE',
        customer_type: 'new',
      },
      flags: { _ee: '1', are: '1', frm: '0' },
      page: { title: 'Example Domain' },
    },
  },
  {
    capture: partA.A30,
    expected: {
      name: 'view_item',
      params: {
        currency: 'TWD',
        websiteCountry: 'TW',
        pageCategory: 'Product Page',
        pageSubCategory: 'Content',
        siteLocation: 'Product Page>Content',
        value: 1650,
      },
      flags: { _dbg: '1' },
      page: {
        language: 'Chinese',
        title: '水飽飽維他命B5保濕精華 | 保濕透亮修護三效到位',
        // One decode only: the site's own percent-encoding stays (protocol §2.1).
        location:
          'https://development.drunkelephant.com.tw/%E7%B2%BE%E8%8F%AF%E6%B6%B2-%E6%B0%B4%E9%A3%BD%E9%A3%BD%E7%B6%AD%E4%BB%96%E5%91%BDb5%E4%BF%9D%E6%BF%95%E7%B2%BE%E8%8F%AF-%7C-b-hydra%E2%84%A2-intensive-hydration-serum-856556004180.html',
        referrer:
          'https://development.drunkelephant.com.tw/%E7%B2%BE%E8%8F%AF%E6%B6%B2-%E7%B6%AD%E4%BB%96%E5%91%BDc%E6%B4%BB%E8%86%9A%E6%97%A5%E9%96%93%E7%B2%BE%E8%8F%AF-%7C-c-firma%E2%84%A2-fresh-day-serum-812343034358.html',
      },
      clientHints: {
        fullVersionList:
          'Chromium;116.0.5845.188|Not)A;Brand;24.0.0.0|Google Chrome;116.0.5845.188',
      },
    },
  },
  {
    capture: partA.A34,
    warnings: ['missing_event_name'],
    expected: { name: null, endpoint: 'www.google.com/g/collect', unknown: { '...': '' } },
  },
];

describe('decodeCollectHit over the corpus', () => {
  it.each(CASES.map((entry) => [entry.capture.id, entry] as const))(
    'decodes capture %s into one event',
    (_, { capture, expected, warnings = [] }) => {
      const events = decode(capture);
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event).toMatchObject({ layer: 'ga4', lineIndex: 0, ...expected });
      // Typed parameters are pinned exactly: a stray or missing one must fail.
      expect(event?.params).toEqual(expected.params ?? {});
      expect(event?.userProperties).toEqual(expected.userProperties ?? {});
      expect(event?.warnings.map((warning) => warning.code)).toEqual(warnings);
    },
  );

  it.each(CASES.map((entry) => [entry.capture.id, entry.capture] as const))(
    'keeps every key of capture %s in raw, still encoded',
    (_, capture) => {
      const url = capture.isPasted === true ? unescapeHtmlAmpersands(capture.url) : capture.url;
      const query = url.slice(url.indexOf('?') + 1);
      const [event] = decode(capture);
      const expectedRaw = Object.fromEntries(
        query.split('&').map((segment) => {
          const equalsAt = segment.indexOf('=');
          return equalsAt === -1
            ? [segment, '']
            : [segment.slice(0, equalsAt), segment.slice(equalsAt + 1)];
        }),
      );
      expect(event?.raw).toEqual(expectedRaw);
    },
  );

  it('puts every key in exactly one place: known fields, flags, server-side or unknown', () => {
    const [event] = decode(partA.A5);
    const unknownKeys = Object.keys(event?.unknown ?? {});
    expect(unknownKeys).not.toContain('tid');
    expect(unknownKeys).not.toContain('richsstsse');
    expect(unknownKeys.filter((key) => key.startsWith('sst.'))).toEqual([]);
  });

  it('reads a pasted capture only after its ampersands are unescaped (sample A22)', () => {
    const [asPasted] = decodeCollectHit(partA.A22.url);
    expect(asPasted?.name).toBeNull();
    expect(Object.keys(asPasted?.unknown ?? {})).toContain('amp;amp;tid');
    expect(decode(partA.A22)[0]?.ids.measurementId).toBe('G-ZKTET1D58V');
  });

  it('treats a POST with an empty body as the single event in its URL', () => {
    expect(decodeCollectHit(partA.A24.url, '')).toEqual(decodeCollectHit(partA.A24.url));
    expect(decodeCollectHit(partA.A24.url, '\r\n')).toEqual(decodeCollectHit(partA.A24.url));
  });

  it('gives plain JSON-serialisable events that survive a round trip unchanged', () => {
    for (const { capture } of CASES) {
      const events = decode(capture);
      expect(JSON.parse(JSON.stringify(events))).toEqual(events);
      expect(structuredClone(events)).toEqual(events);
    }
  });
});
