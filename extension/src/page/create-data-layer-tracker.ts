import type { PagePushRecord } from '../common/page-record.js';
import { copyTransportValue } from './copy-transport-value.js';
import type { FunctionMask } from './create-function-mask.js';
import type { PageChannel } from './create-page-channel.js';
import { hookPushChain } from './hook-push-chain.js';
import { isSafeLayerName } from '../common/is-safe-layer-name.js';
import { appendTo, describeThrown, intrinsics } from './page-intrinsics.js';

/** Why the hook watches a name: GTM's default, a loader URL's `l=`, or the user's settings. */
export type LayerSource = 'default' | 'script-url' | 'configured';

export interface DataLayerTracker {
  track(name: string, source: LayerSource): void;
  /** Looks again at every watched name, for arrays the page put there behind the accessor. */
  rescan(): void;
}

interface LayerState {
  name: string;
  source: LayerSource;
  current: unknown;
  arrays: WeakMap<object, number>;
  arrayCount: number;
  /** Objects already reported, so a copied array does not report them twice. */
  reported: WeakSet<object>;
  getter?: () => unknown;
}

/**
 * Watches dataLayers by name. Each name gets an accessor on `window`, so the array the page
 * assigns (`window.dataLayer = …`, `var dataLayer = […]` at top level, a later new array) is
 * met the moment it is assigned: its entries are reported as `preexisting` and its `push` is
 * hooked for `live` pushes. A name the page already owns without the accessor is still
 * adopted as it is. Never throws into the page.
 */
export function createDataLayerTracker(
  scope: typeof globalThis,
  channel: PageChannel,
  mask: FunctionMask,
): DataLayerTracker {
  const layers = new Map<string, LayerState>();

  const install = (layer: LayerState): void => {
    const descriptor = readDescriptor(scope, layer.name);
    if (descriptor?.get !== undefined && descriptor.get === layer.getter) {
      adopt(layer, layer.current);
      return;
    }
    const value = descriptor === undefined ? undefined : readValue(scope, layer.name);
    if (descriptor === undefined || descriptor.configurable === true) {
      layer.current = value;
      layer.getter = () => layer.current;
      const set = (next: unknown): void => {
        layer.current = next;
        adopt(layer, next);
      };
      tryDefine(scope, layer.name, {
        get: layer.getter,
        set,
        enumerable: true,
        configurable: true,
      });
    }
    adopt(layer, value);
  };

  const adopt = (layer: LayerState, value: unknown): void => {
    try {
      if (Array.isArray(value) && !layer.arrays.has(value)) hookArray(layer, value);
    } catch {
      // Whatever the page did to the array or to built-ins, its assignment goes ahead.
    }
  };

  const hookArray = (layer: LayerState, value: unknown[]): void => {
    layer.arrayCount += 1;
    const arrayIndex = layer.arrayCount;
    layer.arrays.set(value, arrayIndex);
    const base = { dataLayerName: layer.name, arrayIndex };
    channel.record({
      kind: 'notice',
      code: 'data-layer-found',
      dataLayerName: layer.name,
      detail: `${layer.source} array ${arrayIndex}`,
    });
    reportExisting(value, layer, base);

    const isHooked = hookPushChain(value, mask, (items) => reportLive(items, layer, base));
    if (!isHooked) {
      const detail =
        'its push cannot be wrapped (frozen array or a push getter): only the entries present now are captured';
      channel.record({
        kind: 'notice',
        code: 'data-layer-unhookable',
        dataLayerName: layer.name,
        detail,
      });
    }
  };

  const reportExisting = (array: unknown[], layer: LayerState, base: PushBase): void => {
    const length = readLength(array);
    for (let index = 0; index < length; index += 1) {
      const entry = readEntry(array, index);
      if (entry === HOLE) continue;
      if (isObject(entry) && layer.reported.has(entry)) continue;
      if (isObject(entry)) layer.reported.add(entry);
      const push = entry instanceof EntryError ? entry.marker : copyTransportValue(entry);
      channel.record({ kind: 'push', ...base, origin: 'preexisting', push });
    }
  };

  const reportLive = (items: unknown[], layer: LayerState, base: PushBase) => {
    const records: PagePushRecord[] = [];
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index];
      if (isObject(item)) layer.reported.add(item);
      const push = copyTransportValue(item);
      appendTo(records, channel.record({ kind: 'push', ...base, origin: 'live', push }));
    }
    return (error: unknown): void => {
      const threw = describeThrown(error);
      for (let index = 0; index < records.length; index += 1) {
        (records[index] as PagePushRecord).threw = threw;
      }
    };
  };

  return {
    track(name, source) {
      if (!isSafeLayerName(name) || layers.has(name)) return;
      const layer: LayerState = {
        name,
        source,
        current: undefined,
        arrays: new WeakMap(),
        arrayCount: 0,
        reported: new WeakSet(),
      };
      layers.set(name, layer);
      safely(() => install(layer));
    },
    rescan() {
      layers.forEach((layer) => safely(() => install(layer)));
    },
  };
}

function safely(step: () => void): void {
  try {
    step();
  } catch {
    // The hook never throws into the page; a name it cannot watch is simply not captured.
  }
}

type PushBase = Pick<PagePushRecord, 'dataLayerName' | 'arrayIndex'>;

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function readDescriptor(scope: object, name: string): PropertyDescriptor | undefined {
  try {
    return intrinsics.getOwnPropertyDescriptor(scope, name);
  } catch {
    return undefined;
  }
}

function readValue(scope: object, name: string): unknown {
  try {
    return (scope as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

function tryDefine(scope: object, name: string, descriptor: PropertyDescriptor): void {
  try {
    intrinsics.defineProperty(scope, name, descriptor);
  } catch {
    // A name the page made non-configurable is adopted as it is.
  }
}

function readLength(array: unknown[]): number {
  try {
    const length = array.length;
    return typeof length === 'number' ? length : 0;
  } catch {
    return 0;
  }
}

const HOLE = Symbol('hole');

class EntryError {
  readonly marker: { $unclonable: string };
  constructor(error: unknown) {
    this.marker = { $unclonable: `getter threw: ${describeThrown(error)}` };
  }
}

/** One top-level entry: `HOLE` for an empty slot (nothing was pushed there). */
function readEntry(array: unknown[], index: number): unknown {
  try {
    return index in array ? array[index] : HOLE;
  } catch (error) {
    return new EntryError(error);
  }
}
