import { describe, expect, it } from 'vitest';
import { createDataLayerReplay } from '../../shared/datalayer/create-data-layer-replay.js';
import { replayPushes } from '../../shared/datalayer/replay-pushes.js';
import {
  D3_DUMP,
  D4_CHECKER_VIEW,
  d18GtagConsent,
  D18_FAKE_GTM_JS,
  D18_FLAT_CONSENT,
  gtag,
} from './real-captures.js';

function replayAfterSetup() {
  const replay = createDataLayerReplay();
  replay.push(gtag('set', 'bar', 'foo'));
  return replay;
}

const sparseTail: unknown[] = [];
sparseTail[3] = 4;
sparseTail[4] = 5;
sparseTail[5] = 6;

// Ported from data-layer-helper test/setCommand_test.js; every case starts from {bar: 'foo'}.
const setCases: Array<[string, IArguments[], Record<string, unknown>]> = [
  ['the 2-argument form sets a key', [gtag('set', 'foo', 'bar')], { bar: 'foo', foo: 'bar' }],
  [
    'the 2-argument form expands dots',
    [gtag('set', 'foobar.barfoo.val', 'testVal')],
    { bar: 'foo', foobar: { barfoo: { val: 'testVal' } } },
  ],
  ['the 2-argument form overwrites', [gtag('set', 'bar', 'newBar')], { bar: 'newBar' }],
  ['no arguments is a no-op', [gtag('set')], { bar: 'foo' }],
  ['three arguments is a no-op', [gtag('set', 'foo', 'bar', 'extra')], { bar: 'foo' }],
  ['a non-text key is a no-op', [gtag('set', 2, 'bar')], { bar: 'foo' }],
  ['a single non-object is a no-op', [gtag('set', 'no op')], { bar: 'foo' }],
  ['the 1-argument form merges one key', [gtag('set', { yes: 'no' })], { bar: 'foo', yes: 'no' }],
  [
    'the 1-argument form merges several keys',
    [gtag('set', { yes: 'no', hello: 'world', goodbye: 'bluesky' })],
    { bar: 'foo', yes: 'no', hello: 'world', goodbye: 'bluesky' },
  ],
  [
    'nested objects merge key by key',
    [gtag('set', { yes: { yes: 'no', no: 'yes' } }), gtag('set', { yes: { yes: 'yes' } })],
    { bar: 'foo', yes: { yes: 'yes', no: 'yes' } },
  ],
  [
    'arrays merge by index, holes keep values',
    [gtag('set', { array: [1, 2, 3] }), gtag('set', { array: sparseTail })],
    { bar: 'foo', array: [1, 2, 3, 4, 5, 6] },
  ],
  [
    'explicit undefined entries overwrite',
    [
      gtag('set', { array: [1, 2, 3, 4, 5, 6] }),
      gtag('set', { array: [undefined, undefined, undefined] }),
    ],
    { bar: 'foo', array: [undefined, undefined, undefined, 4, 5, 6] },
  ],
  [
    'objects merge through set',
    [gtag('set', { object: { test: 'value' } }), gtag('set', { object: { value: 'test' } })],
    { bar: 'foo', object: { test: 'value', value: 'test' } },
  ],
  [
    'the 1-argument form expands dotted keys too',
    [gtag('set', { 'user.id': 'u1' })],
    { bar: 'foo', user: { id: 'u1' } },
  ],
];

describe("gtag('set') (data-layer-helper setCommand_test, ported)", () => {
  it.each(setCases)('%s', (_name, calls, expected) => {
    const replay = replayAfterSetup();
    const steps = replay.push(...calls);
    expect(replay.model).toStrictEqual(expected);
    expect(steps.every((step) => step.kind === 'arguments' && step.event === null)).toBe(true);
  });

  it('warns about a no-op form', () => {
    const [step] = replayAfterSetup().push(gtag('set', 'foo', 'bar', 'extra'));
    expect(step?.warnings.map((warning) => warning.code)).toEqual(['gtag_arguments_invalid']);
  });

  it('records the call with its arguments in transport form', () => {
    const [step] = replayAfterSetup().push(gtag('set', { user_id: undefined }));
    expect(step?.gtag).toEqual({
      command: 'set',
      args: [{ user_id: { $undefined: true } }],
      params: { user_id: { $undefined: true } },
    });
  });
});

