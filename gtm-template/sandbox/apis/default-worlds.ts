import type { ServerWorld, WebWorld } from '../contract.js';

/** What `getContainerVersion` reports by default: a preview run, as template tests are. */
function defaultContainerVersion(containerId: string): Record<string, unknown> {
  return {
    containerId,
    debugMode: true,
    environmentMode: false,
    environmentName: '',
    previewMode: true,
    version: 'QUICK_PREVIEW',
  };
}

/** A web page for templates to run in: an https product page, no cookies, no consent set. */
export function createWebWorld(overrides: Partial<WebWorld> = {}): WebWorld {
  return {
    window: {},
    dataLayerModel: {},
    cookies: [],
    url: 'https://shop.tagwarden.test/products/blue-shirt.html',
    referrer: '',
    title: 'Blue shirt',
    characterSet: 'UTF-8',
    consent: {},
    localStorage: new Map(),
    templateStorage: new Map(),
    containerVersion: defaultContainerVersion('GTM-TAGWARDEN'),
    ...overrides,
  };
}

/** Overrides for a server world; `request` and `response` may be given in part. */
export type ServerWorldOverrides = Partial<Omit<ServerWorld, 'request' | 'response'>> & {
  request?: Partial<ServerWorld['request']>;
  response?: Partial<ServerWorld['response']>;
};

/** A server container handling an empty GET request to `/` from a loopback address. */
export function createServerWorld(overrides: ServerWorldOverrides = {}): ServerWorld {
  const { request, response, ...rest } = overrides;
  return {
    eventData: {},
    cookies: [],
    templateDataStorage: new Map(),
    bigQuery: [],
    firestore: new Map(),
    containerVersion: defaultContainerVersion('GTM-TAGWARDEN-SERVER'),
    clientName: '',
    ...rest,
    request: {
      method: 'GET',
      path: '/',
      query: '',
      headers: {},
      body: '',
      remoteAddress: '127.0.0.1',
      ...request,
    },
    response: { status: 200, headers: {}, body: '', sent: false, ...response },
  };
}
