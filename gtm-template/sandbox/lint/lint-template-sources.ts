import { parseDocument, isMap, LineCounter } from 'yaml';
import { buildTemplate } from '../build/build-template.js';
import { sourcePath, sourceText } from '../build/read-source-files.js';
import type { TemplateSources } from '../build/template-sources.js';
import { jsonPosition } from '../format/json-position.js';
import type { SectionName } from '../format/section-names.js';
import type { TemplateFinding } from '../format/template-finding.js';
import { galleryTermsOfService } from '../build/gallery-terms.js';
import type { LintProblem } from './lint-problem.js';
import { severityOf } from './lint-rules.js';
import { runLintRules } from './run-lint-rules.js';
import { sortFindings } from './sort-findings.js';

/**
 * Lints a template source folder as it stands: builds it in memory (so findings are never
 * about a stale `template.tpl`), runs every lint rule plus the gallery checks, and places each
 * finding on the source file and line it comes from (`template.js`, `parameters.json`…).
 */
export function lintTemplateSources(sources: TemplateSources): TemplateFinding[] {
  const built = buildTemplate(sources);
  if (!built.ok) return sortFindings([...built.errors, ...built.warnings]);

  const metadata = sources.files.get('metadata.yaml');
  const license = sources.files.get('LICENSE');
  const problems = runLintRules({
    template: built.template,
    termsOfService: metadata === undefined ? undefined : galleryTermsOfService,
    gallery: {
      folder: sources.folder,
      ...(metadata !== undefined && { metadata }),
      ...(license !== undefined && { license }),
    },
  });
  return sortFindings([
    ...built.warnings,
    ...problems.map((problem) => placeInSources(problem, sources)),
  ]);
}

const sourceOfSection: Record<SectionName, string> = {
  TERMS_OF_SERVICE: 'metadata.yaml',
  INFO: 'info.json',
  TEMPLATE_PARAMETERS: 'parameters.json',
  SANDBOXED_JS_FOR_WEB_TEMPLATE: 'template.js',
  SANDBOXED_JS_FOR_SERVER: 'template.js',
  WEB_PERMISSIONS: 'permissions.json',
  SERVER_PERMISSIONS: 'permissions.json',
  TESTS: 'tests.yaml',
  NOTES: 'notes.md',
};

function placeInSources(problem: LintProblem, sources: TemplateSources): TemplateFinding {
  const base = {
    ruleId: problem.ruleId,
    severity: severityOf(problem.ruleId),
    message: problem.message,
    hint: problem.hint,
  };
  const place = problem.place;
  if (place.kind === 'file')
    return { ...base, file: place.file, line: place.line, column: place.column };
  if (place.kind === 'code') {
    const text = sourceText(sources, 'template.js') ?? '';
    return {
      ...base,
      file: sourcePath(sources, 'template.js'),
      line: place.line + leadingBlankLines(text),
      column: place.column,
    };
  }
  const name = sourceFileOf(place.section, sources);
  const file = sourcePath(sources, name);
  if (place.kind === 'section') return { ...base, file, line: 1, column: 1 };
  const text = sourceText(sources, name) ?? '';
  const position =
    name === 'permissions.yaml'
      ? yamlEntryPosition(text, place.path[0])
      : jsonPosition(text, place.path);
  return { ...base, file, ...position };
}

function sourceFileOf(section: SectionName, sources: TemplateSources): string {
  const name = sourceOfSection[section];
  return name === 'permissions.json' && sources.files.has('permissions.yaml')
    ? 'permissions.yaml'
    : name;
}

// The build drops blank lines above the code, so code line 1 is the first line with text.
function leadingBlankLines(text: string): number {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  return first < 0 ? 0 : first;
}

// permissions.yaml holds one top-level key per entry, in entry order.
function yamlEntryPosition(
  text: string,
  index: string | number | undefined,
): { line: number; column: number } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const item =
    isMap(document.contents) && typeof index === 'number'
      ? document.contents.items[index]
      : undefined;
  const key = item?.key as { range?: [number, number, number] } | undefined;
  if (!key?.range) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(key.range[0]);
  return { line, column: col };
}
