import type { ContainerContext } from '../contract.js';
import type { PermissionParams } from './permission-params.js';

/**
 * Why a call is refused: what was asked for (`the URL https://x.test/p`) and how to allow it
 * (`add it to its allowed URLs`). The checker words the full message around these two parts.
 */
export interface Denial {
  subject: string;
  fix: string;
}

/** What the checker knows about the run beyond the entries: preview/debug or live. */
export interface CheckMode {
  isDebug: boolean;
}

/**
 * One permission id and its matching rule. `check` receives the arguments of
 * `queryPermission(id, ...args)` (reference notes §1.5) and answers undefined when allowed.
 */
export interface PermissionRule {
  id: string;
  contexts: ContainerContext[];
  check(params: PermissionParams, args: unknown[], mode: CheckMode): Denial | undefined;
}

/** Renders a value the template passed for a denial message: strings quoted, others as JSON. */
export function describeArgument(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/** The argument at `index` as a string, or '' when the template passed something else. */
export function textArgument(args: unknown[], index: number): string {
  const value = args[index];
  return typeof value === 'string' ? value : '';
}
