import { decodeCollectHit } from '../../../shared/ga4/decode-collect-hit.js';
import type { ApiDefinition, ServerWorld } from '../contract.js';
import { eventDataFromGa4, eventDataFromUniversal } from './mp-event-data.js';
import { TemplateApiError } from './template-api-error.js';
import { serverWorldOf } from './world-of.js';

const GA4_PATH = /\/g\/collect$/;
const UNIVERSAL_PATH = /\/(?:[jr]\/)?collect$|\/batch$/;

function queryOf(world: ServerWorld): string {
  return world.request.query.replace(/^\?/, '');
}

/** True for a GA4 (`/g/collect`, `v=2`) request. */
export function isGa4Request(world: ServerWorld): boolean {
  return GA4_PATH.test(world.request.path) && /(?:^|&)v=2(?:&|$)/.test(queryOf(world));
}

/** True for a Universal Analytics (`/collect`, `v=1`) request. */
export function isUniversalRequest(world: ServerWorld): boolean {
  if (GA4_PATH.test(world.request.path) || !UNIVERSAL_PATH.test(world.request.path)) return false;
  const firstLine = world.request.body.split('\n')[0] ?? '';
  return [queryOf(world), firstLine].some((text) => /(?:^|&)v=1(?:&|$)/.test(text));
}

/** `isRequestMpv2()` → whether the request is a GA4 hit. */
export const isRequestMpv2Api: ApiDefinition = {
  name: 'isRequestMpv2',
  contexts: ['server'],
  create: (environment) => () => {
    environment.permissions.assert('isRequestMpv2', 'read_request', 'path');
    return isGa4Request(serverWorldOf(environment));
  },
};

/** `isRequestMpv1()` → whether the request is a Universal Analytics hit. */
export const isRequestMpv1Api: ApiDefinition = {
  name: 'isRequestMpv1',
  contexts: ['server'],
  create: (environment) => () => {
    environment.permissions.assert('isRequestMpv1', 'read_request', 'path');
    return isUniversalRequest(serverWorldOf(environment));
  },
};

/**
 * `extractEventsFromMpv2()` → one event-data object per event of a GA4 request (a batched
 * body gives several), decoded by the shared GA4 decoder. Fails on a request of another format,
 * as GTM does (§3.2).
 */
export const extractEventsFromMpv2Api: ApiDefinition = {
  name: 'extractEventsFromMpv2',
  contexts: ['server'],
  create: (environment) => () => {
    environment.permissions.assert('extractEventsFromMpv2', 'read_request', 'body');
    const world = serverWorldOf(environment);
    if (!isGa4Request(world))
      throw new TemplateApiError(
        'extractEventsFromMpv2',
        'the request is not a GA4 (/g/collect, v=2) hit.',
      );
    const url = `https://collector.invalid${world.request.path}?${queryOf(world)}`;
    return decodeCollectHit(url, world.request.body).map((event) => eventDataFromGa4(event, world));
  },
};

/** `extractEventsFromMpv1()` → the event data of a Universal Analytics request (one per line). */
export const extractEventsFromMpv1Api: ApiDefinition = {
  name: 'extractEventsFromMpv1',
  contexts: ['server'],
  create: (environment) => () => {
    environment.permissions.assert('extractEventsFromMpv1', 'read_request', 'body');
    const world = serverWorldOf(environment);
    if (!isUniversalRequest(world)) {
      throw new TemplateApiError(
        'extractEventsFromMpv1',
        'the request is not a Universal Analytics (/collect, v=1) hit.',
      );
    }
    const lines =
      world.request.body === ''
        ? [queryOf(world)]
        : world.request.body.split('\n').filter((line) => line !== '');
    return lines.map((line) => eventDataFromUniversal(queryOf(world), line, world));
  },
};
