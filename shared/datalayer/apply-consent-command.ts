import { deepFreeze } from './deep-freeze.js';
import type { PlainObject } from './is-plain-object.js';
import { isUnsafeKey } from './is-unsafe-key.js';
import type {
  ConsentValue,
  ReplayConsentSignal,
  ReplayConsentState,
  ReplayWarning,
} from './replay-types.js';
import { replayWarning } from './replay-warning.js';
import { valueTypeName } from './value-type-name.js';

export interface ConsentResult {
  state: ReplayConsentState;
  warnings: ReplayWarning[];
}

/** The state before any `gtag('consent', …)`: no signal set. */
export const EMPTY_CONSENT_STATE: ReplayConsentState = deepFreeze({
  signals: {},
  regionDefaults: {},
});

/**
 * Applies `gtag('consent', 'default' | 'update', params)` to the running consent state and
 * returns a new, frozen state (the old one is shared by earlier steps). Signal values other
 * than `granted` / `denied` are reported and skipped. `region` scopes a default to visitors
 * from those regions; `wait_for_update` is kept in milliseconds.
 */
export function applyConsentCommand(
  state: ReplayConsentState,
  mode: 'default' | 'update',
  params: PlainObject,
): ConsentResult {
  const warnings: ReplayWarning[] = [];
  const signals = { ...state.signals };
  const regions = readRegions(params['region']);
  const next: ReplayConsentState = { ...state, signals };
  if (mode === 'default' && typeof params['wait_for_update'] === 'number') {
    next.waitForUpdateMs = params['wait_for_update'];
  }

  for (const [name, value] of readSignals(params, warnings)) {
    if (mode === 'default' && regions.length > 0) {
      next.regionDefaults = withRegionDefault(next.regionDefaults, regions, name, value);
    } else {
      signals[name] = nextSignal(signals[name], mode, value);
    }
  }
  return { state: deepFreeze(next), warnings };
}

function readSignals(
  params: PlainObject,
  warnings: ReplayWarning[],
): Array<[string, ConsentValue]> {
  const entries: Array<[string, ConsentValue]> = [];
  for (const [name, value] of Object.entries(params)) {
    if (name === 'region' || name === 'wait_for_update') continue;
    if (isUnsafeKey(name)) {
      const message = `The consent signal "${name}" was skipped.`;
      warnings.push(replayWarning('unsafe_key_skipped', message, { key: name }));
    } else if (value === 'granted' || value === 'denied') {
      entries.push([name, value]);
    } else {
      const shown = typeof value === 'string' ? `"${value}"` : valueTypeName(value);
      const message = `${name} is ${shown}; only "granted" or "denied" change consent state.`;
      warnings.push(replayWarning('consent_value_invalid', message, { key: name }));
    }
  }
  return entries;
}

function nextSignal(
  previous: ReplayConsentSignal | undefined,
  mode: 'default' | 'update',
  value: ConsentValue,
): ReplayConsentSignal {
  const signal = { ...previous, [mode]: value };
  return { ...signal, effective: signal.update ?? signal.default ?? value };
}

function readRegions(region: unknown): string[] {
  if (!Array.isArray(region)) return [];
  return region.filter((code): code is string => typeof code === 'string' && !isUnsafeKey(code));
}

function withRegionDefault(
  regionDefaults: ReplayConsentState['regionDefaults'],
  regions: string[],
  name: string,
  value: ConsentValue,
): ReplayConsentState['regionDefaults'] {
  const next = { ...regionDefaults };
  for (const region of regions) next[region] = { ...next[region], [name]: value };
  return next;
}
