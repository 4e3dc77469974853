import type { ApiDefinition, ApiEnvironment, WebWorld } from '../contract.js';
import { isPlainObject } from './copy-host-value.js';
import { callBackLater } from './send-through-network.js';
import { webWorldOf } from './world-of.js';

interface ConsentState {
  listeners: Array<{ consentType: string; listener: unknown }>;
  updatedTypes: Set<string>;
}

const states = new WeakMap<WebWorld, ConsentState>();

function stateOf(world: WebWorld): ConsentState {
  let state = states.get(world);
  if (state === undefined) {
    state = { listeners: [], updatedTypes: new Set() };
    states.set(world, state);
  }
  return state;
}

// GTM reads a consent type nobody set as granted (reference notes §3.1).
function isGranted(world: WebWorld, consentType: string): boolean {
  return !Object.hasOwn(world.consent, consentType) || world.consent[consentType] !== 'denied';
}

// Settings keys that are not consent types.
const COMMAND_KEYS = new Set(['region', 'wait_for_update']);

function consentEntries(settings: unknown): Array<[string, 'granted' | 'denied']> {
  if (!isPlainObject(settings)) return [];
  return Object.keys(settings)
    .filter((key) => !COMMAND_KEYS.has(key) && key !== '__proto__')
    .map((key) => [key, settings[key]] as [string, unknown])
    .filter(
      (entry): entry is [string, 'granted' | 'denied'] =>
        entry[1] === 'granted' || entry[1] === 'denied',
    );
}

/**
 * Applies a consent command after the current code, as GTM processes it "as soon as possible
 * after the current event". A default never overrides an update; listeners of a type whose
 * granted/denied reading changes are called with `(consentType, granted)`.
 */
function applyLater(
  environment: ApiEnvironment,
  api: string,
  settings: unknown,
  isUpdate: boolean,
): void {
  const entries = consentEntries(settings);
  for (const [consentType] of entries)
    environment.permissions.assert(api, 'access_consent', consentType, 'write');
  const world = webWorldOf(environment);
  environment.schedule(() => {
    const state = stateOf(world);
    for (const [consentType, value] of entries) {
      if (!isUpdate && state.updatedTypes.has(consentType)) continue;
      const wasGranted = isGranted(world, consentType);
      world.consent[consentType] = value;
      if (isUpdate) state.updatedTypes.add(consentType);
      if (wasGranted === isGranted(world, consentType)) continue;
      for (const entry of state.listeners.filter(
        (candidate) => candidate.consentType === consentType,
      )) {
        callBackLater(environment, entry.listener, consentType, value === 'granted');
      }
    }
  });
}

/** `isConsentGranted(consentType)` → false only when the type is set to denied. */
export const isConsentGrantedApi: ApiDefinition = {
  name: 'isConsentGranted',
  contexts: ['web'],
  create: (environment) => (consentType) => {
    environment.permissions.assert('isConsentGranted', 'access_consent', consentType, 'read');
    return typeof consentType !== 'string' || isGranted(webWorldOf(environment), consentType);
  },
};

/** `setDefaultConsentState({ad_storage: 'denied', …, region?, wait_for_update?})`. */
export const setDefaultConsentStateApi: ApiDefinition = {
  name: 'setDefaultConsentState',
  contexts: ['web'],
  create: (environment) => (settings) =>
    applyLater(environment, 'setDefaultConsentState', settings, false),
};

/** `updateConsentState({analytics_storage: 'granted', …})`. */
export const updateConsentStateApi: ApiDefinition = {
  name: 'updateConsentState',
  contexts: ['web'],
  create: (environment) => (settings) =>
    applyLater(environment, 'updateConsentState', settings, true),
};

/** `addConsentListener(consentType, listener(consentType, granted))`: called when the type flips. */
export const addConsentListenerApi: ApiDefinition = {
  name: 'addConsentListener',
  contexts: ['web'],
  create: (environment) => (consentType, listener) => {
    environment.permissions.assert('addConsentListener', 'access_consent', consentType, 'read');
    if (typeof consentType !== 'string' || typeof listener !== 'function') return;
    stateOf(webWorldOf(environment)).listeners.push({ consentType, listener });
  },
};
