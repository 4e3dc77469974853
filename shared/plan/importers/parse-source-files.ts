import { LineCounter, parseAllDocuments, type YAMLError } from 'yaml';
import { lastContentOffset } from '../parse-plan-document.js';
import { createPlanPositions } from '../plan-positions.js';
import { yamlNodeToValue } from '../yaml-node-to-value.js';
import type { ImportIssue, PlanSourceFile, SourceDocument } from './import-types.js';

export interface ParsedSourceFiles {
  documents: SourceDocument[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/**
 * Every YAML or JSON document of every source file, as plain data with the position of each
 * node. A YAML file may hold several documents (`---`), as RudderStack and OpenTrackPlan
 * projects pasted into one file do. A file that does not parse becomes errors naming its
 * lines; the other files are still read.
 */
export function parseSourceFiles(files: readonly PlanSourceFile[]): ParsedSourceFiles {
  const result: ParsedSourceFiles = { documents: [], errors: [], warnings: [] };
  for (const file of files) parseFile(file, result);
  return result;
}

function parseFile(file: PlanSourceFile, result: ParsedSourceFiles): void {
  const text = file.text.startsWith('\uFEFF') ? file.text.slice(1) : file.text;
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const documents = Array.isArray(parsed) ? parsed : [];

  documents.forEach((document, index) => {
    if (document.errors.length > 0) {
      result.errors.push(
        ...document.errors.map((error) => yamlIssue(file.name, error, lineCounter, text)),
      );
      return;
    }
    if (document.contents === null) return;
    const positions = createPlanPositions();
    const { value, problems } = yamlNodeToValue(document, lineCounter, positions);
    for (const problem of problems) {
      const position = positions.keys.get(problem.pointer) ??
        positions.values.get(problem.pointer) ?? { line: 1, column: 1 };
      const issue = { file: file.name, ...position, message: problem.message, hint: problem.hint };
      (problem.isFatal ? result.errors : result.warnings).push({ ...issue, path: problem.pointer });
    }
    result.documents.push({ file: file.name, index, value, positions });
  });
  if (documents.length === 0 || result.documents.every((document) => document.file !== file.name))
    reportEmpty(file.name, result);
}

function reportEmpty(file: string, result: ParsedSourceFiles): void {
  if (result.errors.some((error) => error.file === file)) return;
  result.errors.push({
    file,
    line: 1,
    column: 1,
    message: `${file} holds no plan: the file is empty.`,
    hint: 'Name the file that holds the plan, or remove the empty file from the folder.',
  });
}

function yamlIssue(
  file: string,
  error: YAMLError,
  lineCounter: LineCounter,
  text: string,
): ImportIssue {
  const { line, col } = lineCounter.linePos(lastContentOffset(text, error.pos[0]));
  const message = error.message.split('\n')[0] ?? error.message;
  return {
    file,
    line,
    column: col,
    message: `Syntax error: ${message}`,
    hint: 'Check the indentation, quoting and brackets on this line and the one before it.',
  };
}
