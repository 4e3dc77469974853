import { describe, expect, it } from 'vitest';
import type { ConsentSignal, DecodedConsent } from '../../shared/events/event-types.js';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import * as partA from './fixtures/part-a-ga4-beacons.js';

const granted = (source: ConsentSignal['source']): ConsentSignal => ({
  effective: 'granted',
  source,
});
const denied = (source: ConsentSignal['source']): ConsentSignal => ({
  effective: 'denied',
  source,
});

/** `r`: denied by default, granted by an update. */
const R = { raw: 'r', default: 'denied', update: 'granted' } as const;
/** `p`: denied by default, no update. */
const P = { raw: 'p', default: 'denied' } as const;
/** `t`: granted by default, no update. */
const T = { raw: 't', default: 'granted' } as const;
/** `l`: consent mode not used for this signal. */
const L: ConsentSignal = { raw: 'l', effective: 'unset', source: 'gcd' };

/** The consent part of the first event, with the consent warnings only. */
function consentOf(url: string): { consent: DecodedConsent | undefined; warnings: string[] } {
  const [event] = decodeCollectHit(url);
  return {
    consent: event?.consent,
    warnings: (event?.warnings ?? [])
      .map((warning) => warning.code)
      .filter((code) => code.startsWith('gc') || code.startsWith('consent')),
  };
}

describe('consent (gcs, gcd and friends, protocol §3.7 and §4)', () => {
  it.each([
    [
      'A1: gcs=G100 alone, both storages denied',
      partA.A1.url,
      { gcs: 'G100', ad_storage: denied('gcs'), analytics_storage: denied('gcs') },
    ],
    [
      'A5: gcs=G111 and every gcd signal r, two extra letters',
      partA.A5.url,
      {
        gcs: 'G111',
        gcd: '13r3r3r2r5l1',
        gcdExtra: ['l1'],
        npa: '0',
        dma: '1',
        dmaCps: 'syphamo',
        pscdl: 'noapi',
        ad_storage: { ...R, ...granted('gcs') },
        analytics_storage: { ...R, ...granted('gcs') },
        ad_user_data: { ...R, ...granted('gcd') },
        ad_personalization: { ...R, ...granted('gcd') },
      },
    ],
    [
      'A8: gcs=G100 and every gcd signal p, dma_cps=-',
      partA.A8.url,
      {
        gcs: 'G100',
        gcd: '13p3p3p2p5l1',
        gcdExtra: ['l1'],
        npa: '1',
        dma: '1',
        dmaCps: '-',
        pscdl: 'denied',
        ad_storage: { ...P, ...denied('gcs') },
        analytics_storage: { ...P, ...denied('gcs') },
        ad_user_data: { ...P, ...denied('gcd') },
        ad_personalization: { ...P, ...denied('gcd') },
      },
    ],
    [
      'A10: a ten-character gcd of l only, no gcs',
      partA.A10.url,
      {
        gcd: '13l3l3l2l1',
        npa: '1',
        dma: '1',
        dmaCps: 'sypham',
        pscdl: 'noapi',
        ad_storage: L,
        analytics_storage: L,
        ad_user_data: L,
        ad_personalization: L,
      },
    ],
    [
      'A27: gcs=G111 and every gcd signal t',
      partA.A27.url,
      {
        gcs: 'G111',
        gcd: '13t3t3t3t5l1',
        gcdExtra: ['l1'],
        npa: '0',
        dma: '0',
        pscdl: 'noapi',
        ad_storage: { ...T, ...granted('gcs') },
        analytics_storage: { ...T, ...granted('gcs') },
        ad_user_data: { ...T, ...granted('gcd') },
        ad_personalization: { ...T, ...granted('gcd') },
      },
    ],
    [
      'A28: the twelve-character all-l gcd',
      partA.A28.url,
      {
        gcd: '13l3l3l3l1l1',
        gcdExtra: ['l1'],
        npa: '0',
        dma: '0',
        pscdl: 'noapi',
        ad_storage: L,
        analytics_storage: L,
        ad_user_data: L,
        ad_personalization: L,
      },
    ],
    ['A2: no consent mode at all', partA.A2.url, {}],
  ])('decodes %s', (_, url, expected) => {
    expect(consentOf(url)).toEqual({ consent: expected, warnings: [] });
  });

  it('reads an uppercase letter in gcd but reports it, keeping the raw text (sample A15)', () => {
    const { consent, warnings } = consentOf(partA.A15.url);
    expect(consent).toMatchObject({ gcs: 'G111', gcd: '13t3tPt2t5l1', dmaCps: 'default' });
    expect(consent?.ad_user_data).toEqual({ ...T, ...granted('gcd') });
    expect(warnings).toEqual(['gcd_uppercase']);
  });

  it.each([
    ['13t3tPt2t5l1', 'position 5'],
    ['13L3l3R3l5l1', 'position 2, 6'],
    ['1\u{1F600}3T3l3l3l5', 'position 3'],
  ])('says where the uppercase letters of gcd %s stand, counting characters (%s)', (gcd, where) => {
    const [event] = decodeCollectHit(`v=2&en=x&gcd=${encodeURIComponent(gcd)}`);
    const warning = event?.warnings.find((candidate) => candidate.code === 'gcd_uppercase');
    expect(warning?.message).toContain(`(${where})`);
  });

  it('decodes an uppercase signal letter case-insensitively and keeps the letter as sent', () => {
    const { consent, warnings } = consentOf('v=2&en=x&gcd=13l3l3R3l5l1');
    expect(consent?.ad_user_data).toEqual({ ...R, raw: 'R', ...granted('gcd') });
    expect(warnings).toEqual(['gcd_uppercase']);
  });

  it.each([
    ['q', { default: 'denied', update: 'denied', effective: 'denied' }],
    ['m', { update: 'denied', effective: 'denied' }],
    ['n', { update: 'granted', effective: 'granted' }],
    ['u', { default: 'granted', update: 'denied', effective: 'denied' }],
    ['v', { default: 'granted', update: 'granted', effective: 'granted' }],
    ['e', { effective: 'unknown' }],
  ])('reads the gcd letter %s from the letter table', (letter, meaning) => {
    const { consent } = consentOf(`v=2&en=x&gcd=13l3l3${letter}3l5`);
    expect(consent?.ad_user_data).toEqual({ raw: letter, ...meaning, source: 'gcd' });
  });

  it('reports an unknown letter, a short gcd and a malformed gcs without guessing', () => {
    const { consent, warnings } = consentOf('v=2&en=x&gcs=G1x&gcd=13z3l');
    expect(consent).toEqual({
      gcs: 'G1x',
      gcd: '13z3l',
      ad_storage: { raw: 'z', effective: 'unknown', source: 'gcd' },
      analytics_storage: L,
    });
    expect(warnings).toEqual(['gcd_malformed', 'gcd_unknown_letter', 'gcs_malformed']);
  });

  it('lets gcs decide the storages but reports when gcd disagrees', () => {
    const { consent, warnings } = consentOf('v=2&en=x&gcs=G100&gcd=13t3t3t3t5');
    expect(consent?.ad_storage).toEqual({ ...T, ...denied('gcs') });
    expect(warnings).toEqual(['consent_mismatch', 'consent_mismatch']);
  });

  it('keeps the other privacy strings as sent', () => {
    const { consent } = consentOf('v=2&en=x&gcu=1&npa=1&dma=0&dma_cps=-&pscdl=label_only_1');
    expect(consent).toEqual({ gcu: '1', npa: '1', dma: '0', dmaCps: '-', pscdl: 'label_only_1' });
  });
});
