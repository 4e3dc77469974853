import type { Machine } from './machine.js';
import type { SandboxValue } from './sandbox-values.js';

/** `...value` in an array literal or a call: arrays and strings spread, anything else is an error. */
export function spreadInto(machine: Machine, target: SandboxValue[], value: SandboxValue): void {
  const items = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? Array.from(value)
      : undefined;
  if (items === undefined) throw machine.error('type', 'only arrays and strings can be spread');
  machine.checkArrayLength(target.length + items.length);
  machine.charge(items.length);
  for (const item of items) target.push(item);
}
