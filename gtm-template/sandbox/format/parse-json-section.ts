import { locateJsonError } from '../../../shared/capture/line-of-offset.js';
import { sectionFinding } from './section-finding.js';
import type { TemplateSection } from './split-sections.js';
import type { TemplateFinding } from './template-finding.js';

/**
 * The JSON value of a section body, or a finding at the line and column where the JSON first
 * goes wrong. GTM writes these sections as 2-space JSON (reference §1.1); readers must not
 * depend on key order or on the exporter's `\u003c` escapes, which `JSON.parse` undoes.
 */
export function parseJsonSection(
  file: string,
  section: TemplateSection,
): { ok: true; value: unknown } | { ok: false; finding: TemplateFinding } {
  try {
    return { ok: true, value: JSON.parse(section.body) as unknown };
  } catch {
    const located = locateJsonError(section.body) ?? {
      line: 1,
      column: 1,
      problem: 'empty section',
    };
    return {
      ok: false,
      finding: sectionFinding(file, section, {
        ruleId: 'format/json-syntax',
        severity: 'error',
        line: located.line,
        column: located.column,
        message: `The ___${section.name}___ section is not valid JSON (${located.problem}).`,
        hint: jsonHint(located.problem),
      }),
    };
  }
}

function jsonHint(problem: string): string {
  if (problem === 'empty section')
    return 'Write the section as JSON: `{}` for INFO, `[]` for parameters and permissions.';
  if (problem.startsWith('comma'))
    return 'Add the missing comma between entries, or close the object or list here.';
  if (problem.startsWith('property name'))
    return 'Quote every key with double quotes, and remove any comma before a closing } or ].';
  if (/^close (brace|bracket)/.test(problem)) return 'Close every { and [ that is still open.';
  if (problem.startsWith('end of file'))
    return 'Remove what follows the closing } or ]: a section holds exactly one JSON value.';
  return 'JSON needs double-quoted keys and strings, commas between entries and no trailing commas or comments.';
}
