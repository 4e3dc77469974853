import { createRecord, isRecord, type SandboxValue } from './sandbox-values.js';

/**
 * A deep copy inside the sandbox: objects and arrays are copied, functions and opaque handles
 * kept by identity (so a recorded callback still compares equal to the one a test captured).
 * Cycles are cut (the repeated object becomes undefined).
 */
export function cloneValue(value: SandboxValue, path: Set<object> = new Set()): SandboxValue {
  if (Array.isArray(value)) {
    if (path.has(value)) return undefined;
    path.add(value);
    const copy = Array.from(value, (element) => cloneValue(element, path));
    path.delete(value);
    return copy;
  }
  if (!isRecord(value)) return value;
  if (path.has(value)) return undefined;
  path.add(value);
  const copy = createRecord();
  for (const key of Object.keys(value)) copy[key] = cloneValue(value[key], path);
  path.delete(value);
  return copy;
}
