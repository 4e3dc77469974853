import { jsonPosition } from './json-position.js';
import { markerFinding, sectionFinding } from './section-finding.js';
import type { SectionName } from './section-names.js';
import type { TemplateSection } from './split-sections.js';
import type { TemplateFinding } from './template-finding.js';

/** No section `name` in the file. */
export function missingSection(file: string, name: SectionName, hint: string): TemplateFinding {
  return markerFinding(file, name, 1, {
    ruleId: 'format/missing-section',
    severity: 'error',
    message: `The file has no ___${name}___ section.`,
    hint,
  });
}

/** A section whose JSON has the wrong shape at `path`. */
export function shapeError(
  file: string,
  section: TemplateSection,
  path: Array<string | number>,
  message: string,
  hint: string,
): TemplateFinding {
  const { line, column } = jsonPosition(section.body, path);
  return sectionFinding(file, section, {
    ruleId: 'format/section-shape',
    severity: 'error',
    line,
    column,
    message,
    hint,
  });
}

/** A file with no marker at all. */
export function notATemplate(file: string): TemplateFinding {
  return {
    ruleId: 'format/not-a-template',
    severity: 'error',
    file,
    line: 1,
    column: 1,
    message: 'The file has no section markers such as ___INFO___: it is not a GTM template export.',
    hint: "Export the template from GTM's template editor (⋮ → Export), or build it from sources with `tagwarden template build`.",
  };
}

/** A marker-shaped line naming no GTM section. */
export function unknownMarkerWarning(
  file: string,
  marker: { line: number; text: string },
): TemplateFinding {
  return {
    ruleId: 'format/unknown-marker',
    severity: 'warning',
    file,
    line: marker.line,
    column: 1,
    message: `${marker.text} looks like a section marker but GTM has no such section; it is read as part of the section above.`,
    hint: 'Check the spelling against the nine markers (___INFO___, ___TEMPLATE_PARAMETERS___, ___SANDBOXED_JS_FOR_WEB_TEMPLATE___, …).',
  };
}
