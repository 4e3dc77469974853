import { describe, expect, it } from 'vitest';
import { bigQuerySchema } from '../../shared/warehouse/ddl/bigquery-schema.js';
import { createMirrorTableSql } from '../../shared/warehouse/ddl/create-mirror-table-sql.js';
import { mirrorDdl } from '../../shared/warehouse/ddl/mirror-ddl.js';
import {
  WAREHOUSE_DIALECTS,
  quoteTableName,
} from '../../shared/warehouse/ddl/warehouse-dialect.js';

describe('DDL for every dialect', () => {
  it('gives the BigQuery schema the GA4 export names and legacy types', () => {
    const schema = bigQuerySchema();
    const byName = new Map(schema.map((field) => [field.name, field]));
    expect(byName.get('event_timestamp')).toMatchObject({ type: 'INTEGER', mode: 'REQUIRED' });
    expect(byName.get('event_params')).toMatchObject({ type: 'RECORD', mode: 'REPEATED' });
    const value = byName.get('event_params')?.fields?.find((field) => field.name === 'value');
    expect(value?.fields?.map((field) => [field.name, field.type])).toEqual([
      ['string_value', 'STRING'],
      ['int_value', 'INTEGER'],
      ['float_value', 'FLOAT'],
      ['double_value', 'FLOAT'],
    ]);
    expect(byName.get('consent')).toMatchObject({ type: 'JSON', mode: 'NULLABLE' });
    const items = byName.get('items')?.fields?.map((field) => field.name) ?? [];
    expect(items).toEqual(
      expect.arrayContaining(['item_list_index', 'item_params', 'price_in_usd']),
    );
  });

  it.each([
    ['bigquery', '`event_params` ARRAY<STRUCT<key STRING, value STRUCT<string_value STRING'],
    ['duckdb', '"event_params" STRUCT("key" VARCHAR, "value" STRUCT("string_value" VARCHAR'],
    ['postgres', '"event_params" JSONB'],
    ['clickhouse', '`event_params` Array(Tuple(key Nullable(String), value Tuple(string_value'],
    ['snowflake', '"event_params" ARRAY'],
  ] as const)('nests event_params as %s can hold it', (dialect, expected) => {
    expect(createMirrorTableSql(dialect)).toContain(expected);
  });

  it.each([
    ['bigquery', 'PRIMARY KEY (`event_id`) NOT ENFORCED'],
    ['duckdb', 'PRIMARY KEY ("event_id")'],
    ['postgres', 'PRIMARY KEY ("event_id")'],
    ['clickhouse', 'ENGINE = ReplacingMergeTree'],
    ['snowflake', 'PRIMARY KEY ("event_id")'],
  ] as const)('keys %s rows on event_id', (dialect, expected) => {
    expect(createMirrorTableSql(dialect)).toContain(expected);
  });

  it('creates the table and four flattening views in every dialect', () => {
    for (const dialect of WAREHOUSE_DIALECTS) {
      const statements = mirrorDdl(dialect, 'analytics.events');
      expect(statements).toHaveLength(5);
      expect(statements.slice(1).map((sql) => /VIEW (\S+)/.exec(sql)?.[1])).toHaveLength(4);
    }
  });

  it.each([['events; DROP TABLE x'], ['a b'], ['"events"'], ['1events'], ['']])(
    'refuses the table name %j',
    (name) => {
      expect(() => quoteTableName('postgres', name)).toThrow(RangeError);
    },
  );

  it('quotes a qualified table name part by part', () => {
    expect(quoteTableName('bigquery', 'analytics.events')).toBe('`analytics`.`events`');
    expect(quoteTableName('postgres', 'analytics.events')).toBe('"analytics"."events"');
  });
});
