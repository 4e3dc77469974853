import { describe, expect, it } from 'vitest';
import { createDataLayerReplay } from '../../shared/datalayer/create-data-layer-replay.js';
import { getModelValue } from '../../shared/datalayer/get-model-value.js';
import { replayPushes } from '../../shared/datalayer/replay-pushes.js';
import {
  D5_CLEAR,
  D5_VIEW_ITEM,
  d12Pushes,
  D13_BANNER,
  d21LinkClick,
  D22,
  FakeAnchor,
} from './real-captures.js';

describe('ecommerce null-clearing (notes §12, D5)', () => {
  const threeItems = {
    event: 'view_item_list',
    ecommerce: {
      item_list_id: 'related',
      items: [
        { item_id: 'A', item_name: 'Alpha', price: 1, coupon: 'OLD' },
        { item_id: 'B', item_name: 'Beta', price: 2 },
        { item_id: 'C', item_name: 'Gamma', price: 3 },
      ],
    },
  };
  const oneItem = { event: 'add_to_cart', ecommerce: { items: [{ item_id: 'Z', price: 9 }] } };

  it('leaves three items, item 0 blended, when the second push is not null-cleared (the trap)', () => {
    const [, step] = replayPushes([threeItems, oneItem]);
    expect(getModelValue(step?.model, 'ecommerce')).toEqual({
      item_list_id: 'related',
      items: [
        { item_id: 'Z', item_name: 'Alpha', price: 9, coupon: 'OLD' },
        { item_id: 'B', item_name: 'Beta', price: 2 },
        { item_id: 'C', item_name: 'Gamma', price: 3 },
      ],
    });
  });

  it('gives exactly one fresh item when {ecommerce: null} comes first', () => {
    const steps = replayPushes([threeItems, { ecommerce: null }, oneItem]);
    expect(steps[1]?.model['ecommerce']).toBeNull();
    expect(steps[2]?.model['ecommerce']).toEqual({ items: [{ item_id: 'Z', price: 9 }] });
  });

  it('replays D5 as written: null, then a view_item with one full item', () => {
    const steps = replayPushes([threeItems, D5_CLEAR, D5_VIEW_ITEM]);
    expect(steps[1]).toMatchObject({ event: null, model: { ecommerce: null } });
    expect(steps[2]?.event).toBe('view_item');
    expect(steps[2]?.model['ecommerce']).toEqual(D5_VIEW_ITEM.ecommerce);
  });

  it('needs its own clearing where ecommerce is nested elsewhere (GOV.UK search_results)', () => {
    const list = (ids: string[]) => ({
      search_results: { ecommerce: { items: ids.map((item_id) => ({ item_id })) } },
    });
    const stale = replayPushes([list(['a', 'b']), list(['c'])]);
    const cleared = replayPushes([
      list(['a', 'b']),
      { 'search_results.ecommerce': null },
      list(['c']),
    ]);
    expect(getModelValue(stale.at(-1)?.model, 'search_results.ecommerce.items')).toEqual([
      { item_id: 'c' },
      { item_id: 'b' },
    ]);
    expect(getModelValue(cleared.at(-1)?.model, 'search_results.ecommerce.items')).toEqual([
      { item_id: 'c' },
    ]);
  });

  it('matches the D22 merge-matrix case, which is the same trap', () => {
    const [, step] = replayPushes([D22.existing, D22.pushed]);
    expect(step?.model).toEqual(D22.result);
  });
});

describe('values that are kept as they are', () => {
  it('keeps D12 eventCallback / eventTimeout as values and never calls the callback', () => {
    const calls: string[] = [];
    const steps = replayPushes(d12Pushes(calls));

    expect(steps.map((step) => step.event)).toEqual(['sign_up', 'generate_lead', 'purchase']);
    expect(steps[1]?.model['eventCallback']).toEqual({ $function: 'eventCallback' });
    expect(steps[2]?.model).toMatchObject({
      eventTimeout: 4000,
      ecommerce: { value: 224.67 },
      form_id: '2023-lead-magnet',
    });
    expect(calls).toEqual([]);
  });

  it('lets a null in D13 overwrite while earlier keys persist', () => {
    const steps = replayPushes([
      { alpha: 'a', beta: 'b', gamma: 'c', variant: 'blue' },
      JSON.parse(D13_BANNER),
    ]);
    expect(steps[1]?.model).toMatchObject({
      alpha: 'a',
      beta: 'b',
      gamma: 'c',
      variant: null,
      event: 'banner_interaction',
    });
  });

  it('lets an explicit undefined overwrite across JSON ($undefined), where dropping it would leave stale data', () => {
    const steps = replayPushes([
      { event: 'search', search_term: 'shoes' },
      { event: 'page', search_term: { $undefined: true } },
      { event: 'page', search_term: undefined },
    ]);
    expect(steps[1]?.model['search_term']).toEqual({ $undefined: true });
    expect(steps[2]?.model['search_term']).toEqual({ $undefined: true });
  });

  it('stores D21 DOM node and functions by reference and snapshots them as markers', () => {
    const anchor = new FakeAnchor(
      'buy-now',
      'btn btn-primary',
      'https://shop.example/cart',
      '_blank',
    );
    const replay = createDataLayerReplay();
    const [step] = replay.push(d21LinkClick(anchor));

    expect(getModelValue(replay.model, 'gtm.element')).toBe(anchor);
    expect(step?.event).toBe('gtm.linkClick');
    expect(step?.model).toEqual({
      event: 'gtm.linkClick',
      gtm: {
        element: { $node: 'a#buy-now.btn.btn-primary' },
        elementClasses: 'btn btn-primary',
        elementId: 'buy-now',
        elementTarget: '_blank',
        elementUrl: 'https://shop.example/cart',
        triggers: '12_34',
      },
      eventTimeout: 2000,
      eventCallback: { $function: 'eventCallback' },
      eventReporter: { $function: 'eventReporter' },
    });
    expect(step?.push).toMatchObject({ 'gtm.element': { $node: 'a#buy-now.btn.btn-primary' } });
  });

  it('accepts D21 as it crosses JSON, with $node and $function markers', () => {
    const steps = replayPushes([
      {
        event: 'gtm.click',
        'gtm.element': { $node: 'button#go' },
        eventCallback: { $function: 'eventCallback' },
      },
      { event: 'gtm.click', 'gtm.element': { id: 'not-a-node' } },
    ]);
    expect(steps[0]?.model).toMatchObject({
      gtm: { element: { $node: 'button#go' } },
      eventCallback: { $function: 'eventCallback' },
    });
    // The node was opaque, so the plain object replaces it rather than merging into it.
    expect(steps[1]?.model['gtm']).toEqual({ element: { id: 'not-a-node' } });
  });
});
