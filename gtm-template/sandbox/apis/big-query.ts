import type { ApiDefinition, ApiEnvironment } from '../contract.js';
import { copyHostValue, isPlainObject } from './copy-host-value.js';
import { createDeferred, rejectedPromise } from './sandbox-promise.js';
import { serverWorldOf } from './world-of.js';

/** Where BigQuery.insert writes when `projectId` is left out (§1.5 [D]). */
export const AMBIENT_PROJECT = 'GOOGLE_CLOUD_PROJECT';

function readText(record: Record<string, unknown>, key: string): string | undefined {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `BigQuery.insert(connectionInfo, rows, options?)` → promise. Records the rows into
 * `world.bigQuery` as `{table: {projectId, datasetId, tableId}, rows, options}`. Rows that are
 * not objects are invalid: with `skipInvalidRows` they are dropped, otherwise nothing is written
 * and the promise rejects with BigQuery's per-row errors `[{row, errors: [{reason, message}]}]`.
 * `ignoreUnknownValues` is recorded; the in-memory table has no schema to check it against.
 */
export const bigQueryApi: ApiDefinition = {
  name: 'BigQuery',
  contexts: ['server'],
  create: (environment) => ({
    insert: (connectionInfo, rows, options) =>
      insertRows(environment, connectionInfo, rows, options),
  }),
};

function insertRows(
  environment: ApiEnvironment,
  connectionInfo: unknown,
  rows: unknown,
  options: unknown,
): unknown {
  environment.permissions.assert('BigQuery', 'access_bigquery', 'write', connectionInfo);
  const info = isPlainObject(connectionInfo) ? connectionInfo : {};
  const datasetId = readText(info, 'datasetId');
  const tableId = readText(info, 'tableId');
  if (datasetId === undefined || tableId === undefined || !Array.isArray(rows)) {
    return rejectedPromise(environment, [
      {
        errors: [
          {
            reason: 'invalid',
            message: 'BigQuery.insert needs a datasetId, a tableId and an array of rows.',
          },
        ],
      },
    ]);
  }
  const settings = isPlainObject(options) ? options : {};
  const skipInvalidRows = settings.skipInvalidRows === true;
  const invalid = rows.filter((row) => !isPlainObject(row));
  if (invalid.length > 0 && !skipInvalidRows) {
    const errors = invalid.map((row) => ({
      row: copyHostValue(row),
      errors: [{ reason: 'invalid', message: 'A row must be an object.' }],
    }));
    return rejectedPromise(environment, errors);
  }
  const table = { projectId: readText(info, 'projectId') ?? AMBIENT_PROJECT, datasetId, tableId };
  const record = {
    table,
    rows: rows.filter(isPlainObject).map(copyHostValue),
    options: { ignoreUnknownValues: settings.ignoreUnknownValues === true, skipInvalidRows },
  };
  serverWorldOf(environment).bigQuery.push(record);
  const deferred = createDeferred(environment);
  deferred.resolve(undefined);
  return deferred.promise;
}
