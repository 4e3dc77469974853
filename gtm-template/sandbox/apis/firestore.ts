import type { ApiDefinition, ApiEnvironment, ServerWorld } from '../contract.js';
import { AMBIENT_PROJECT } from './big-query.js';
import { copyHostValue, isPlainObject } from './copy-host-value.js';
import {
  documentId,
  isCollectionPath,
  isDocumentPath,
  meetsConditions,
  mergeDocument,
} from './firestore-documents.js';
import { createDeferred, rejectedPromise, type SandboxPromise } from './sandbox-promise.js';
import { serverWorldOf } from './world-of.js';

/** `Firestore.query` returns this many documents unless `limit` says otherwise (§2.7). */
const DEFAULT_QUERY_LIMIT = 5;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TRANSACTION_KIND = 'tagwarden/firestore-transaction';

interface Transaction {
  writes: Map<string, Record<string, unknown>>;
}

const transactionsByWorld = new WeakMap<ServerWorld, Map<string, Transaction>>();

function optionsOf(options: unknown): Record<string, unknown> {
  return isPlainObject(options) ? options : {};
}

function assertAccess(
  environment: ApiEnvironment,
  operation: 'read' | 'write',
  path: unknown,
  options: Record<string, unknown>,
): void {
  const projectId = typeof options.projectId === 'string' ? options.projectId : AMBIENT_PROJECT;
  const request: Record<string, unknown> = { projectId, path };
  if (typeof options.databaseId === 'string') request.databaseId = options.databaseId;
  environment.permissions.assert('Firestore', 'access_firestore', operation, request);
}

function transactionOf(
  world: ServerWorld,
  options: Record<string, unknown>,
): Transaction | undefined {
  const handle = options.transaction;
  if (!isPlainObject(handle) || handle.kind !== TRANSACTION_KIND || typeof handle.id !== 'string')
    return undefined;
  return transactionsByWorld.get(world)?.get(handle.id);
}

function newDocumentId(environment: ApiEnvironment): string {
  let id = '';
  for (let index = 0; index < 20; index++)
    id += ID_ALPHABET[Math.floor(environment.random() * ID_ALPHABET.length)] ?? 'A';
  return id;
}

function settled(environment: ApiEnvironment, value: unknown): SandboxPromise {
  const deferred = createDeferred(environment);
  deferred.resolve(value);
  return deferred.promise;
}

/**
 * `Firestore.read/write/query/runTransaction` over the in-memory `world.firestore`
 * (document path → data), with access_firestore checked per path. read rejects for a missing
 * document; write to a collection path adds a document with a generated id; query filters the
 * collection's direct documents (limit 5 by default); a transaction buffers its writes and
 * commits them when the callback's promise resolves, answering the written ids.
 */
export const firestoreApi: ApiDefinition = {
  name: 'Firestore',
  contexts: ['server'],
  create: (environment) => ({
    read: (path, options) => {
      const settings = optionsOf(options);
      assertAccess(environment, 'read', path, settings);
      const documents = serverWorldOf(environment).firestore;
      if (typeof path !== 'string' || !isDocumentPath(path))
        return rejectedPromise(environment, { reason: 'invalid_path' });
      const data = documents.get(path);
      if (data === undefined) return rejectedPromise(environment, { reason: 'not_found', path });
      return settled(environment, { id: documentId(path), data: copyHostValue(data) });
    },
    write: (path, input, options) => writeDocument(environment, path, input, optionsOf(options)),
    query: (collection, conditions, options) => {
      const settings = optionsOf(options);
      // A query reads any document of the collection, so it asks for `collection/*`.
      assertAccess(
        environment,
        'read',
        typeof collection === 'string' ? `${collection}/*` : collection,
        settings,
      );
      if (typeof collection !== 'string' || !isCollectionPath(collection))
        return rejectedPromise(environment, { reason: 'invalid_path' });
      const limit =
        typeof settings.limit === 'number' && settings.limit > 0
          ? Math.floor(settings.limit)
          : DEFAULT_QUERY_LIMIT;
      const found = [...serverWorldOf(environment).firestore.entries()]
        .filter(
          ([path]) =>
            path.startsWith(`${collection}/`) &&
            isDocumentPath(path) &&
            path.split('/').length === collection.split('/').length + 1,
        )
        .filter(([, data]) => meetsConditions(data, Array.isArray(conditions) ? conditions : []))
        .slice(0, limit)
        .map(([path, data]) => ({ id: documentId(path), data: copyHostValue(data) }));
      return settled(environment, found);
    },
    runTransaction: (callback) => runTransaction(environment, callback),
  }),
};

function writeDocument(
  environment: ApiEnvironment,
  path: unknown,
  input: unknown,
  options: Record<string, unknown>,
): SandboxPromise {
  const isValidPath = typeof path === 'string' && (isDocumentPath(path) || isCollectionPath(path));
  // Writing to a collection adds a document: the check is on the path it will have.
  const documentPath =
    !isValidPath || isDocumentPath(path) ? path : `${path}/${newDocumentId(environment)}`;
  assertAccess(environment, 'write', documentPath, options);
  if (typeof documentPath !== 'string' || !isValidPath)
    return rejectedPromise(environment, { reason: 'invalid_path' });
  if (!isPlainObject(input)) return rejectedPromise(environment, { reason: 'invalid_data' });
  const world = serverWorldOf(environment);
  const transaction = transactionOf(world, options);
  const target = transaction?.writes ?? world.firestore;
  const existing =
    target.get(documentPath) ??
    (transaction === undefined ? undefined : world.firestore.get(documentPath));
  const data = copyHostValue(input) as Record<string, unknown>;
  target.set(
    documentPath,
    options.merge === true && existing !== undefined ? mergeDocument(existing, data) : data,
  );
  return settled(environment, documentId(documentPath));
}

function runTransaction(environment: ApiEnvironment, callback: unknown): SandboxPromise {
  if (typeof callback !== 'function')
    return rejectedPromise(environment, { reason: 'invalid_callback' });
  const world = serverWorldOf(environment);
  const transactions = transactionsByWorld.get(world) ?? new Map<string, Transaction>();
  transactionsByWorld.set(world, transactions);
  const id = `transaction-${transactions.size + 1}`;
  const transaction: Transaction = { writes: new Map() };
  transactions.set(id, transaction);
  const deferred = createDeferred(environment);
  const started = createDeferred(environment);
  try {
    started.resolve(callback({ kind: TRANSACTION_KIND, id }));
  } catch (error) {
    started.reject(error);
  }
  started.promise.then(
    () => {
      for (const [path, data] of transaction.writes) world.firestore.set(path, data);
      deferred.resolve([...transaction.writes.keys()].map(documentId));
    },
    (reason: unknown) => deferred.reject(reason),
  );
  return deferred.promise;
}
