import { describe, expect, it } from 'vitest';
import { createStubPermissions, permissionEntry, runScenarioCode, stubApis } from './stub-apis.js';
import type { PermissionEntry } from '../../gtm-template/sandbox/contract.js';

const pixelTag = {
  kind: 'TAG' as const,
  code: "const sendPixel = require('sendPixel');\nsendPixel('https://collect.example/p', data.gtmOnSuccess);",
};

describe('permission checks in tests', () => {
  it('an unmocked API is checked: without the permission the scenario fails with the denial', async () => {
    const result = await runScenarioCode("runCode({});\nassertApi('gtmOnSuccess').wasCalled();", {
      ...pixelTag,
      permissions: [],
    });
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      {
        kind: 'permission',
        message: "Prohibited from calling sendPixel: the template has no 'send_pixel' permission.",
        source: 'template',
        line: 2,
        column: 1,
      },
    ]);
  });

  it('an unmocked API with its permission passes the check', async () => {
    const checkers: Array<ReturnType<typeof createStubPermissions>> = [];
    const createPermissions = (entries: PermissionEntry[]) => {
      const checker = createStubPermissions(entries);
      checkers.push(checker);
      return checker;
    };
    const code =
      "runCode({});\nrequire('callLater')(function () { assertApi('gtmOnSuccess').wasCalled(); });";
    const result = await runScenarioCode(
      code,
      { ...pixelTag, permissions: [permissionEntry('send_pixel')] },
      { createPermissions },
    );
    expect(result.failures).toEqual([]);
    expect(checkers[0]?.checks).toEqual(['sendPixel:send_pixel']);
  });

  it('a mocked API is not checked (reference §4.1)', async () => {
    const checkers: Array<ReturnType<typeof createStubPermissions>> = [];
    const createPermissions = (entries: PermissionEntry[]) => {
      const checker = createStubPermissions(entries);
      checkers.push(checker);
      return checker;
    };
    const code =
      "mock('sendPixel', function (url, onSuccess) { onSuccess(); });\nrunCode({});\nassertApi('gtmOnSuccess').wasCalled();";
    const result = await runScenarioCode(
      code,
      { ...pixelTag, permissions: [] },
      { createPermissions },
    );
    expect(result.failures).toEqual([]);
    expect(checkers[0]?.checks).toEqual([]);
  });

  it('test code calling an API itself is not checked against the template', async () => {
    const result = await runScenarioCode("require('logToConsole')('from the test');", {
      permissions: [],
    });
    expect(result.failures).toEqual([]);
    expect(result.logs).toEqual([{ level: 'info', message: 'from the test' }]);
  });

  it('a denial inside a callback fails the scenario too', async () => {
    const template = {
      kind: 'TAG' as const,
      code: "require('callLater')(function () { require('logToConsole')('late'); });",
      permissions: [],
    };
    const result = await runScenarioCode('runCode({});', template);
    expect(result.failures[0]).toMatchObject({ kind: 'permission', source: 'template', line: 1 });
  });

  it('the stub APIs used here check permissions through the environment, as real ones do', () => {
    expect(stubApis.map((api) => api.name)).toContain('sendPixel');
  });
});
