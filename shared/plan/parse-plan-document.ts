import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { createPlanPositions } from './plan-positions.js';
import { PlanIssues } from './plan-issues.js';
import { yamlNodeToValue } from './yaml-node-to-value.js';
import type { PlanError } from './plan-types.js';

export interface ParsedPlanDocument {
  value: unknown;
  issues: PlanIssues;
}

export type ParsePlanDocumentResult =
  { ok: true; document: ParsedPlanDocument } | { ok: false; errors: PlanError[] };

/**
 * A plan file's text as plain data with the position of every node. JSON is parsed as YAML
 * (it is a subset), so both formats get positions; a `.json` file must also be strict JSON.
 */
export function parsePlanDocument(text: string, fileName: string): ParsePlanDocumentResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const positions = createPlanPositions();
  const issues = new PlanIssues(fileName, positions);

  const document = parseDocument(source, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const jsonError = isJsonFile(fileName) ? strictJsonError(source, fileName, lineCounter) : null;
  if (jsonError) return { ok: false, errors: [jsonError] };
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => yamlError(error, fileName, lineCounter, source)),
    };
  }
  if (document.contents === null) {
    return { ok: false, errors: [emptyPlan(fileName)] };
  }

  const { value, problems } = yamlNodeToValue(document, lineCounter, positions);
  for (const problem of problems) {
    const report = problem.isFatal ? issues.error : issues.warning;
    report.call(issues, problem.pointer, problem.message, problem.hint, 'key');
  }
  for (const warning of document.warnings)
    issues.warnings.push(yamlError(warning, fileName, lineCounter));
  if (issues.errors.length > 0) return { ok: false, errors: issues.errors };
  return { ok: true, document: { value, issues } };
}

function isJsonFile(fileName: string): boolean {
  return /\.json$/i.test(fileName);
}

function strictJsonError(
  text: string,
  fileName: string,
  lineCounter: LineCounter,
): PlanError | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    const at = offset === undefined ? text.length : Number(offset);
    const { line, col } = lineCounter.linePos(Math.min(at, text.length));
    return {
      file: fileName,
      line,
      column: col,
      message: `JSON syntax error: ${message}`,
      hint: jsonHint(message),
    };
  }
}

function jsonHint(message: string): string {
  if (/Expected ',' or/.test(message))
    return 'Add the missing comma between entries, or close the object or list here.';
  if (/Unterminated string/.test(message)) return 'Close the string with a double quote.';
  if (/property name/.test(message))
    return 'Quote the key with double quotes, and remove any comma before a closing } or ].';
  if (/end of JSON/.test(message))
    return 'The file ends early: close every { and [ that is still open.';
  return 'JSON needs double-quoted keys and strings, commas between entries and no trailing commas.';
}

function yamlError(
  error: YAMLError,
  fileName: string,
  lineCounter: LineCounter,
  text = '',
): PlanError {
  const { line, col } = lineCounter.linePos(lastContentOffset(text, error.pos[0]));
  const message = error.message.split('\n')[0] ?? error.message;
  return {
    file: fileName,
    line,
    column: col,
    message: `YAML syntax error: ${message}`,
    hint: yamlHint(error.code),
  };
}

// An unclosed bracket is only noticed at the end of the file or at a blank line; the line
// that needs fixing is the last one with content before it.
export function lastContentOffset(text: string, offset: number): number {
  const restOfLine = text.slice(offset).split('\n')[0] ?? '';
  if (restOfLine.trim() !== '') return offset;
  let position = Math.min(offset, text.length);
  while (position > 0 && /\s/.test(text[position - 1] ?? '')) position--;
  return position === 0 ? offset : position - 1;
}

const yamlHints: Record<string, string> = {
  DUPLICATE_KEY: 'Each key may appear once per map: merge the two entries or rename one.',
  BAD_INDENT:
    'Indent this line like its siblings (spaces, not tabs), and close any [ or { opened above.',
  TAB_AS_INDENT: 'Indent with spaces: YAML does not allow tabs for indentation.',
  MISSING_CHAR: 'A closing quote, ] or } is missing: close what was opened above.',
  MULTILINE_IMPLICIT_KEY:
    'Put the key and its colon on one line; a comma may be missing on the line before.',
  BLOCK_AS_IMPLICIT_KEY:
    'Quote values that contain ": ", or move the nested map to its own indented lines.',
  UNEXPECTED_TOKEN: 'Remove or quote the unexpected character.',
  BAD_SCALAR_START: 'Quote values that start with a YAML indicator such as @, ` or %.',
};

function yamlHint(code: string): string {
  return (
    (Object.hasOwn(yamlHints, code) ? yamlHints[code] : undefined) ??
    'Check the indentation and quoting on this line and the one before it.'
  );
}

function emptyPlan(fileName: string): PlanError {
  return {
    file: fileName,
    line: 1,
    column: 1,
    message: 'The plan is empty.',
    hint: 'Start with `name:`, `version:` and an `events:` map (see docs/tracking-plan.md).',
  };
}
