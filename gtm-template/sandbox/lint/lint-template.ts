import { jsonPosition } from '../format/json-position.js';
import { parseTemplate } from '../format/parse-template.js';
import { codeSectionOf } from '../format/section-names.js';
import type { TemplateSection } from '../format/split-sections.js';
import type { TemplateFinding } from '../format/template-finding.js';
import type { ContainerContext } from '../contract.js';
import type { GalleryFiles } from './check-gallery.js';
import type { LintProblem } from './lint-problem.js';
import { severityOf } from './lint-rules.js';
import { runLintRules } from './run-lint-rules.js';
import { sortFindings } from './sort-findings.js';

export interface LintTemplateOptions {
  /** The folder's gallery files, to check gallery readiness (only when a folder is linted). */
  gallery?: GalleryFiles;
}

/**
 * Lints one `.tpl` file: a file that does not parse yields the parser's findings; one that does
 * is checked by every lint rule (see `lintRules`). Findings come back in reading order, each
 * placed on its line of the file. Never throws.
 */
export function lintTemplate(
  text: string,
  file: string,
  options: LintTemplateOptions = {},
): TemplateFinding[] {
  const parsed = parseTemplate(text, file);
  if (!parsed.ok) return sortFindings([...parsed.errors, ...parsed.warnings]);

  const problems = runLintRules({
    template: parsed.template,
    termsOfService: parsed.termsOfService,
    ...(options.gallery && { gallery: options.gallery }),
  });
  const placed = problems.map((problem) =>
    placeInTemplate(problem, file, parsed.sections, parsed.template.context),
  );
  return sortFindings([...parsed.warnings, ...placed]);
}

function placeInTemplate(
  problem: LintProblem,
  file: string,
  sections: readonly TemplateSection[],
  context: ContainerContext,
): TemplateFinding {
  const base = {
    ruleId: problem.ruleId,
    severity: severityOf(problem.ruleId),
    message: problem.message,
    hint: problem.hint,
  };
  const place = problem.place;
  if (place.kind === 'file')
    return { ...base, file: place.file, line: place.line, column: place.column };

  const sectionName = place.kind === 'code' ? codeSectionOf(context) : place.section;
  const section = sections.find((candidate) => candidate.name === sectionName);
  if (!section) return { ...base, file, section: sectionName, line: 1, column: 1 };
  if (place.kind === 'code')
    return {
      ...base,
      file,
      section: sectionName,
      line: section.bodyLine + place.line - 1,
      column: place.column,
    };
  if (place.kind === 'section')
    return { ...base, file, section: sectionName, line: section.markerLine, column: 1 };
  const position = jsonPosition(section.body, place.path);
  return {
    ...base,
    file,
    section: sectionName,
    line: section.bodyLine + position.line - 1,
    column: position.column,
  };
}
