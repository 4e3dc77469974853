import type { IncomingMessage, ServerResponse } from 'node:http';
import { corsHeaders } from './cors-headers.js';
import { handleCollect } from './handle-collect.js';
import { handleRows } from './handle-rows.js';
import { trackOpenResponse } from './open-responses.js';
import type { Collector, Exchange, Handled } from './request-context.js';
import { sendError, sendJson, sendNoContent, sendText } from './responses.js';

interface Route {
  name: string;
  methods: readonly string[];
  handle: (collector: Collector, exchange: Exchange) => Promise<Handled> | Handled;
}

/**
 * The whole HTTP surface: GA4 hits on `/g/collect` and the configured paths, `POST /rows`,
 * `/healthz`, `/readyz` and `/metrics`. Anything else is 404 and a wrong method 405, each with
 * its reason. A handler that throws is answered 500 and logged; the process never goes down
 * with a request. A connection is kept for the next request only after a GET or POST whose
 * body was read in full (`isConnectionReusable`); every other answer ends it.
 */
export function createRequestHandler(
  collector: Collector,
): (request: IncomingMessage, response: ServerResponse) => void {
  const routes = buildRoutes(collector);
  let inFlight = 0;
  return (request, response) => {
    const started = performance.now();
    trackOpenResponse(request, response);
    inFlight += 1;
    void serve(collector, routes, request, response, inFlight)
      .catch((error: unknown) => {
        collector.logger.error({ err: error }, 'request failed');
        if (!response.headersSent) sendError(response, 500, 'the collector failed on this request');
        else response.destroy();
        return { status: 500 } as Handled;
      })
      .then((handled) => {
        inFlight -= 1;
        const seconds = (performance.now() - started) / 1000;
        collector.metrics.observe('tagwarden_request_duration_seconds', seconds);
        // The log line's object is built only when it is written: this runs for every request.
        if (!collector.logger.isLevelEnabled('debug')) return;
        collector.logger.debug(
          {
            method: request.method,
            url: request.url?.slice(0, 200),
            ...handled,
            ms: seconds * 1000,
          },
          'request',
        );
      });
  };
}

async function serve(
  collector: Collector,
  routes: Map<string, Route>,
  request: IncomingMessage,
  response: ServerResponse,
  inFlight: number,
): Promise<Handled> {
  const url = request.url ?? '/';
  const questionAt = url.indexOf('?');
  const path = questionAt === -1 ? url : url.slice(0, questionAt);
  const route = routes.get(path);
  const label = route?.name ?? 'unknown';
  const handled = await dispatch(
    collector,
    route,
    request,
    response,
    path,
    url,
    questionAt,
    inFlight,
  );
  collector.metrics.increment('tagwarden_http_requests_total', {
    route: label,
    status: String(handled.status),
  });
  return handled;
}

async function dispatch(
  collector: Collector,
  route: Route | undefined,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  url: string,
  questionAt: number,
  inFlight: number,
): Promise<Handled> {
  const method = request.method ?? 'GET';
  if (route === undefined) {
    request.resume();
    return refuse(
      response,
      404,
      `nothing is served at ${path.slice(0, 100)}: GA4 hits go to ${collectPaths(collector).join(', ')}`,
    );
  }
  const cors = corsHeaders(request, collector.options.allowOrigins);
  if ('forbidden' in cors) {
    request.resume();
    return refuse(response, 403, cors.forbidden);
  }
  if (method === 'OPTIONS' && route.methods.includes('POST')) {
    sendNoContent(response, { ...cors.headers, Allow: [...route.methods, 'OPTIONS'].join(', ') });
    return { status: 204 };
  }
  if (!route.methods.includes(method)) {
    request.resume();
    return refuse(
      response,
      405,
      `${path} takes ${route.methods.join(' or ')}, not ${method.slice(0, 20)}`,
      {
        Allow: route.methods.join(', '),
      },
    );
  }
  if (inFlight > collector.options.maxInFlight) {
    request.resume();
    return refuse(response, 503, 'too many requests at once; retry later', { 'Retry-After': '1' });
  }
  const exchange: Exchange = {
    request,
    response,
    method,
    path,
    query: questionAt === -1 ? '' : url.slice(questionAt + 1),
    receivedAt: Date.now(),
    corsHeaders: cors.headers,
  };
  return route.handle(collector, exchange);
}

function refuse(
  response: ServerResponse,
  status: number,
  reason: string,
  headers: Record<string, string> = {},
): Handled {
  sendError(response, status, reason, headers);
  return { status, reason };
}

function buildRoutes(collector: Collector): Map<string, Route> {
  const collect: Route = { name: 'collect', methods: ['GET', 'POST'], handle: handleCollect };
  const routes = new Map<string, Route>(collectPaths(collector).map((path) => [path, collect]));
  routes.set('/rows', { name: 'rows', methods: ['POST'], handle: handleRows });
  routes.set('/healthz', {
    name: 'healthz',
    methods: ['GET'],
    handle: (_collector, exchange) => {
      sendJson(exchange.response, 200, { status: 'ok' });
      return { status: 200 };
    },
  });
  routes.set('/readyz', { name: 'readyz', methods: ['GET'], handle: readyz });
  routes.set('/metrics', {
    name: 'metrics',
    methods: ['GET'],
    handle: (current, exchange) => {
      sendText(
        exchange.response,
        200,
        current.metrics.render(),
        'text/plain; version=0.0.4; charset=utf-8',
      );
      return { status: 200 };
    },
  });
  return routes;
}

function readyz(collector: Collector, exchange: Exchange): Handled {
  const readiness = collector.pipeline.readiness();
  const status = readiness.isReady ? 200 : 503;
  sendJson(exchange.response, status, { ...readiness, sink: collector.options.sink.description });
  return { status };
}

function collectPaths(collector: Collector): string[] {
  return ['/g/collect', ...collector.options.collectPaths.filter((path) => path !== '/g/collect')];
}
