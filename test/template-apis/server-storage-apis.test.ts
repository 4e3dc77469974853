import { describe, expect, it } from 'vitest';
import { permission } from '../template-permissions/permission-entry.js';
import { createApiTestEnvironment } from './api-test-environment.js';

type Fn = (...args: unknown[]) => unknown;
interface ThenLike {
  then: (onFulfilled?: unknown, onRejected?: unknown) => ThenLike;
}

function settle(promise: unknown, seen: unknown[]): void {
  (promise as ThenLike).then(
    (value: unknown) => seen.push({ resolved: value }),
    (reason: unknown) => seen.push({ rejected: reason }),
  );
}

describe('BigQuery.insert', () => {
  const permissions = [
    permission('access_bigquery', {
      allowedTables: [
        {
          projectId: 'GOOGLE_CLOUD_PROJECT',
          datasetId: 'mirror',
          tableId: '*',
          operation: 'write',
        },
      ],
    }),
  ];

  it('records copies of the rows in the world and resolves', async () => {
    const harness = createApiTestEnvironment({ context: 'server', permissions });
    const seen: unknown[] = [];
    const row = { event_name: 'purchase', value: 9.5 };
    settle(
      harness
        .api<Record<string, Fn>>('BigQuery')
        .insert?.({ datasetId: 'mirror', tableId: 'events' }, [row], { ignoreUnknownValues: true }),
      seen,
    );
    row.value = 0;
    await harness.drain();
    expect(seen).toEqual([{ resolved: undefined }]);
    expect(harness.server.bigQuery).toEqual([
      {
        table: { projectId: 'GOOGLE_CLOUD_PROJECT', datasetId: 'mirror', tableId: 'events' },
        rows: [{ event_name: 'purchase', value: 9.5 }],
        options: { ignoreUnknownValues: true, skipInvalidRows: false },
      },
    ]);
  });

  it('rejects invalid rows unless told to skip them', async () => {
    const harness = createApiTestEnvironment({ context: 'server', permissions });
    const insert = harness.api<Record<string, Fn>>('BigQuery').insert!;
    const seen: unknown[] = [];
    settle(insert({ datasetId: 'mirror', tableId: 'events' }, [{ ok: 1 }, 'bad']), seen);
    settle(
      insert({ datasetId: 'mirror', tableId: 'events' }, [{ ok: 2 }, 'bad'], {
        skipInvalidRows: true,
      }),
      seen,
    );
    settle(insert({ datasetId: 'mirror' }, []), seen);
    await harness.drain();
    expect(seen[0]).toEqual({
      rejected: [
        { row: 'bad', errors: [{ reason: 'invalid', message: 'A row must be an object.' }] },
      ],
    });
    expect(seen[1]).toEqual({ resolved: undefined });
    expect(seen[2]).toMatchObject({ rejected: [{ errors: [{ reason: 'invalid' }] }] });
    expect(harness.server.bigQuery.map((insertion) => insertion.rows)).toEqual([[{ ok: 2 }]]);
  });

  it('refuses a table outside its allowed tables', () => {
    const harness = createApiTestEnvironment({ context: 'server', permissions });
    expect(() =>
      harness
        .api<Record<string, Fn>>('BigQuery')
        .insert?.({ projectId: 'other', datasetId: 'mirror', tableId: 'events' }, []),
    ).toThrow(
      'BigQuery: write access to the table other.mirror.events is not allowed by the access_bigquery permission',
    );
  });
});

