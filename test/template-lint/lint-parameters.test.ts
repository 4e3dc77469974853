import { describe, expect, it } from 'vitest';
import { lintShape, ruleIdsOf, textFields } from './make-template.js';

const text = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'TEXT',
  name,
  displayName: name,
  simpleValueType: true,
  ...extra,
});
const lintFields = (parameters: unknown[]) =>
  lintShape({ kind: 'MACRO', code: 'return 1;', parameters });

const rows: Array<{ ruleId: string; positive: unknown[]; negative: unknown[] }> = [
  {
    ruleId: 'params/unknown-type',
    positive: [{ type: 'NUMBER', name: 'timeout', displayName: 'Timeout' }],
    negative: [text('timeout', { valueValidators: [{ type: 'NUMBER' }] })],
  },
  {
    ruleId: 'params/missing-key',
    positive: [{ type: 'SELECT', name: 'mode', displayName: 'Mode' }],
    negative: [
      {
        type: 'SELECT',
        name: 'mode',
        displayName: 'Mode',
        selectItems: [{ value: 'a', displayValue: 'A' }],
      },
    ],
  },
  {
    ruleId: 'params/validator',
    positive: [
      text('measurementId', { valueValidators: [{ type: 'REGEX', args: ['^G-[A-Z0-9+$'] }] }),
    ],
    negative: [
      text('measurementId', {
        valueValidators: [{ type: 'REGEX', args: ['^G-[A-Z0-9]+$'], errorMessage: 'A G- id.' }],
      }),
    ],
  },
  {
    ruleId: 'params/unknown-validator',
    positive: [text('measurementId', { valueValidators: [{ type: 'GA_TRACKING_ID' }] })],
    negative: [text('measurementId', { valueValidators: [{ type: 'NON_EMPTY' }] })],
  },
  {
    ruleId: 'params/enabling-condition',
    positive: [
      text('mode'),
      text('custom', {
        enablingConditions: [{ paramName: 'mod', paramValue: 'custom', type: 'EQUALS' }],
      }),
    ],
    negative: [
      text('mode'),
      text('custom', {
        enablingConditions: [{ paramName: 'mode', paramValue: 'custom', type: 'EQUALS' }],
      }),
    ],
  },
  {
    ruleId: 'params/duplicate-name',
    positive: [
      text('url'),
      { type: 'GROUP', name: 'advanced', displayName: 'Advanced', subParams: [text('url')] },
    ],
    negative: [
      {
        type: 'SIMPLE_TABLE',
        name: 'headers',
        displayName: 'Headers',
        simpleTableColumns: [{ type: 'TEXT', name: 'key', displayName: 'Key' }],
      },
      {
        type: 'SIMPLE_TABLE',
        name: 'cookies',
        displayName: 'Cookies',
        simpleTableColumns: [{ type: 'TEXT', name: 'key', displayName: 'Key' }],
      },
    ],
  },
  {
    ruleId: 'params/name-case',
    positive: [text('event_name')],
    negative: [
      text('eventName'),
      { type: 'LABEL', name: 'Intro_Label', displayName: 'Fill in the fields.' },
    ],
  },
];

