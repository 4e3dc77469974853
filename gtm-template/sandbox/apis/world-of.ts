import type { ApiEnvironment, ServerWorld, WebWorld } from '../contract.js';
import { createServerWorld, createWebWorld } from './default-worlds.js';

/** The page of a web environment; an environment without one gets a default page. */
export function webWorldOf(environment: ApiEnvironment): WebWorld {
  environment.web ??= createWebWorld();
  return environment.web;
}

/** The request of a server environment; an environment without one gets a default request. */
export function serverWorldOf(environment: ApiEnvironment): ServerWorld {
  environment.server ??= createServerWorld();
  return environment.server;
}
