import { Agent, request } from 'node:http';

/** What the parent asks of the load process. */
export interface LoadOrder {
  url: string;
  /** Query strings (shared hit parameters) and bodies (event lines), sent round robin. */
  payloads: Array<{ query: string; body: string; events: number }>;
  seconds: number;
  concurrency: number;
}

export interface LoadResult {
  requests: number;
  events: number;
  errors: number;
  seconds: number;
  latenciesMs: { p50: number; p99: number; max: number };
}

/**
 * Sends batched GA4 POSTs over keep-alive connections for a fixed time, `concurrency` at a
 * time, each with its own `_s` so every event is new to the collector. Runs in its own
 * process, so the server under test never shares its event loop with the load.
 */
export async function runLoad(order: LoadOrder): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: order.concurrency });
  const latencies: number[] = [];
  let requests = 0;
  let events = 0;
  let errors = 0;
  let sequence = 0;
  const started = performance.now();
  const deadline = started + order.seconds * 1000;
  const pageLoad = `${Date.now()}${process.pid % 1000}`;

  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      sequence += 1;
      const payload = order.payloads[sequence % order.payloads.length]!;
      const path = `/g/collect?${payload.query}&_p=${pageLoad}&_s=${sequence}`;
      const sentAt = performance.now();
      const status = await post(order.url, path, payload.body, agent);
      latencies.push(performance.now() - sentAt);
      if (status >= 200 && status < 300) {
        requests += 1;
        events += payload.events;
      } else {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: order.concurrency }, worker));
  agent.destroy();
  latencies.sort((left, right) => left - right);
  const at = (share: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0;
  return {
    requests,
    events,
    errors,
    seconds: (performance.now() - started) / 1000,
    latenciesMs: { p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1] ?? 0 },
  };
}

function post(base: string, path: string, body: string, agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(
      `${base}${path}`,
      { method: 'POST', agent, headers: { 'content-type': 'text/plain;charset=UTF-8' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', () => resolve(0));
    outgoing.end(body);
  });
}
