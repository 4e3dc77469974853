import type { TransportObject } from './replay-types.js';

/**
 * Stands in for a value that crossed JSON as a marker and cannot be rebuilt: a function, a DOM
 * node, something that could not be cloned. Being a class instance it is not a plain object,
 * so the merge stores it by reference exactly as GTM stores the original (protocol notes
 * §11.2), and serialising gives the marker back unchanged.
 */
export class OpaqueValue {
  readonly marker: Readonly<TransportObject>;

  constructor(marker: TransportObject) {
    this.marker = Object.freeze({ ...marker });
    Object.freeze(this);
  }
}

/** True for an `OpaqueValue`; never throws, even for a revoked Proxy. */
export function isOpaqueValue(value: unknown): value is OpaqueValue {
  try {
    return value instanceof OpaqueValue;
  } catch {
    return false;
  }
}
