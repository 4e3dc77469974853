import type { ContainerContext, ParsedTemplate, PermissionEntry } from '../contract.js';
import { parseJsonSection } from './parse-json-section.js';
import { missingSection, shapeError } from './parse-findings.js';
import { parseTestsSection, type ParsedTests } from './parse-tests-section.js';
import { readPermissionEntries } from './read-permission-entries.js';
import { markerFinding } from './section-finding.js';
import { codeSectionOf, permissionsSectionOf, type SectionName } from './section-names.js';
import type { TemplateSection } from './split-sections.js';
import type { TemplateFinding } from './template-finding.js';

/**
 * The sections after ___INFO___, read for a template of `context`: its code (required), its
 * parameters, its permissions, tests and notes. Problems go to `errors` and `warnings`; the
 * result is undefined when any required part cannot be read.
 */
export function readBodySections(
  file: string,
  context: ContainerContext,
  present: ReadonlyMap<SectionName, TemplateSection>,
  errors: TemplateFinding[],
  warnings: TemplateFinding[],
): Omit<ParsedTemplate, 'context' | 'kind' | 'info'> | undefined {
  warnOtherContextSections(file, context, present, warnings);
  const codeSection = present.get(codeSectionOf(context));
  if (!codeSection) {
    errors.push(
      missingSection(
        file,
        codeSectionOf(context),
        `A ${context} template keeps its code in ___${codeSectionOf(context)}___; add that section.`,
      ),
    );
  }
  const parameters = readParameters(file, present.get('TEMPLATE_PARAMETERS'), errors, warnings);
  const permissions = readPermissions(file, present.get(permissionsSectionOf(context)), errors);
  const tests = readTests(file, present.get('TESTS'), errors, warnings);
  if (!codeSection || !parameters || !permissions || !tests) return undefined;
  return {
    parameters,
    code: codeSection.body,
    permissions,
    tests,
    notes: present.get('NOTES')?.body ?? '',
  };
}

function readParameters(
  file: string,
  section: TemplateSection | undefined,
  errors: TemplateFinding[],
  warnings: TemplateFinding[],
): unknown[] | undefined {
  if (!section) {
    warnings.push({
      ...missingSection(
        file,
        'TEMPLATE_PARAMETERS',
        'Add the section with `[]` when the template has no fields.',
      ),
      ruleId: 'format/missing-parameters',
      severity: 'warning',
    });
    return [];
  }
  const parsed = parseJsonSection(file, section);
  if (!parsed.ok) {
    errors.push(parsed.finding);
    return undefined;
  }
  if (Array.isArray(parsed.value)) return parsed.value as unknown[];
  errors.push(
    shapeError(
      file,
      section,
      [],
      '___TEMPLATE_PARAMETERS___ must be a JSON list.',
      'Write the fields as [ { "type": "TEXT", "name": … }, … ], or [] for none.',
    ),
  );
  return undefined;
}

function readPermissions(
  file: string,
  section: TemplateSection | undefined,
  errors: TemplateFinding[],
): PermissionEntry[] | undefined {
  // GTM leaves the section out when no permission-bearing API is required (reference §1.1).
  if (!section) return [];
  const parsed = parseJsonSection(file, section);
  if (!parsed.ok) {
    errors.push(parsed.finding);
    return undefined;
  }
  const read = readPermissionEntries(parsed.value);
  if (read.ok) return read.entries;
  errors.push({
    ...shapeError(
      file,
      section,
      read.problem.path,
      `___${section.name}___: ${read.problem.message}.`,
      'Each entry is { "instance": { "key": { "publicId": …, "versionId": "1" }, "param": [ { "key": …, "value": { "type": 1, "string": … } } ] }, "isRequired": true }.',
    ),
    ruleId: 'format/permission-entry',
  });
  return undefined;
}

function readTests(
  file: string,
  section: TemplateSection | undefined,
  errors: TemplateFinding[],
  warnings: TemplateFinding[],
): ParsedTests | undefined {
  if (!section) return { scenarios: [], setup: '' };
  const { tests, findings } = parseTestsSection(file, section);
  for (const finding of findings) (finding.severity === 'error' ? errors : warnings).push(finding);
  return tests;
}

function warnOtherContextSections(
  file: string,
  context: ContainerContext,
  present: ReadonlyMap<SectionName, TemplateSection>,
  warnings: TemplateFinding[],
): void {
  const other: ContainerContext = context === 'web' ? 'server' : 'web';
  for (const name of [codeSectionOf(other), permissionsSectionOf(other)]) {
    const section = present.get(name);
    if (!section) continue;
    warnings.push(
      markerFinding(file, name, section.markerLine, {
        ruleId: 'format/other-context-section',
        severity: 'warning',
        message: `___${name}___ belongs to ${other} templates; this one runs in ${context} containers, so the section is ignored.`,
        hint: `Remove the section, or set ___INFO___.containerContexts to ["${other.toUpperCase()}"].`,
      }),
    );
  }
}
