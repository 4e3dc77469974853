import { OpaqueHandle, SandboxCallable, type SandboxValue } from './sandbox-values.js';

const maxLength = 200;
const maxDepth = 4;
const maxItems = 30;

/**
 * A sandbox value as a short, readable text for messages: strings quoted, objects and arrays
 * spelled out to a few levels, functions by name. Never throws, even on cycles.
 */
export function formatValue(value: SandboxValue): string {
  const text = format(value, 0, new Set());
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}

function format(value: SandboxValue, depth: number, seen: Set<unknown>): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  if (value === null || typeof value !== 'object') return String(value);
  if (value instanceof SandboxCallable) return value.name ? `function ${value.name}` : 'function';
  if (value instanceof OpaqueHandle) return '{}';
  if (seen.has(value)) return '[circular]';
  if (depth >= maxDepth) return Array.isArray(value) ? '[…]' : '{…}';

  seen.add(value);
  const parts = Array.isArray(value)
    ? Array.from(value.slice(0, maxItems), (element) => format(element, depth + 1, seen))
    : Object.keys(value)
        .slice(0, maxItems)
        .map((key) => `${formatKey(key)}: ${format(value[key], depth + 1, seen)}`);
  const total = Array.isArray(value) ? value.length : Object.keys(value).length;
  if (total > maxItems) parts.push('…');
  seen.delete(value);
  return Array.isArray(value) ? `[${parts.join(', ')}]` : `{${parts.join(', ')}}`;
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}
