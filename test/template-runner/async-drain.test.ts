import { describe, expect, it } from 'vitest';
import { permissionEntry, runScenarioCode } from './stub-apis.js';

const asyncTag = {
  context: 'server' as const,
  kind: 'TAG' as const,
  code: [
    "const sendHttpRequest = require('sendHttpRequest');",
    "const callLater = require('callLater');",
    "sendHttpRequest('https://collector.example/e', function (statusCode) {",
    '  if (statusCode >= 200 && statusCode < 300) callLater(data.gtmOnSuccess);',
    '  else data.gtmOnFailure();',
    '});',
  ].join('\n'),
  permissions: [permissionEntry('send_http')],
};

describe('asynchronous work is drained before the verdict', () => {
  it('callbacks the template registers run after the scenario body and before the verdict', async () => {
    const code = [
      "const later = require('callLater');",
      "mock('sendHttpRequest', function (url, callback) { later(function () { callback(200); }); });",
      'runCode({});',
      "assertApi('gtmOnSuccess').wasNotCalled();",
      "later(function () { later(function () { assertApi('gtmOnSuccess').wasCalled(); }); });",
    ].join('\n');
    expect((await runScenarioCode(code, asyncTag)).failures).toEqual([]);
  });

  it('an assertion failing inside a callLater callback fails the scenario with its line', async () => {
    const code =
      "runCode({});\nrequire('callLater')(function () {\n  assertApi('gtmOnFailure').wasCalled();\n});";
    const result = await runScenarioCode(code, asyncTag);
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({
        kind: 'assertion',
        source: 'code',
        line: 3,
        message: expect.stringMatching(/gtmOnFailure to have been called/),
      }),
    ]);
  });

  it('an assertion failing inside a mocked API callback is reported, even when called later', async () => {
    const code = [
      "mock('sendHttpRequest', function (url, callback) {",
      "  require('callLater')(function () { callback(500); });",
      '});',
      'runCode({});',
      "require('callLater')(function () { assertApi('gtmOnSuccess').wasCalled(); });",
    ].join('\n');
    const result = await runScenarioCode(code, asyncTag);
    expect(result.failures.map((failure) => failure.line)).toEqual([5]);
  });

  it('each failing callback is reported, not only the first', async () => {
    const code =
      "const later = require('callLater');\nlater(function () { fail('first'); });\nlater(function () { fail('second'); });";
    const result = await runScenarioCode(code);
    expect(result.failures.map((failure) => failure.message)).toEqual(['first', 'second']);
  });

  it('a synchronous failure stops the scenario: queued callbacks do not run', async () => {
    const code = "require('callLater')(function () { fail('later'); });\nfail('now');";
    const result = await runScenarioCode(code);
    expect(result.failures.map((failure) => failure.message)).toEqual(['now']);
  });

  it('host promise reactions run before later callLater tasks', async () => {
    const template = {
      context: 'server' as const,
      kind: 'TAG' as const,
      code: "require('BigQuery').insert({}, []).then(data.gtmOnSuccess);",
      permissions: [permissionEntry('access_bigquery')],
    };
    const code =
      "runCode({});\nrequire('callLater')(function () { assertApi('gtmOnSuccess').wasCalled(); });";
    expect((await runScenarioCode(code, template)).failures).toEqual([]);
  });

  it('a callback that keeps scheduling itself ends at the task limit', async () => {
    const code =
      "const later = require('callLater');\nfunction again() { later(again); }\nagain();";
    const result = await runScenarioCode(code, {}, { limits: { maxTasks: 50 } });
    expect(result.failures[0]).toMatchObject({
      kind: 'limit',
      message: expect.stringMatching(/task limit/),
    });
  });

  it('a host promise that never settles ends at the drain timeout', async () => {
    const template = {
      context: 'server' as const,
      code: "require('sendHttpRequest')('https://slow.example/', function () {});",
      permissions: [permissionEntry('send_http')],
    };
    const neverAnswers = () => ({ send: () => new Promise<never>(() => undefined) });
    const result = await runScenarioCode('runCode({});', template, {
      createNetwork: neverAnswers,
      limits: { drainTimeoutMs: 30 },
    });
    expect(result.failures[0]).toMatchObject({
      kind: 'limit',
      message: expect.stringMatching(/still pending/),
    });
  });
});