describe("gtag('event')", () => {
  it('becomes an event with its params on the step, not in the model', () => {
    const replay = createDataLayerReplay();
    replay.push({ page_type: 'home' });
    const [step] = replay.push(gtag('event', 'purchase', { transaction_id: 'T1', value: 9.99 }));

    expect(step).toMatchObject({ kind: 'arguments', event: 'purchase' });
    expect(step?.eventParams).toEqual({ transaction_id: 'T1', value: 9.99 });
    expect(step?.gtag).toMatchObject({ command: 'event', eventName: 'purchase' });
    expect(step?.model).toEqual({ page_type: 'home' });
  });

  it('has empty params when none were given', () => {
    const [step] = createDataLayerReplay().push(gtag('event', 'page_view'));
    expect(step?.eventParams).toEqual({});
  });

  it('replays D4 when the Arguments type was kept with a $arguments marker', () => {
    const d4 = JSON.parse(D4_CHECKER_VIEW) as Record<string, unknown>;
    const [step] = createDataLayerReplay().push({ $arguments: [d4['0'], d4['1'], d4['2']] });
    expect(step).toMatchObject({ kind: 'arguments', event: 'show_contact_info', model: {} });
    expect(step?.eventParams).toEqual({ email: 'user@example.com', phone: '00 00 00 00' });
  });

  it.each([
    [gtag('event'), 'gtag_arguments_invalid'],
    [gtag('event', 42), 'gtag_arguments_invalid'],
    [gtag('event', 'x', 'not params'), 'gtag_arguments_invalid'],
  ])('warns and names no event for %o', (call, code) => {
    const [step] = createDataLayerReplay().push(call);
    expect(step?.event).toBeNull();
    expect(step?.warnings.map((warning) => warning.code)).toEqual([code]);
  });
});

describe("gtag('config'), ('js') and ('get')", () => {
  it('records the destination of config and its params, without touching the model', () => {
    const [step] = createDataLayerReplay().push(
      gtag('config', 'G-DEMO000005', { send_page_view: false }),
    );
    expect(step?.gtag).toEqual({
      command: 'config',
      args: ['G-DEMO000005', { send_page_view: false }],
      targetId: 'G-DEMO000005',
      params: { send_page_view: false },
    });
    expect(step?.model).toEqual({});
    expect(step?.event).toBeNull();
  });

  it('records the start time of js', () => {
    const [step] = createDataLayerReplay().push(gtag('js', new Date('2025-11-10T07:21:33.896Z')));
    expect(step?.gtag?.startTime).toBe('2025-11-10T07:21:33.896Z');
    expect(step?.model).toEqual({});
  });

  it('records get without any model effect', () => {
    const [step] = createDataLayerReplay().push(
      gtag('get', 'G-DEMO000005', 'client_id', () => undefined),
    );
    expect(step?.gtag).toMatchObject({
      command: 'get',
      targetId: 'G-DEMO000005',
      field: 'client_id',
    });
    expect(step?.model).toEqual({});
  });

  it.each([
    [gtag('config'), 'gtag_arguments_invalid'],
    [gtag('js', 'later'), 'no warning'],
    [gtag('js', 5), 'gtag_arguments_invalid'],
    [gtag('add', 1, 2), 'gtag_command_unknown'],
    [gtag(), 'gtag_command_invalid'],
    [gtag(5), 'gtag_command_invalid'],
  ])('handles %o with %s', (call, code) => {
    const [step] = createDataLayerReplay().push(call);
    expect(step?.kind).toBe('arguments');
    expect(step?.warnings.map((warning) => warning.code)).toEqual(
      code === 'no warning' ? [] : [code],
    );
  });
});

