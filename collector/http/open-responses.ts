import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The last answer begun on each connection, until it is sent. Node sends the answers of one
 * connection in the order their requests came, so when the last one is sent, all are.
 */
const lastOpenResponse = new WeakMap<object, ServerResponse>();

/** Notes an answer as under way on its request's connection until it is sent or dropped. */
export function trackOpenResponse(request: IncomingMessage, response: ServerResponse): void {
  const connection = request.socket;
  lastOpenResponse.set(connection, response);
  response.once('close', () => {
    if (lastOpenResponse.get(connection) === response) lastOpenResponse.delete(connection);
  });
}

/** Calls `then` once every answer under way on the connection is sent; at once if none is. */
export function afterOpenResponses(connection: object, then: () => void): void {
  const open = lastOpenResponse.get(connection);
  if (open === undefined) {
    then();
    return;
  }
  open.once('close', then);
}
