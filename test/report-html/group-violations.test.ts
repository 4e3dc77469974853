import { describe, expect, it } from 'vitest';
import { groupViolations } from '../../cli/report-html/group-violations.js';
import { checkedEvent } from './report-fixtures.js';

// The demo shop's deliberate bugs (test/demo-shop/README.md) on both layers, a warning, and a
// code that repeats on one event and path many times.
const events = [
  checkedEvent('add_to_cart', 'datalayer', [{ code: 'type_mismatch', path: '/items/0/price' }]),
  checkedEvent('add_shipping_info', 'datalayer', [
    { code: 'pii_suspected', path: '/customer_email', message: 'looks like an email address' },
  ]),
  checkedEvent('add_payment_info', 'datalayer', [{ code: 'missing_required', path: '/items' }]),
  checkedEvent('purchase', 'datalayer', [{ code: 'duplicate_event' }]),
  checkedEvent('add_shipping_info', 'ga4', [{ code: 'pii_suspected', path: '/customer_email' }]),
  checkedEvent('add_payment_info', 'ga4', [{ code: 'missing_required', path: '/items' }]),
  checkedEvent('purchase', 'ga4', [{ code: 'duplicate_event' }]),
  checkedEvent('view_item', 'ga4', [
    { code: 'naming_convention', severity: 'warning', path: '/Item Name' },
  ]),
  ...['select_item', 'select_item', 'select_item', 'select_item', 'view_cart'].map((name) =>
    checkedEvent(name, 'ga4', [{ code: 'ga4_limit', severity: 'info', path: '/items' }]),
  ),
  checkedEvent('view_cart', 'ga4'),
];

describe('grouping violations by code', () => {
  const groups = groupViolations(events);

  it('counts each code, errors first, then the commonest, then by name', () => {
    expect(groups.map((group) => [group.code, group.severity, group.count])).toEqual([
      ['duplicate_event', 'error', 2],
      ['missing_required', 'error', 2],
      ['pii_suspected', 'error', 2],
      ['type_mismatch', 'error', 1],
      ['naming_convention', 'warning', 1],
      ['ga4_limit', 'info', 5],
    ]);
  });

  it('names the events that carried each code once each', () => {
    const named = Object.fromEntries(groups.map((group) => [group.code, group.eventNames]));
    expect(named['pii_suspected']).toEqual(['add_shipping_info']);
    expect(named['ga4_limit']).toEqual(['select_item', 'view_cart']);
  });

  it('gives each example its event, layer, path, message, page and record', () => {
    const pii = groups.find((group) => group.code === 'pii_suspected');
    expect(pii?.examples[0]).toEqual({
      event: 'add_shipping_info',
      layer: 'datalayer',
      path: '/customer_email',
      message: 'looks like an email address',
      page: 'http://127.0.0.1:8080/checkout',
      source: expect.stringMatching(/^extension tab 7#\d+$/),
    });
    expect(pii?.examples.map((example) => example.layer)).toEqual(['datalayer', 'ga4']);
  });

  it('shows at most three examples, a different event before a repeat of one', () => {
    const limit = groups.find((group) => group.code === 'ga4_limit');
    expect(limit?.examples.map((example) => example.event)).toEqual([
      'select_item',
      'view_cart',
      'select_item',
    ]);
    expect(groupViolations(events, 1).every((group) => group.examples.length === 1)).toBe(true);
  });

  it('takes the highest severity a code had', () => {
    const mixed = groupViolations([
      checkedEvent('a', 'ga4', [{ code: 'pii_suspected', severity: 'warning' }]),
      checkedEvent('b', 'ga4', [{ code: 'pii_suspected', severity: 'error' }]),
    ]);
    expect(mixed).toMatchObject([{ code: 'pii_suspected', severity: 'error', count: 2 }]);
  });

  it('has no group when no event broke the plan', () => {
    expect(groupViolations([checkedEvent('view_cart', 'ga4')])).toEqual([]);
  });
});
