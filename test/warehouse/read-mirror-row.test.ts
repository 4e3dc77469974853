import { describe, expect, it } from 'vitest';
import { readMirrorRow } from '../../shared/warehouse/read-mirror-row.js';
import { A26, A28 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import { RECEIVED_AT, rowOf, rowsOf } from './mirror-test-rows.js';

const context = { source: 'server_mirror' as const, receivedAt: RECEIVED_AT + 1000 };

describe('readMirrorRow: rows sent as JSON', () => {
  it('accepts a mapped row unchanged after a JSON round trip', () => {
    for (const row of [rowOf(A28), ...rowsOf(A26)]) {
      const reading = readMirrorRow(JSON.parse(JSON.stringify(row)), context);
      expect(reading).toEqual({ row });
    }
  });

  it('fills what a minimal row leaves out: id, source, times, platform', () => {
    const reading = readMirrorRow({ event_name: 'sign_up' }, context);
    expect(reading).toMatchObject({
      row: {
        event_name: 'sign_up',
        source: 'server_mirror',
        platform: 'WEB',
        received_at: '2025-03-14T15:09:27.535Z',
        event_timestamp: (RECEIVED_AT + 1000) * 1000,
        event_date: '20250314',
        event_params: [],
        device: null,
      },
    });
    const again = readMirrorRow({ event_name: 'sign_up' }, { ...context, receivedAt: 0 });
    expect('row' in again && 'row' in reading && again.row.event_id === reading.row.event_id).toBe(
      true,
    );
  });

  it('reads int64 sent as digit text, as BigQuery JSON rows often carry them', () => {
    const reading = readMirrorRow({ event_name: 'x', batch_page_id: '1766755449798' }, context);
    expect('row' in reading && reading.row.batch_page_id).toBe(1766755449798);
  });

  it.each([
    ['no event_name', {}, 'event_name: required'],
    ['a numeric event_name', { event_name: 3 }, 'event_name: expected text, got number'],
    ['an unknown column', { event_name: 'x', colour: 'red' }, 'colour: is not a column'],
    [
      'an unknown struct field',
      { event_name: 'x', device: { gpu: 'x' } },
      'device.gpu: is not a column',
    ],
    [
      'a text price in an item',
      { event_name: 'x', items: [{ price: 'cheap' }] },
      'items[0].price: expected a finite number, got string',
    ],
    [
      'a bad timestamp',
      { event_name: 'x', received_at: 'yesterday' },
      'received_at: expected an ISO',
    ],
    ['an unknown source', { event_name: 'x', source: 'pixel' }, 'source: must be one of'],
    ['an array as the row', [], ': expected an object'],
    [
      'a whole number past 2^53',
      { event_name: 'x', event_timestamp: 2 ** 60 },
      'event_timestamp: expected a whole number',
    ],
  ])('refuses %s, naming the field', (_label, value, message) => {
    const reading = readMirrorRow(value, context);
    expect('error' in reading ? reading.error : '').toContain(message);
  });

  it('does not let a __proto__ key reach any prototype', () => {
    const value = JSON.parse(
      '{"event_name":"x","consent":{"__proto__":{"polluted":1}}}',
    ) as unknown;
    const reading = readMirrorRow(value, context);
    expect('row' in reading).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