describe('parameter definitions', () => {
  it.each(rows.map((row) => [row.ruleId, row] as const))(
    '%s flags a bad field and points into ___TEMPLATE_PARAMETERS___',
    (ruleId, row) => {
      const findings = lintFields(row.positive);
      expect(ruleIdsOf(findings)).toEqual([ruleId]);
      expect(findings[0]?.section).toBe('TEMPLATE_PARAMETERS');
    },
  );

  it.each(rows.map((row) => [row.ruleId, row] as const))('%s accepts its look-alike', (_, row) => {
    expect(ruleIdsOf(lintFields(row.negative))).toEqual([]);
  });

  it.each([
    ['a field without a name', [{ type: 'TEXT', displayName: 'Nameless' }], 'params/missing-key'],
    [
      'a RADIO without items',
      [{ type: 'RADIO', name: 'option', displayName: 'Option' }],
      'params/missing-key',
    ],
    ['a field that is not an object', ['url'], 'params/missing-key'],
    [
      'a table column of an unknown type',
      [
        {
          type: 'SIMPLE_TABLE',
          name: 'rows',
          displayName: 'Rows',
          simpleTableColumns: [{ type: 'CHECKBOX', name: 'on', displayName: 'On' }],
        },
      ],
      'params/unknown-type',
    ],
    [
      'NON_EMPTY with arguments',
      [text('url', { valueValidators: [{ type: 'NON_EMPTY', args: [1] }] })],
      'params/validator',
    ],
    [
      'STRING_LENGTH with the maximum below the minimum',
      [text('code', { valueValidators: [{ type: 'STRING_LENGTH', args: [5, 1] }] })],
      'params/validator',
    ],
    [
      'TABLE_ROW_COUNT with text arguments',
      [text('code', { valueValidators: [{ type: 'TABLE_ROW_COUNT', args: ['1'] }] })],
      'params/validator',
    ],
    [
      'a validator condition naming no field',
      [
        text('url', {
          valueValidators: [
            { type: 'NON_EMPTY', enablingConditions: [{ paramName: 'missing', type: 'PRESENT' }] },
          ],
        }),
      ],
      'params/enabling-condition',
    ],
    [
      'an EQUALS condition without a value',
      [
        text('mode'),
        text('custom', { enablingConditions: [{ paramName: 'mode', type: 'EQUALS' }] }),
      ],
      'params/enabling-condition',
    ],
    [
      'an unknown condition type',
      [
        text('mode'),
        text('custom', {
          enablingConditions: [{ paramName: 'mode', paramValue: 1, type: 'GREATER_THAN' }],
        }),
      ],
      'params/enabling-condition',
    ],
  ])('flags %s', (_, parameters, ruleId) => {
    expect(ruleIdsOf(lintFields(parameters))).toEqual([ruleId]);
  });

  it('accepts the validators and conditions seen in real templates', () => {
    const parameters = [
      text('mode'),
      text('rate', {
        valueValidators: [
          { type: 'PERCENTAGE' },
          { type: 'DECIMAL' },
          { type: 'POSITIVE_NUMBER' },
          { type: 'NON_NEGATIVE_NUMBER' },
        ],
      }),
      text('code', {
        valueValidators: [{ type: 'STRING_LENGTH', args: [1, 20] }],
        enablingConditions: [{ paramName: 'mode', type: 'PRESENT' }],
      }),
      {
        type: 'SIMPLE_TABLE',
        name: 'rows',
        displayName: 'Rows',
        valueValidators: [{ type: 'TABLE_ROW_COUNT', args: [1] }],
        simpleTableColumns: [{ type: 'TEXT', name: 'value', displayName: 'Value' }],
      },
      {
        type: 'CHECKBOX',
        name: 'enabled',
        displayName: '',
        checkboxText: 'On',
        enablingConditions: [{ paramName: 'mode', paramValue: false, type: 'NOT_EQUALS' }],
      },
    ];
    expect(ruleIdsOf(lintFields(parameters))).toEqual([]);
  });

  it('points at the offending validator line', () => {
    const findings = lintFields([
      text('url'),
      text('code', { valueValidators: [{ type: 'STRING_LENGTH', args: [5, 1] }] }),
    ]);
    expect(findings[0]).toMatchObject({
      ruleId: 'params/validator',
      message: 'STRING_LENGTH: the maximum is below the minimum.',
    });
    const first = lintFields([
      text('code', { valueValidators: [{ type: 'STRING_LENGTH', args: [5, 1] }] }),
    ])[0];
    expect(findings[0]?.line).toBeGreaterThan(first?.line ?? Infinity);
  });

  it('suggests a camelCase name', () => {
    expect(lintFields(textFields('event-name'))[0]?.hint).toMatch(/eventName/);
  });
});

describe('test scenarios', () => {
  it('flags a scenario that does not parse, naming it and its line', () => {
    const tests = {
      scenarios: [
        { name: 'Returns one', code: 'assertThat(runCode({})).isEqualTo(1);' },
        { name: 'Broken', code: 'runCode({});\nassertThat(runCode({}).isEqualTo(1);' },
      ],
      setup: 'const a = 1;',
    };
    const findings = lintShape({ kind: 'MACRO', code: 'return 1;', tests });
    expect(ruleIdsOf(findings)).toEqual(['tests/syntax']);
    expect(findings[0]).toMatchObject({
      section: 'TESTS',
      message: expect.stringMatching(
        /^Scenario "Broken" does not parse: .*\(line 2 of its code\)\.$/,
      ) as unknown,
    });
  });

  it('accepts setup and scenarios that parse together', () => {
    const tests = {
      scenarios: [{ name: 'Uses setup', code: 'assertThat(runCode(mockData)).isEqualTo(1);' }],
      setup: 'const mockData = {};',
    };
    expect(ruleIdsOf(lintShape({ kind: 'MACRO', code: 'return 1;', tests }))).toEqual([]);
  });
});