describe("gtag('consent') (D18)", () => {
  it('sets the default of a signal from the Sirdata example', () => {
    const [step] = createDataLayerReplay().push(d18GtagConsent());
    expect(step?.consent.signals).toEqual({
      ad_user_data: { default: 'granted', effective: 'granted' },
    });
    expect(step?.gtag).toMatchObject({ command: 'consent', consentMode: 'default' });
    expect(step?.model).toEqual({});
  });

  it('lets an update win over the default, and a later default not undo it', () => {
    const replay = createDataLayerReplay();
    replay.push(
      gtag('consent', 'default', {
        ad_storage: 'denied',
        analytics_storage: 'denied',
        wait_for_update: 500,
      }),
    );
    replay.push(gtag('consent', 'update', { ad_storage: 'granted' }));
    replay.push(gtag('consent', 'default', { ad_storage: 'denied' }));

    expect(replay.consent.signals).toEqual({
      ad_storage: { default: 'denied', update: 'granted', effective: 'granted' },
      analytics_storage: { default: 'denied', effective: 'denied' },
    });
    expect(replay.consent.waitForUpdateMs).toBe(500);
  });

  it('keeps region-scoped defaults apart', () => {
    const replay = createDataLayerReplay();
    replay.push(gtag('consent', 'default', { ad_storage: 'denied', region: ['ES', 'US-AK'] }));
    expect(replay.consent.regionDefaults).toEqual({
      ES: { ad_storage: 'denied' },
      'US-AK': { ad_storage: 'denied' },
    });
    expect(replay.consent.signals).toEqual({});
  });

  it('gives each step the consent state after it, sharing it while unchanged', () => {
    const steps = replayPushes([
      { event: 'gtm.js' },
      gtag('consent', 'default', { analytics_storage: 'denied' }),
      { event: 'page' },
      gtag('consent', 'update', { analytics_storage: 'granted' }),
    ]);
    expect(steps.map((step) => step.consent.signals['analytics_storage']?.effective)).toEqual([
      undefined,
      'denied',
      'denied',
      'granted',
    ]);
    expect(steps[2]?.consent).toBe(steps[1]?.consent);
    expect(Object.isFrozen(steps[1]?.consent)).toBe(true);
  });

  it('rejects values other than granted or denied', () => {
    const [step] = createDataLayerReplay().push(
      gtag('consent', 'update', { ad_user_data: 'enabled' }),
    );
    expect(step?.consent.signals).toEqual({});
    expect(step?.warnings).toMatchObject([{ code: 'consent_value_invalid', key: 'ad_user_data' }]);
  });

  it.each([[gtag('consent', 'grant', {})], [gtag('consent', 'update')]])(
    'warns about the malformed %o',
    (call) => {
      const [step] = createDataLayerReplay().push(call);
      expect(step?.warnings.map((warning) => warning.code)).toEqual(['gtag_arguments_invalid']);
    },
  );

  it('does not change consent state for the flat-object misuse, and says so', () => {
    const steps = replayPushes([d18GtagConsent(), D18_FAKE_GTM_JS, D18_FLAT_CONSENT]);
    const flat = steps[2];

    expect(flat?.consent).toBe(steps[0]?.consent);
    expect(flat?.consent.signals).toEqual({
      ad_user_data: { default: 'granted', effective: 'granted' },
    });
    expect(flat?.model).toMatchObject({
      ad_user_data: 'enabled',
      ad_storage: 'granted',
      event: 'cookieConsentUpdate',
    });
    expect(flat?.warnings.map((warning) => warning.code)).toEqual(['consent_keys_in_message']);
    expect(steps[1]?.warnings.map((warning) => warning.code)).toEqual(['site_unique_event_id']);
  });
});

describe('serialised Arguments that lost their type (D3, D4)', () => {
  it('merges D3 as GTM would, with bogus keys "0" and "1", and explains why', () => {
    const steps = replayPushes(JSON.parse(D3_DUMP) as unknown[]);

    expect(steps.map((step) => step.kind)).toEqual(['object', 'object', 'object']);
    expect(steps.map((step) => step.gtag)).toEqual([undefined, undefined, undefined]);
    expect(steps[2]?.model).toEqual({
      gtm: { start: 1762759293896, uniqueEventId: 3 },
      event: 'gtm.js',
      0: 'config',
      1: 'G-DEMO000005',
    });
    expect(steps[1]?.warnings).toMatchObject([
      { code: 'arguments_lost_type', message: expect.stringContaining("gtag('js', …)") },
    ]);
    expect(steps[2]?.warnings.map((warning) => warning.code)).toEqual(['arguments_lost_type']);
  });

  it('merges D4 as an object, not an event, with a warning', () => {
    const [step] = replayPushes([JSON.parse(D4_CHECKER_VIEW)]);
    expect(step?.event).toBeNull();
    expect(step?.eventParams).toBeUndefined();
    expect(step?.model['2']).toEqual({ email: 'user@example.com', phone: '00 00 00 00' });
    expect(step?.warnings.map((warning) => warning.code)).toEqual(['arguments_lost_type']);
  });

  it.each([[{ 0: 'a', 2: 'b' }], [{ 0: 5 }], [{ 0: 'x', name: 'y' }], [{}]])(
    'does not take the look-alike %o for lost Arguments',
    (message) => {
      const [step] = replayPushes([message]);
      expect(step?.warnings.map((warning) => warning.code)).not.toContain('arguments_lost_type');
    },
  );
});
