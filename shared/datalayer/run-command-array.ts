import { describeError } from './describe-error.js';
import { GTAG_VERBS } from './gtag-verbs.js';
import { isUnsafeKey } from './is-unsafe-key.js';
import type { DataLayerModel, ReplayWarning } from './replay-types.js';
import { replayWarning } from './replay-warning.js';

export interface CommandResult {
  /** True when a method was called, so the model may have changed (even if it then threw). */
  didCall: boolean;
  warnings: ReplayWarning[];
}

/**
 * Runs a command array `['path.to.value.method', ...args]` (protocol notes §11.4): walks the
 * path from the model root through own properties, then calls the method on the model value
 * itself, so `['items.push', x]` or `['time.setYear', 2014]` change the model in place. A
 * missing path, a missing method or a throwing method give a warning, never an exception.
 * An array starting with a gtag verb is the broken shim `gtag(...args){dataLayer.push(args)}`:
 * GTM ignores it, so it is flagged and not run.
 */
export function runCommandArray(model: DataLayerModel, command: readonly unknown[]): CommandResult {
  const [name, ...args] = command;
  if (typeof name === 'string' && GTAG_VERBS.has(name)) return skipped(gtagArrayWarning(name));
  if (typeof name !== 'string') {
    const message = 'A pushed array must start with a "path.method" string; this one was ignored.';
    return skipped(replayWarning('command_invalid', message));
  }

  const segments = name.split('.');
  const methodName = segments.pop() ?? '';
  const unsafeSegment = [...segments, methodName].find(isUnsafeKey);
  if (unsafeSegment !== undefined) {
    const message = `The command goes through "${unsafeSegment}", which is never followed.`;
    return skipped(replayWarning('unsafe_key_skipped', message, { key: name }));
  }
  const target = walkPath(model, segments);
  if (typeof target === 'string') {
    return skipped(replayWarning('command_path_missing', target, { key: name }));
  }

  const method = readMethod(target.value, methodName);
  if (method === undefined) {
    const message = `"${methodName}" is not a method of the value at "${segments.join('.')}".`;
    return skipped(replayWarning('command_method_missing', message, { key: name }));
  }

  try {
    Reflect.apply(method, target.value, args);
    return { didCall: true, warnings: [] };
  } catch (error) {
    const message = `The command threw (${describeError(error)}); later messages still process.`;
    return { didCall: true, warnings: [replayWarning('command_threw', message, { key: name })] };
  }
}

// Returns the value at the path, or the reason it could not be reached.
function walkPath(model: DataLayerModel, segments: string[]): { value: unknown } | string {
  let value: unknown = model;
  for (const [index, segment] of segments.entries()) {
    const reached = segments.slice(0, index + 1).join('.');
    if (value === null || value === undefined || !Object.hasOwn(Object(value), segment)) {
      return `Nothing is at "${reached}" in the model, so the command did not run.`;
    }
    value = (value as Record<string, unknown>)[segment];
  }
  return { value };
}

function readMethod(
  target: unknown,
  methodName: string,
): ((...args: unknown[]) => unknown) | undefined {
  if (target === null || target === undefined) return undefined;
  try {
    const method = (Object(target) as Record<string, unknown>)[methodName];
    return typeof method === 'function' ? (method as (...args: unknown[]) => unknown) : undefined;
  } catch {
    return undefined;
  }
}

function gtagArrayWarning(verb: string): ReplayWarning {
  const message =
    `An Array starting with "${verb}" was pushed: probable broken gtag shim. GTM ignores ` +
    'arrays for gtag; push `arguments`, not an array ' +
    '(`function gtag(){dataLayer.push(arguments);}`).';
  return replayWarning('gtag_array_push', message);
}

function skipped(warning: ReplayWarning): CommandResult {
  return { didCall: false, warnings: [warning] };
}
