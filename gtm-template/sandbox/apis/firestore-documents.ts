import { setEntry } from '../../../shared/text/set-entry.js';
import { isPlainObject } from './copy-host-value.js';
import { readPath } from './dotted-path.js';

/** True for a document path (`collection/doc`, an even number of segments). */
export function isDocumentPath(path: string): boolean {
  const segments = path.split('/');
  return segments.length % 2 === 0 && segments.every((segment) => segment !== '');
}

/** True for a collection path (`collection` or `collection/doc/sub`). */
export function isCollectionPath(path: string): boolean {
  const segments = path.split('/');
  return segments.length % 2 === 1 && segments.every((segment) => segment !== '');
}

/** The last segment of a path: a document's id. */
export function documentId(path: string): string {
  return path.split('/').pop() ?? '';
}

/** Firestore's `merge: true`: nested maps merge key by key, everything else replaces. */
export function mergeDocument(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...target };
  for (const key of Object.keys(source)) {
    const current = Object.hasOwn(merged, key) ? merged[key] : undefined;
    const incoming = source[key];
    setEntry(
      merged,
      key,
      isPlainObject(current) && isPlainObject(incoming)
        ? mergeDocument(current, incoming)
        : incoming,
    );
  }
  return merged;
}

const COMPARISONS: Record<string, (field: unknown, value: unknown) => boolean> = {
  '==': (field, value) => sameValue(field, value),
  '!=': (field, value) => field !== undefined && !sameValue(field, value),
  '<': (field, value) => comparable(field, value) && (field as number) < (value as number),
  '<=': (field, value) => comparable(field, value) && (field as number) <= (value as number),
  '>': (field, value) => comparable(field, value) && (field as number) > (value as number),
  '>=': (field, value) => comparable(field, value) && (field as number) >= (value as number),
  'array-contains': (field, value) =>
    Array.isArray(field) && field.some((item) => sameValue(item, value)),
  'array-contains-any': (field, value) =>
    Array.isArray(field) &&
    Array.isArray(value) &&
    field.some((item) => value.some((wanted) => sameValue(item, wanted))),
  in: (field, value) => Array.isArray(value) && value.some((wanted) => sameValue(field, wanted)),
  'not-in': (field, value) =>
    field !== undefined &&
    Array.isArray(value) &&
    !value.some((wanted) => sameValue(field, wanted)),
};

function comparable(field: unknown, value: unknown): boolean {
  return (
    (typeof field === 'number' && typeof value === 'number') ||
    (typeof field === 'string' && typeof value === 'string')
  );
}

function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null)
    return false;
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * Whether a document's data meets every `[fieldPath, operator, value]` condition. An unknown
 * operator or a malformed condition matches nothing, as Firestore would refuse the query.
 */
export function meetsConditions(data: Record<string, unknown>, conditions: unknown[]): boolean {
  return conditions.every((condition) => {
    if (
      !Array.isArray(condition) ||
      typeof condition[0] !== 'string' ||
      typeof condition[1] !== 'string'
    )
      return false;
    const compare = Object.hasOwn(COMPARISONS, condition[1])
      ? COMPARISONS[condition[1]]
      : undefined;
    return compare !== undefined && compare(readPath(data, condition[0]).value, condition[2]);
  });
}
