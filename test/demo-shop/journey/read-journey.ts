import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Journey, JourneyError, JourneyStep, ReadJourneyResult } from './journey-types.js';

const ACTIONS = ['visit', 'click', 'fill', 'wait', 'consent'];
const FORMAT_HINT = 'See "Journey files" in test/demo-shop/README.md for the step forms.';

/**
 * Reads a journey file (YAML): `name`, optional `description`, `steps` (each one of `visit`,
 * `click` with optional `navigates`, `fill`, `wait`, `consent`) and optional `expectedEvents`.
 * Never throws: every problem comes back as an error naming the file, the line and a fix.
 */
export function readJourney(text: string, file = 'journey.yaml'): ReadJourneyResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const problems = createProblemList(file, lineCounter);
  const failed = () => ({ ok: false as const, errors: problems.errors });

  for (const error of document.errors)
    problems.add(undefined, `not valid YAML (${error.message})`, 'Fix the YAML syntax.');
  if (problems.errors.length > 0) return failed();
  const top = plainValueOf(document, problems);
  const stepsNode = document.get('steps', true);
  if (!isRecord(top) || !isSeq(stepsNode) || stepsNode.items.length === 0) {
    problems.add(stepsNode ?? document.contents, 'a journey needs a non-empty `steps` list');
    return failed();
  }

  const steps = stepsNode.items.flatMap((node, index) => {
    const step = isMap(node)
      ? stepOf(node, problems)
      : 'must be a mapping such as `click: a-test-id`';
    if (typeof step === 'string') {
      problems.add(node, `step ${index + 1}: ${step}`);
      return [];
    }
    const line = problems.lineOf(node);
    return [{ ...step, ...(line === undefined ? {} : { line }) }];
  });
  const expectedEvents = readEventNames(document.get('expectedEvents', true), problems);
  if (problems.errors.length > 0) return failed();

  const journey: Journey = {
    name: typeof top.name === 'string' ? top.name : file,
    ...(typeof top.description === 'string' ? { description: top.description.trim() } : {}),
    steps,
    expectedEvents,
  };
  return { ok: true, journey };
}

interface ProblemList {
  errors: JourneyError[];
  add(node: unknown, message: string, hint?: string): void;
  lineOf(node: unknown): number | undefined;
}

function createProblemList(file: string, lineCounter: LineCounter): ProblemList {
  const errors: JourneyError[] = [];
  const lineOf = (node: unknown) => {
    const offset = (node as Node | undefined)?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const add = (node: unknown, message: string, hint = FORMAT_HINT) => {
    const line = lineOf(node);
    const place = line === undefined ? file : `${file}:${line}`;
    errors.push({
      file,
      ...(line === undefined ? {} : { line }),
      message: `${place}: ${message}`,
      hint,
    });
  };
  return { errors, add, lineOf };
}

/** One step, or what is wrong with it. */
function stepOf(node: YAMLMap, problems: ProblemList): JourneyStep | string {
  const keys = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  const actions = keys.filter((key) => ACTIONS.includes(key));
  const others = keys.filter((key) => !ACTIONS.includes(key) && key !== 'navigates');
  const [action] = actions;
  if (action === undefined || actions.length > 1 || others.length > 0)
    return `needs exactly one of ${ACTIONS.join(', ')} (found: ${keys.join(', ') || 'nothing'})`;
  const fields = plainValueOf(node, problems);
  if (!isRecord(fields)) return 'cannot be read';
  const { [action]: value, navigates } = fields;
  if (navigates !== undefined && (action !== 'click' || typeof navigates !== 'boolean'))
    return '`navigates: true|false` belongs to a click step';

  switch (action) {
    case 'visit':
      return typeof value === 'string' && value !== ''
        ? { kind: 'visit', path: value }
        : 'visit takes a path such as `/`';
    case 'click':
      return isName(value)
        ? { kind: 'click', testId: value, navigates: navigates === true }
        : 'click takes a data-testid';
    case 'consent':
      return value === 'accept' || value === 'reject'
        ? { kind: 'consent', answer: value }
        : 'consent is `accept` or `reject`';
    case 'fill':
      return fillOf(value);
    default:
      return waitOf(value);
  }
}

function fillOf(value: unknown): JourneyStep | string {
  const entries = isRecord(value) ? Object.entries(value) : [];
  const fields = entries
    .filter(([testId, text]) => isName(testId) && isText(text))
    .map(([testId, text]) => ({ testId, value: String(text) }));
  if (fields.length === 0 || fields.length !== entries.length)
    return 'fill takes a mapping of data-testid to text, e.g. `fill: { email: a@b.test }`';
  return { kind: 'fill', fields };
}

function waitOf(value: unknown): JourneyStep | string {
  if (isName(value)) return { kind: 'wait', testId: value };
  const entries = isRecord(value) ? Object.entries(value) : [];
  const [entry] = entries;
  if (entries.length === 1 && entry && isName(entry[0]) && isText(entry[1]))
    return { kind: 'wait', testId: entry[0], text: String(entry[1]) };
  return 'wait takes a data-testid, or `{ <data-testid>: <text> }`';
}

function readEventNames(node: unknown, problems: ProblemList): string[] {
  if (node === undefined) return [];
  const names = isSeq(node) ? plainValueOf(node, problems) : undefined;
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    problems.add(node, '`expectedEvents` must be a list of GA4 event names');
    return [];
  }
  return names as string[];
}

// Turning YAML into plain data throws on some inputs (an alias to an anchor never set).
function plainValueOf(node: { toJSON(): unknown }, problems: ProblemList): unknown {
  try {
    return node.toJSON();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.add(node, `cannot be read (${reason})`, 'Fix the YAML: use no anchors or aliases.');
    return undefined;
  }
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && /^[\w.-]+$/.test(value);
}

function isText(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
