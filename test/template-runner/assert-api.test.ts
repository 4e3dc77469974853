import { describe, expect, it } from 'vitest';
import { permissionEntry, runScenarioCode } from './stub-apis.js';

const pixelTag = {
  kind: 'TAG' as const,
  code: [
    "const sendPixel = require('sendPixel');",
    "const JSON = require('JSON');",
    'if (data.skip) return data.gtmOnFailure();',
    "sendPixel('https://collect.example/p?e=' + data.event, data.gtmOnSuccess);",
    'JSON.stringify({event: data.event});',
    "require('logToConsole')({event: data.event, list: [1, {deep: true}]});",
  ].join('\n'),
  permissions: [permissionEntry('send_pixel'), permissionEntry('logging')],
};

describe('assertApi', () => {
  it.each([
    ['wasCalled on a called API', "runCode({event: 'a'}); assertApi('sendPixel').wasCalled();"],
    [
      'wasNotCalled on an API never called',
      "runCode({skip: true}); assertApi('sendPixel').wasNotCalled();",
    ],
    [
      'wasCalledWith matching arguments by value',
      "runCode({event: 'a'}); assertApi('logToConsole').wasCalledWith({list: [1, {deep: true}], event: 'a'});",
    ],
    [
      'wasNotCalledWith other arguments',
      "runCode({event: 'a'}); assertApi('sendPixel').wasNotCalledWith('https://collect.example/p?e=b');",
    ],
    [
      'gtmOnFailure as a pseudo-API',
      "runCode({skip: true}); assertApi('gtmOnFailure').wasCalled(); assertApi('gtmOnSuccess').wasNotCalled();",
    ],
    [
      'gtmOnSuccess called later by the API',
      "runCode({event: 'a'}); callLater(function () { assertApi('gtmOnSuccess').wasCalled(); });",
    ],
  ])('%s holds', async (_name, code) => {
    const result = await runScenarioCode(
      `const callLater = require('callLater');\n${code}`,
      pixelTag,
    );
    expect(result.failures).toEqual([]);
  });

  it.each([
    [
      'wasCalled',
      "runCode({skip: true});\nassertApi('sendPixel').wasCalled();",
      /expected sendPixel to have been called, but it was not called/,
    ],
    [
      'wasNotCalled',
      "runCode({event: 'a'});\nassertApi('sendPixel').wasNotCalled();",
      /not to have been called, but it was called 1 time: \["https:\/\/collect\.example\/p\?e=a", function gtmOnSuccess\]/,
    ],
    [
      'wasCalledWith',
      "runCode({event: 'a'});\nassertApi('sendPixel').wasCalledWith('https://collect.example/p?e=b');",
      /to have been called with \["https:\/\/collect\.example\/p\?e=b"\], but it was called 1 time/,
    ],
    [
      'wasNotCalledWith',
      "runCode({event: 'a'});\nassertApi('logToConsole').wasNotCalledWith({event: 'a', list: [1, {deep: true}]});",
      /not to have been called with \[\{event: "a", list: \[1, \{deep: true\}\]\}\], but it was/,
    ],
  ])('%s fails with what was called', async (_name, code, message) => {
    const result = await runScenarioCode(code, pixelTag);
    expect(result.passed).toBe(false);
    expect(result.failures[0]?.message).toMatch(message);
    expect(result.failures[0]?.line).toBe(2);
  });

  it('compares callbacks by identity: the callback a mock captured matches', async () => {
    const code = [
      'var captured;',
      "mock('sendPixel', function (url, onSuccess) { captured = onSuccess; });",
      "runCode({event: 'a'});",
      "assertApi('sendPixel').wasCalledWith('https://collect.example/p?e=a', captured);",
      "assertApi('sendPixel').wasNotCalledWith('https://collect.example/p?e=a', function () {});",
    ].join('\n');
    expect((await runScenarioCode(code, pixelTag)).failures).toEqual([]);
  });

  it('tracks only top-level API calls: JSON.stringify is not an API name', async () => {
    const code =
      "runCode({event: 'a'});\nassertApi('JSON').wasNotCalled();\nassertApi('JSON.stringify').wasNotCalled();";
    expect((await runScenarioCode(code, pixelTag)).failures).toEqual([]);
  });

  it('arguments are recorded as they were at the call, not as they are later', async () => {
    const template = {
      code: "const log = require('logToConsole');\nconst o = {n: 1};\nlog(o);\no.n = 2;\nreturn o;",
      permissions: [permissionEntry('logging')],
    };
    const result = await runScenarioCode(
      "runCode({});\nassertApi('logToConsole').wasCalledWith({n: 1});",
      template,
    );
    expect(result.failures).toEqual([]);
  });
});
