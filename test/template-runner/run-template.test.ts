import { describe, expect, it } from 'vitest';
import { createRecordingNetwork } from '../../gtm-template/sandbox/apis/recording-network.js';
import {
  runTemplate,
  type RunTemplateOptions,
} from '../../gtm-template/sandbox/runtime/run-template.js';
import {
  createSeededRandom,
  createTestClock,
} from '../../gtm-template/sandbox/runtime/deterministic-world.js';
import type { ApiDefinition } from '../../gtm-template/sandbox/contract.js';
import { createStubPermissions, makeTemplate, permissionEntry, stubApis } from './stub-apis.js';

function options(overrides: Partial<RunTemplateOptions> = {}): RunTemplateOptions {
  return {
    apis: stubApis,
    permissions: createStubPermissions([
      permissionEntry('send_pixel'),
      permissionEntry('send_http'),
      permissionEntry('logging'),
      permissionEntry('read_event_data'),
    ]),
    network: createRecordingNetwork(),
    ...overrides,
  };
}

describe('runTemplate for tags', () => {
  it('succeeds when the tag calls gtmOnSuccess, after its callbacks ran', async () => {
    const network = createRecordingNetwork({ statusCode: 204 });
    const template = makeTemplate({
      context: 'server',
      code: "require('sendHttpRequest')('https://collector.example/e?n=' + data.name, function (status) {\n  if (status === 204) data.gtmOnSuccess(); else data.gtmOnFailure();\n});",
    });
    const run = await runTemplate(template, options({ network, data: { name: 'purchase' } }));
    expect(run.outcome).toBe('succeeded');
    expect(network.requests.map((request) => request.url)).toEqual([
      'https://collector.example/e?n=purchase',
    ]);
    expect(run.calls.map((call) => call.api)).toEqual(['sendHttpRequest', 'gtmOnSuccess']);
    expect(run.drain).toBe('settled');
  });

  it('fails when the tag calls gtmOnFailure', async () => {
    const run = await runTemplate(makeTemplate({ code: 'data.gtmOnFailure();' }), options());
    expect(run.outcome).toBe('failed');
  });

  it('is still running when the tag calls neither', async () => {
    const run = await runTemplate(makeTemplate({ code: 'var x = 1;' }), options());
    expect(run.outcome).toBe('still-running');
  });

  it('a permission denial fails the run with the message and the line', async () => {
    const run = await runTemplate(
      makeTemplate({
        code: "var x = 1;\nrequire('sendPixel')('https://x.example/');\ndata.gtmOnSuccess();",
      }),
      options({ permissions: createStubPermissions([]) }),
    );
    expect(run.outcome).toBe('errored');
    expect(run.errors).toEqual([
      {
        kind: 'permission',
        message: "Prohibited from calling sendPixel: the template has no 'send_pixel' permission.",
        line: 2,
        column: 1,
      },
    ]);
  });

  it('a syntax error is reported without running anything', async () => {
    const run = await runTemplate(makeTemplate({ code: 'var d = new Date();' }), options());
    expect(run).toMatchObject({
      outcome: 'errored',
      errors: [{ kind: 'syntax', line: 1, column: 9 }],
    });
  });

  it('an error in a callback is reported with its place', async () => {
    const run = await runTemplate(
      makeTemplate({ code: "require('callLater')(function () {\n  data.missing.call();\n});" }),
      options(),
    );
    expect(run.errors).toEqual([expect.objectContaining({ kind: 'type', line: 2, column: 3 })]);
  });

  it('logs go to the run and to onLog as they come', async () => {
    const seen: string[] = [];
    const run = await runTemplate(
      makeTemplate({ code: "require('logToConsole')('event', {n: 1});\ndata.gtmOnSuccess();" }),
      options({ onLog: (entry) => seen.push(entry.message) }),
    );
    expect(run.logs).toEqual([{ level: 'info', message: 'event {"n":1}' }]);
    expect(seen).toEqual(['event {"n":1}']);
  });
});

describe('runTemplate for variables and clients', () => {
  it('a MACRO returns its value, copied out', async () => {
    const run = await runTemplate(
      makeTemplate({ kind: 'MACRO', code: 'return {total: data.a + data.b, list: [data.a]};' }),
      options({ data: { a: 1, b: 2 } }),
    );
    expect(run).toMatchObject({ outcome: 'returned', value: { total: 3, list: [1] } });
  });

  it('a server MACRO may return a promise, which is awaited', async () => {
    const delayed: ApiDefinition = {
      name: 'later',
      contexts: ['server'],
      create: (environment) => (value) => environment.track(Promise.resolve(value)),
    };
    const template = makeTemplate({
      context: 'server',
      kind: 'MACRO',
      code: "return require('later')(41).then(function (n) { return n + 1; });",
    });
    const run = await runTemplate(template, options({ apis: [...stubApis, delayed] }));
    expect(run).toMatchObject({ outcome: 'returned', value: 42 });
  });

  it('a CLIENT runs and returns what its code returns', async () => {
    const template = makeTemplate({
      context: 'server',
      kind: 'CLIENT',
      code: "return require('getAllEventData')().event_name;",
    });
    expect(await runTemplate(template, options())).toMatchObject({
      outcome: 'returned',
      value: 'purchase',
    });
  });

  it('require gives undefined for names the context does not have', async () => {
    const template = makeTemplate({
      kind: 'MACRO',
      code: "return [typeof require('getAllEventData'), typeof require('nope'), typeof require(42)];",
    });
    expect((await runTemplate(template, options())).value).toEqual([
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  it('the deterministic clock and random reach the APIs', async () => {
    const clockApi: ApiDefinition = {
      name: 'getTimestampMillis',
      contexts: ['web'],
      create: (environment) => () => environment.now(),
    };
    const randomApi: ApiDefinition = {
      name: 'generateRandom',
      contexts: ['web'],
      create: (environment) => (min, max) =>
        Math.floor(environment.random() * (Number(max) - Number(min) + 1)) + Number(min),
    };
    const template = makeTemplate({
      kind: 'MACRO',
      code: "return [require('getTimestampMillis')(), require('generateRandom')(1, 1000)];",
    });
    const run = () =>
      runTemplate(
        template,
        options({
          apis: [clockApi, randomApi],
          now: createTestClock(1000).now,
          random: createSeededRandom(7),
        }),
      );
    const [first, second] = [await run(), await run()];
    expect((first.value as number[])[0]).toBe(1000);
    expect(first.value).toEqual(second.value);
  });

  it("Object.delete and Object.freeze act on the template's own object", async () => {
    const template = makeTemplate({
      kind: 'MACRO',
      code: "const Object = require('Object');\nconst o = {a: 1, b: 2};\nObject.delete(o, 'a');\nconst frozen = Object.freeze({c: 3});\nfrozen.c = 4;\nreturn [Object.keys(o), frozen.c, Object.entries({x: 1})];",
    });
    expect((await runTemplate(template, options())).value).toEqual([['b'], 3, [['x', 1]]]);
  });
});
