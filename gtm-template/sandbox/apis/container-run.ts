import type { ApiDefinition, HostFunction, ServerWorld } from '../contract.js';
import { copyHostValue } from './copy-host-value.js';
import { callBackLater } from './send-through-network.js';
import { TemplateApiError } from './template-api-error.js';
import { serverWorldOf } from './world-of.js';

/**
 * `claimRequest()`: a client takes the request so no other client runs. Outside a CLIENT
 * template (when the environment says which kind runs) it fails, as in GTM (§3.2).
 */
export const claimRequestApi: ApiDefinition = {
  name: 'claimRequest',
  contexts: ['server'],
  create: (environment) => () => {
    if (environment.templateKind !== undefined && environment.templateKind !== 'CLIENT') {
      throw new TemplateApiError('claimRequest', 'only a client template may claim the request.');
    }
    serverWorldOf(environment).requestClaimed = true;
  },
};

const containerRuns = new WeakMap<ServerWorld, unknown[]>();

/** The events handed to `runContainer` in this world, in order (copies). */
export function readContainerRuns(world: ServerWorld): unknown[] {
  return containerRuns.get(world) ?? [];
}

/**
 * `runContainer(event, onComplete?, onStart?)`: runs the container's tags on `event`. The
 * emulator has no other tags, so it records the event, then calls `onStart(bindToEvent)` and
 * `onComplete(bindToEvent)` after the current code; `bindToEvent(fn)` returns `fn` (there is
 * one event at a time here).
 */
export const runContainerApi: ApiDefinition = {
  name: 'runContainer',
  contexts: ['server'],
  create: (environment) => (event, onComplete, onStart) => {
    environment.permissions.assert('runContainer', 'run_container');
    const world = serverWorldOf(environment);
    containerRuns.set(world, [...readContainerRuns(world), copyHostValue(event)]);
    const bindToEvent: HostFunction = (callback) => callback;
    callBackLater(environment, onStart, bindToEvent);
    callBackLater(environment, onComplete, bindToEvent);
  },
};
