import type { PermissionEntry, TypedValue } from '../../gtm-template/sandbox/contract.js';

type Plain = string | boolean | Plain[] | { [key: string]: Plain };

/** Encodes a plain value as GTM's tagged permission value (reference notes §1.5). */
export function typed(value: Plain): TypedValue {
  if (typeof value === 'string') return { type: 1, string: value };
  if (typeof value === 'boolean') return { type: 8, boolean: value };
  if (Array.isArray(value)) return { type: 2, listItem: value.map(typed) };
  const keys = Object.keys(value);
  return {
    type: 3,
    mapKey: keys.map((key) => typed(key)),
    mapValue: keys.map((key) => typed(value[key] as Plain)),
  };
}

/** A permission entry as GTM exports it, from a publicId and plain params. */
export function permission(publicId: string, params: Record<string, Plain> = {}): PermissionEntry {
  return {
    instance: {
      key: { publicId, versionId: '1' },
      param: Object.entries(params).map(([key, value]) => ({ key, value: typed(value) })),
    },
    clientAnnotations: { isEditedByUser: true },
    isRequired: true,
  };
}
