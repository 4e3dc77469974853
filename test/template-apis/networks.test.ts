import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchNetwork } from '../../gtm-template/sandbox/apis/fetch-network.js';
import {
  NetworkFailureError,
  NetworkTimeoutError,
} from '../../gtm-template/sandbox/apis/network-errors.js';
import { createRecordingNetwork } from '../../gtm-template/sandbox/apis/recording-network.js';

describe('the recording network', () => {
  it('records requests and answers per longest URL prefix', async () => {
    const network = createRecordingNetwork();
    network.answer('https://a.test/', { statusCode: 202 });
    network.answer('https://a.test/deep/', { statusCode: 404, body: 'no' });
    const request = { api: 'sendPixel', url: 'https://a.test/deep/x', method: 'GET', headers: {} };
    await expect(network.send(request)).resolves.toEqual({
      statusCode: 404,
      headers: {},
      body: 'no',
    });
    await expect(network.send({ ...request, url: 'https://a.test/x' })).resolves.toMatchObject({
      statusCode: 202,
    });
    await expect(network.send({ ...request, url: 'https://b.test/' })).resolves.toMatchObject({
      statusCode: 200,
    });
    expect(network.requests.map((recorded) => recorded.url)).toEqual([
      'https://a.test/deep/x',
      'https://a.test/x',
      'https://b.test/',
    ]);
  });

  it('times out deterministically and fails on demand', async () => {
    const network = createRecordingNetwork();
    network.answer('https://slow.test/', { latencyMs: 500 });
    network.answer('https://down.test/', { fails: true });
    const request = {
      api: 'sendHttpGet',
      url: 'https://slow.test/',
      method: 'GET',
      headers: {},
      timeoutMs: 100,
    };
    await expect(network.send(request)).rejects.toBeInstanceOf(NetworkTimeoutError);
    await expect(network.send({ ...request, timeoutMs: 1000 })).resolves.toMatchObject({
      statusCode: 200,
    });
    await expect(network.send({ ...request, url: 'https://down.test/' })).rejects.toBeInstanceOf(
      NetworkFailureError,
    );
  });
});

describe('the fetch network (against a loopback server)', () => {
  let server: Server;
  let origin = '';
  const received: Array<{ method?: string; url?: string; body: string; contentType?: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({
          method: request.method,
          url: request.url,
          body,
          contentType: request.headers['content-type'],
        });
        if (request.url === '/slow') return void setTimeout(() => response.end('late'), 2000);
        response.writeHead(201, { 'X-Answer': 'yes' });
        response.end('stored');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends method, headers and body and reads the answer', async () => {
    const network = createFetchNetwork();
    const response = await network.send({
      api: 'sendHttpRequest',
      url: `${origin}/collect`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
      timeoutMs: 5000,
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-answer']).toBe('yes');
    expect(response.body).toBe('stored');
    expect(received.at(-1)).toEqual({
      method: 'POST',
      url: '/collect',
      body: '{"a":1}',
      contentType: 'application/json',
    });
  });

  it('turns a timeout into NetworkTimeoutError and a refused connection into NetworkFailureError', async () => {
    const network = createFetchNetwork();
    await expect(
      network.send({
        api: 'sendHttpGet',
        url: `${origin}/slow`,
        method: 'GET',
        headers: {},
        timeoutMs: 50,
      }),
    ).rejects.toBeInstanceOf(NetworkTimeoutError);
    await expect(
      network.send({ api: 'sendHttpGet', url: 'http://127.0.0.1:1/', method: 'GET', headers: {} }),
    ).rejects.toBeInstanceOf(NetworkFailureError);
  });

  it('hands injectScript to the page loader when there is one', async () => {
    const loaded: string[] = [];
    const network = createFetchNetwork({ loadScript: async (url) => void loaded.push(url) });
    await expect(
      network.send({
        api: 'injectScript',
        url: 'https://cdn.test/x.js',
        method: 'GET',
        headers: {},
      }),
    ).resolves.toMatchObject({
      statusCode: 200,
    });
    expect(loaded).toEqual(['https://cdn.test/x.js']);
  });
});
