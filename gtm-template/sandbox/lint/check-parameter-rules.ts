import { parameterProblem as problem } from './parameter-problem.js';
import { isRecord, type FieldAt } from './collect-parameter-names.js';
import type { LintProblem } from './lint-problem.js';

// Validator types seen in real templates, and what their `args` hold (reference §1.3).
const validatorArgs: Record<string, 'none' | 'pattern' | 'range'> = {
  NON_EMPTY: 'none',
  REGEX: 'pattern',
  POSITIVE_NUMBER: 'none',
  NON_NEGATIVE_NUMBER: 'none',
  NUMBER: 'none',
  DECIMAL: 'none',
  PERCENTAGE: 'none',
  STRING_LENGTH: 'range',
  TABLE_ROW_COUNT: 'range',
};
// Enabling-condition types seen: EQUALS (640), NOT_EQUALS, PRESENT (reference §1.3).
const conditionTypes = new Set(['EQUALS', 'NOT_EQUALS', 'PRESENT']);

/** `valueValidators` and `enablingConditions` of every field, checked against the field names. */
export function checkParameterRules(fields: readonly FieldAt[]): LintProblem[] {
  const names = new Set(
    fields.map(({ field }) => field['name']).filter((name) => typeof name === 'string'),
  );
  const problems: LintProblem[] = [];
  for (const { field, path } of fields) {
    problems.push(
      ...conditionProblems(field['enablingConditions'], [...path, 'enablingConditions'], names),
    );
    const validators = field['valueValidators'];
    if (validators === undefined) continue;
    if (!Array.isArray(validators)) {
      problems.push(
        problem(
          'params/validator',
          [...path, 'valueValidators'],
          '`valueValidators` must be a list.',
          'Write [{"type": "NON_EMPTY"}].',
        ),
      );
      continue;
    }
    validators.forEach((validator: unknown, index) => {
      const at = [...path, 'valueValidators', index];
      problems.push(...validatorProblems(validator, at));
      if (isRecord(validator))
        problems.push(
          ...conditionProblems(
            validator['enablingConditions'],
            [...at, 'enablingConditions'],
            names,
          ),
        );
    });
  }
  return problems;
}

function validatorProblems(validator: unknown, path: Array<string | number>): LintProblem[] {
  if (!isRecord(validator) || typeof validator['type'] !== 'string') {
    return [
      problem(
        'params/validator',
        path,
        'A validator needs a text `type`.',
        'Write {"type": "NON_EMPTY"}, or {"type": "REGEX", "args": ["^G-[A-Z0-9]+$"]}.',
      ),
    ];
  }
  const type = validator['type'];
  const kind = validatorArgs[type];
  if (kind === undefined) {
    return [
      problem(
        'params/unknown-validator',
        [...path, 'type'],
        `Validator type ${type} is not one seen in real templates.`,
        `Check it in GTM's editor; known types are ${Object.keys(validatorArgs).join(', ')}.`,
      ),
    ];
  }
  const args = validator['args'];
  const problems: LintProblem[] = [];
  if (validator['errorMessage'] !== undefined && typeof validator['errorMessage'] !== 'string') {
    problems.push(
      problem(
        'params/validator',
        [...path, 'errorMessage'],
        '`errorMessage` must be text.',
        'Write the message users see when the value is rejected.',
      ),
    );
  }
  const argsProblem =
    kind === 'none'
      ? noArgsProblem(args)
      : kind === 'pattern'
        ? patternProblem(args)
        : rangeProblem(args);
  if (argsProblem)
    problems.push(
      problem(
        'params/validator',
        [...path, 'args'],
        `${type}: ${argsProblem.message}`,
        argsProblem.hint,
      ),
    );
  return problems;
}

function noArgsProblem(args: unknown) {
  if (args === undefined || (Array.isArray(args) && args.length === 0)) return undefined;
  return { message: 'takes no `args`.', hint: 'Remove "args".' };
}

function patternProblem(args: unknown) {
  const [pattern] = Array.isArray(args) ? args : [];
  if (!Array.isArray(args) || args.length !== 1 || typeof pattern !== 'string') {
    return {
      message: '`args` must hold exactly one pattern text.',
      hint: 'Write "args": ["^[a-z]+$"] (the pattern must match the whole value).',
    };
  }
  try {
    // The editor checks values in the browser, so JavaScript's regex syntax is the closest
    // stand-in for what it accepts [U].
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return {
      message: `the pattern does not compile (${error instanceof Error ? error.message : String(error)}).`,
      hint: 'Escape special characters with a backslash (written \\\\ inside JSON).',
    };
  }
}

function rangeProblem(args: unknown) {
  const isCount = (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (!Array.isArray(args) || args.length < 1 || args.length > 2 || !args.every(isCount)) {
    return {
      message: '`args` must be [min] or [min, max] whole numbers.',
      hint: 'Write "args": [1, 100].',
    };
  }
  const [min, max] = args as number[];
  if (max !== undefined && min !== undefined && max < min)
    return { message: 'the maximum is below the minimum.', hint: 'Swap the two numbers.' };
  return undefined;
}

function conditionProblems(
  conditions: unknown,
  path: Array<string | number>,
  names: ReadonlySet<unknown>,
): LintProblem[] {
  if (conditions === undefined) return [];
  if (!Array.isArray(conditions)) {
    return [
      problem(
        'params/enabling-condition',
        path,
        '`enablingConditions` must be a list.',
        'Write [{"paramName": "mode", "paramValue": "custom", "type": "EQUALS"}].',
      ),
    ];
  }
  const problems: LintProblem[] = [];
  conditions.forEach((condition: unknown, index) => {
    const at = [...path, index];
    const fail = (message: string, hint: string) =>
      problems.push(problem('params/enabling-condition', at, message, hint));
    if (!isRecord(condition))
      return fail(
        'An enabling condition must be an object.',
        'Write {"paramName": …, "paramValue": …, "type": "EQUALS"}.',
      );
    const { paramName, type } = condition;
    if (typeof paramName !== 'string' || !names.has(paramName)) {
      return fail(
        `The condition names ${JSON.stringify(paramName) ?? 'no field'}, which is not a field of this template.`,
        'Set "paramName" to the name of the field whose value switches this one on.',
      );
    }
    if (typeof type !== 'string' || !conditionTypes.has(type)) {
      return fail(
        `Condition type ${JSON.stringify(type) ?? 'missing'} is not EQUALS, NOT_EQUALS or PRESENT.`,
        'Use EQUALS or NOT_EQUALS with a "paramValue", or PRESENT.',
      );
    }
    if (type !== 'PRESENT' && !('paramValue' in condition)) {
      fail(
        `A ${type} condition needs a "paramValue".`,
        'Add the value to compare with (typed: "text", true or 1).',
      );
    }
  });
  return problems;
}
