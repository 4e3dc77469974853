import { describe, expect, it } from 'vitest';
import { permissionEntry, runScenarioCode } from './stub-apis.js';

const serverTag = {
  context: 'server' as const,
  kind: 'TAG' as const,
  code: [
    "const getAllEventData = require('getAllEventData');",
    "const BigQuery = require('BigQuery');",
    "const getType = require('getType');",
    'const event = getAllEventData();',
    "const bigQuery = getType(BigQuery) === 'function' ? BigQuery() : BigQuery;",
    "bigQuery.insert({projectId: 'p', datasetId: 'd', tableId: 't'}, [event]).then(data.gtmOnSuccess, data.gtmOnFailure);",
  ].join('\n'),
  permissions: [permissionEntry('read_event_data'), permissionEntry('access_bigquery')],
};

describe('mock', () => {
  it('a value mock is returned by every call', async () => {
    const code =
      "mock('getAllEventData', {event_name: 'refund'});\nconst value = runCode({});\nassertApi('getAllEventData').wasCalled();";
    const template = {
      context: 'server' as const,
      code: "return require('getAllEventData')().event_name;",
      permissions: [permissionEntry('read_event_data')],
    };
    const result = await runScenarioCode(
      `${code}\nassertThat(value).isEqualTo('refund');`,
      template,
    );
    expect(result.failures).toEqual([]);
  });

  it('a function mock is called in place of the API with its arguments', async () => {
    const template = {
      code: "return require('sendPixel')('https://x.example/' + data.value);",
      permissions: [],
    };
    const code =
      "var seen;\nmock('sendPixel', function (url) { seen = url; return 'mocked'; });\nassertThat(runCode({value: 7})).isEqualTo('mocked');\nassertThat(seen).isEqualTo('https://x.example/7');";
    expect((await runScenarioCode(code, template)).failures).toEqual([]);
  });

  it('can be set in setup and changed between runCode calls', async () => {
    const template = {
      context: 'server' as const,
      code: "return require('getAllEventData')().value;",
      permissions: [],
      setup: "mock('getAllEventData', {value: 1});",
    };
    const code =
      "assertThat(runCode({})).isEqualTo(1);\nmock('getAllEventData', {value: 2});\nassertThat(runCode({})).isEqualTo(2);";
    expect((await runScenarioCode(code, template)).failures).toEqual([]);
  });

  it('a function mock of an object API makes require return the function (the BigQuery shim)', async () => {
    const code = [
      'var inserted;',
      "mock('BigQuery', function () { return { insert: function (table, rows) { inserted = rows; return require('Promise') ? undefined : undefined; } }; });",
      "mock('getAllEventData', {event_name: 'purchase'});",
      'runCode({});',
    ].join('\n');
    const result = await runScenarioCode(code, serverTag);
    // The shim calls BigQuery(); the mock's insert returns undefined, so `.then` fails the run.
    expect(result.failures[0]).toMatchObject({ source: 'template', line: 6, kind: 'type' });
    expect(result.failures[0]?.message).toMatch(/is not a function|cannot read property 'then'/);
  });

  it('mocks are reset for each scenario', async () => {
    const template = {
      context: 'server' as const,
      code: "return require('getAllEventData')().event_name;",
      permissions: [permissionEntry('read_event_data')],
    };
    const first = await runScenarioCode(
      "mock('getAllEventData', {event_name: 'mocked'});\nassertThat(runCode({})).isEqualTo('mocked');",
      template,
    );
    const second = await runScenarioCode(
      "assertThat(runCode({})).isEqualTo('purchase');",
      template,
    );
    expect([first.failures, second.failures]).toEqual([[], []]);
  });
});

describe('mockObject', () => {
  it('require returns the mock object itself, with function-valued members', async () => {
    const code = [
      'var rows;',
      "mockObject('BigQuery', { insert: function (table, given) { rows = given; return { then: function (ok) { ok(); } }; } });",
      "mock('getAllEventData', {event_name: 'purchase'});",
      'runCode({});',
      "assertThat(rows).isEqualTo([{event_name: 'purchase'}]);",
      "assertApi('gtmOnSuccess').wasCalled();",
      "assertApi('BigQuery').wasNotCalled();",
    ].join('\n');
    expect((await runScenarioCode(code, serverTag)).failures).toEqual([]);
  });

  it('an unmocked object API is the real one', async () => {
    const code =
      "mock('getAllEventData', {event_name: 'purchase'});\nrunCode({});\ncallLater(function () { assertApi('gtmOnSuccess').wasCalled(); });";
    const result = await runScenarioCode(
      `const callLater = require('callLater');\n${code}`,
      serverTag,
    );
    expect(result.failures).toEqual([]);
  });
});

describe('the test-code require', () => {
  it('gives the listed helpers and nothing else', async () => {
    const code =
      "assertThat(require('JSON').stringify([1])).isEqualTo('[1]');\nassertThat(require('sendPixel')).isUndefined();\nassertThat(require('nonsense')).isUndefined();";
    expect((await runScenarioCode(code)).failures).toEqual([]);
  });

  it('test code cannot reach host globals either', async () => {
    const result = await runScenarioCode('process.exit(1);');
    expect(result.failures[0]).toMatchObject({
      kind: 'reference',
      message: 'process is not defined',
    });
  });
});