describe('Firestore', () => {
  const permissions = [
    permission('access_firestore', {
      allowedOptions: [
        { projectId: '*', path: 'products/*', operation: 'read_write' },
        { projectId: '*', path: 'orders/*', operation: 'read' },
      ],
    }),
  ];

  function setup() {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions,
      randomValues: new Array(20).fill(0),
    });
    harness.server.firestore.set('products/sku-1', {
      name: 'Blue shirt',
      price: 19.9,
      tags: ['summer'],
    });
    harness.server.firestore.set('products/sku-2', {
      name: 'Red shirt',
      price: 24.9,
      tags: ['winter'],
    });
    harness.server.firestore.set('products/sku-3', {
      name: 'Green hat',
      price: 9.9,
      stock: { count: 2 },
    });
    return { harness, firestore: harness.api<Record<string, Fn>>('Firestore') };
  }

  it('reads a document as a copy and rejects a missing one', async () => {
    const { harness, firestore } = setup();
    const seen: unknown[] = [];
    settle(firestore.read?.('products/sku-1'), seen);
    settle(firestore.read?.('products/none'), seen);
    await harness.drain();
    expect(seen).toEqual([
      { resolved: { id: 'sku-1', data: { name: 'Blue shirt', price: 19.9, tags: ['summer'] } } },
      { rejected: { reason: 'not_found', path: 'products/none' } },
    ]);
  });

  it('writes, merges and adds documents with generated ids', async () => {
    const { harness, firestore } = setup();
    const seen: unknown[] = [];
    settle(firestore.write?.('products/sku-3', { stock: { reserved: 1 } }, { merge: true }), seen);
    settle(firestore.write?.('products', { name: 'New' }), seen);
    await harness.drain();
    expect(seen).toEqual([{ resolved: 'sku-3' }, { resolved: 'AAAAAAAAAAAAAAAAAAAA' }]);
    expect(harness.server.firestore.get('products/sku-3')).toEqual({
      name: 'Green hat',
      price: 9.9,
      stock: { count: 2, reserved: 1 },
    });
    expect(harness.server.firestore.get('products/AAAAAAAAAAAAAAAAAAAA')).toEqual({ name: 'New' });
  });

  it('queries a collection with conditions and a limit', async () => {
    const { harness, firestore } = setup();
    const seen: unknown[] = [];
    settle(firestore.query?.('products', [['price', '>', 10]]), seen);
    settle(firestore.query?.('products', [['tags', 'array-contains', 'winter']]), seen);
    settle(firestore.query?.('products', [], { limit: 1 }), seen);
    settle(firestore.query?.('products', [['stock.count', '==', 2]]), seen);
    await harness.drain();
    const ids = seen.map((entry) =>
      ((entry as { resolved: Array<{ id: string }> }).resolved ?? []).map(
        (document) => document.id,
      ),
    );
    expect(ids).toEqual([['sku-1', 'sku-2'], ['sku-2'], ['sku-1'], ['sku-3']]);
  });

  it('commits a transaction only when its callback resolves', async () => {
    const { harness, firestore } = setup();
    const promiseApi = harness.api<Record<string, Fn>>('Promise');
    const seen: unknown[] = [];
    settle(
      firestore.runTransaction?.((transaction: unknown) => {
        firestore.write?.('products/sku-9', { name: 'Scarf' }, { transaction });
        expect(harness.server.firestore.has('products/sku-9')).toBe(false);
        return promiseApi.create?.((resolve: Fn) => resolve());
      }),
      seen,
    );
    settle(
      firestore.runTransaction?.((transaction: unknown) => {
        firestore.write?.('products/sku-10', { name: 'Never' }, { transaction });
        return promiseApi.create?.((_resolve: Fn, reject: Fn) => reject('abort'));
      }),
      seen,
    );
    await harness.drain();
    expect(seen).toEqual([{ resolved: ['sku-9'] }, { rejected: 'abort' }]);
    expect(harness.server.firestore.get('products/sku-9')).toEqual({ name: 'Scarf' });
    expect(harness.server.firestore.has('products/sku-10')).toBe(false);
  });

  it('refuses writing a read-only path', () => {
    const { firestore } = setup();
    expect(() => firestore.write?.('orders/o-1', { total: 1 })).toThrow(
      "Firestore: write access to the Firestore path 'orders/o-1' in project GOOGLE_CLOUD_PROJECT is not allowed by the access_firestore permission",
    );
  });
});

describe('templateDataStorage', () => {
  it('stores and returns copies, removing with null', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [permission('access_template_storage')],
    });
    const storage = harness.api<Record<string, Fn>>('templateDataStorage');
    const value = { token: 'abc', expires: 1 };
    storage.setItemCopy?.('auth', value);
    value.token = 'changed';
    const copy = storage.getItemCopy?.('auth') as typeof value;
    expect(copy).toEqual({ token: 'abc', expires: 1 });
    copy.token = 'mutated';
    expect(storage.getItemCopy?.('auth')).toEqual({ token: 'abc', expires: 1 });
    storage.setItemCopy?.('auth', null);
    expect(storage.getItemCopy?.('auth')).toBeNull();
    storage.setItemCopy?.('a', 1);
    storage.clear?.();
    expect(harness.server.templateDataStorage.size).toBe(0);
  });
});
