import type { ParsedTemplate } from '../contract.js';
import {
  codeSectionOf,
  markerOf,
  permissionsSectionOf,
  type SectionName,
} from './section-names.js';
import { writeTestsYaml } from './write-tests-yaml.js';

export interface WriteTemplateOptions {
  /** The `___TERMS_OF_SERVICE___` text; the section is written only when given. */
  termsOfService?: string;
}

/**
 * A `.tpl` file in GTM's export layout (reference §1.1): a BOM, then each section as its marker
 * line, one blank line, the body and two blank lines, in the order GTM exports them. JSON is
 * written with a 2-space indent and without GTM's `\u003c`-style escapes (readers undo them).
 * Text bodies lose leading and trailing blank lines and use LF, so that parsing the result gives
 * back the same template and writing that again gives the same bytes.
 */
export function writeTemplate(
  template: ParsedTemplate,
  options: WriteTemplateOptions = {},
): string {
  const sections: Array<[SectionName, string]> = [];
  if (options.termsOfService !== undefined)
    sections.push(['TERMS_OF_SERVICE', normaliseText(options.termsOfService)]);
  sections.push(['INFO', writeJson(template.info)]);
  sections.push(['TEMPLATE_PARAMETERS', writeJson(template.parameters)]);
  sections.push([codeSectionOf(template.context), normaliseText(template.code)]);
  // GTM leaves the permissions section out when the template needs none.
  if (template.permissions.length > 0) {
    sections.push([permissionsSectionOf(template.context), writeJson(template.permissions)]);
  }
  sections.push(['TESTS', writeTestsYaml(template.tests)]);
  const notes = normaliseText(template.notes);
  if (notes !== '') sections.push(['NOTES', notes]);

  return '\uFEFF' + sections.map(([name, body]) => `${markerOf(name)}\n\n${body}\n\n\n`).join('');
}

function writeJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** LF line endings, no blank lines before the first or after the last line of text. */
export function normaliseText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const isBlank = (line: string) => line.trim() === '';
  let first = 0;
  while (first < lines.length && isBlank(lines[first] ?? '')) first++;
  let end = lines.length;
  while (end > first && isBlank(lines[end - 1] ?? '')) end--;
  return lines.slice(first, end).join('\n');
}
