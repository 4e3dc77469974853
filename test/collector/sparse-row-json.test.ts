import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparseRowJson } from '../../collector/pipeline/sparse-row-json.js';
import { decodeCollectPayload } from '../../shared/ga4/decode-collect-hit.js';
import { splitUrl } from '../../shared/text/split-url.js';
import type { ColumnType } from '../../shared/warehouse/column-types.js';
import { ga4EventToMirrorRow } from '../../shared/warehouse/ga4-event-to-mirror-row.js';
import { MIRROR_COLUMNS } from '../../shared/warehouse/mirror-columns.js';
import type { MirrorRow } from '../../shared/warehouse/mirror-row.js';
import { A26, A28 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import { expectPrototypeUntouched } from '../ga4/fuzz-arbitraries.js';

const context = { source: 'collector' as const, receivedAt: 1_700_000_000_000 };

/** The rows the collector builds from a real capture. */
function rowsOf(capture: { url: string; body?: string }): MirrorRow[] {
  const { query } = splitUrl(capture.url);
  const body = capture.body === '' ? undefined : capture.body;
  return decodeCollectPayload(query, body, 'collector/g/collect')
    .map((event) => ga4EventToMirrorRow(event, context))
    .filter((row): row is MirrorRow => row !== null);
}

/** What the full row's JSON says, with every null object field taken out. */
function withoutNullFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullFields);
  if (typeof value !== 'object' || value === null) return value;
  const kept = Object.entries(value).filter(([, field]) => field !== null);
  return Object.fromEntries(kept.map(([key, field]) => [key, withoutNullFields(field)]));
}

/** The same row with the keys of every struct in the opposite order (free JSON kept as it is). */
function withKeysReversed(value: unknown, isFreeJson = false): unknown {
  if (isFreeJson) return value;
  if (Array.isArray(value)) return value.map((item) => withKeysReversed(item));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(
    entries.map(([key, field]) => [key, withKeysReversed(field, key === 'consent')]),
  );
}

function fullJsonWithoutNulls(row: unknown): unknown {
  return withoutNullFields(JSON.parse(JSON.stringify(row)));
}

/** A value of a column's type, often null, with text of any code points. */
function valueOf(type: ColumnType): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'struct':
      return fc.option(fc.record(recordOf(type.fields)));
    case 'array':
      return fc.option(fc.array(valueOf(type.of), { maxLength: 3 }));
    case 'int64':
      return fc.option(fc.oneof(fc.integer(), fc.constantFrom(NaN, Infinity)));
    case 'float64':
      return fc.option(fc.double());
    case 'bool':
      return fc.option(fc.boolean());
    case 'json':
      // Free JSON is written whole; values without nulls keep the comparison below simple.
      return fc.option(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())));
    default:
      return fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' })));
  }
}

function recordOf(
  columns: ReadonlyArray<{ name: string; type: ColumnType }>,
): Record<string, fc.Arbitrary<unknown>> {
  return Object.fromEntries(columns.map((column) => [column.name, valueOf(column.type)]));
}

describe('the sparse row JSON the DuckDB loader reads', () => {
  it.each([
    ['the A26 batch', A26],
    ['the A28 purchase with items', A28],
  ])('writes %s as the full JSON without its null fields', (_label, capture) => {
    const rows = rowsOf(capture);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const sparse = sparseRowJson(row);
      expect(JSON.parse(sparse)).toEqual(fullJsonWithoutNulls(row));
      expect(sparse.length).toBeLessThan(JSON.stringify(row).length);
    }
  });

  it('keeps empty lists, empty structs and null list items, which are not null fields', () => {
    const row = rowsOf(A26)[0]!;
    const parsed = JSON.parse(
      sparseRowJson({
        ...row,
        items: [],
        user_properties: [null as never],
        event_params: [{ key: 'blank', value: { ...row.event_params[0]!.value } }],
      }),
    ) as Record<string, unknown>;
    expect(parsed.items).toEqual([]);
    expect(parsed.user_properties).toEqual([null]);
    expect(parsed.event_params).toEqual([
      { key: 'blank', value: fullJsonWithoutNulls(row.event_params[0]!.value) },
    ]);
    expect(parsed).not.toHaveProperty('geo');
  });

  it('writes a value of another type than its column the way JSON.stringify does', () => {
    const row = { ...rowsOf(A26)[0]!, device: 'a text', items: { not: 'a list' } };
    const parsed = JSON.parse(sparseRowJson(row as unknown as MirrorRow)) as MirrorRow;
    expect(parsed.device).toBe('a text');
    expect(parsed.items).toEqual({ not: 'a list' });
  });

  it('writes the fields in column order whatever order the row holds its keys in', () => {
    for (const row of rowsOf(A28)) {
      expect(sparseRowJson(withKeysReversed(row) as MirrorRow)).toBe(sparseRowJson(row));
    }
    fc.assert(
      fc.property(fc.record(recordOf(MIRROR_COLUMNS)), (row) => {
        const reversed = withKeysReversed(row) as MirrorRow;
        expect(sparseRowJson(reversed)).toBe(sparseRowJson(row as unknown as MirrorRow));
      }),
      { numRuns: 100 },
    );
  });

  it('writes text and numbers exactly as JSON.stringify writes them', () => {
    const row = rowsOf(A26)[0]!;
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        (text, number) => {
          const sparse = sparseRowJson({ ...row, event_name: text, event_value_in_usd: number });
          expect(sparse).toContain(`"event_name":${JSON.stringify(text)},`);
          expect(sparse).toContain(`"event_value_in_usd":${JSON.stringify(number)}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with the full JSON on random rows of the schema, and never throws', () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
    fc.assert(
      fc.property(fc.record(recordOf(MIRROR_COLUMNS)), (row) => {
        expect(JSON.parse(sparseRowJson(row as unknown as MirrorRow))).toEqual(
          fullJsonWithoutNulls(row),
        );
      }),
      { numRuns: 200 },
    );
    expectPrototypeUntouched(prototypeNames);
  });
});
