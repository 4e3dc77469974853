import type { ParsedTemplate, PermissionEntry } from '../contract.js';
import { parseJsonSection } from '../format/parse-json-section.js';
import { parseTestsSection } from '../format/parse-tests-section.js';
import { readPermissionEntries } from '../format/read-permission-entries.js';
import { readTemplateIdentity } from '../format/read-template-identity.js';
import type { SectionName } from '../format/section-names.js';
import { findMarkerLine } from '../format/split-sections.js';
import type { TemplateFinding } from '../format/template-finding.js';
import { normaliseText, writeTemplate } from '../format/write-template.js';
import { galleryTermsOfService } from './gallery-terms.js';
import { orderInfoKeys } from './order-info-keys.js';
import { permissionsFromYaml } from './permissions-from-yaml.js';
import { asSourceFinding, asSourceSection, sourcePath, sourceText } from './read-source-files.js';
import type { TemplateSources } from './template-sources.js';

export type BuildTemplateResult =
  | { ok: true; text: string; template: ParsedTemplate; warnings: TemplateFinding[] }
  | { ok: false; errors: TemplateFinding[]; warnings: TemplateFinding[] };

/**
 * Builds `template.tpl` from a source folder: `template.js`, `info.json`, `parameters.json`,
 * `permissions.yaml` (or GTM's `permissions.json`), `tests.yaml` and `notes.md`, plus the
 * gallery terms when the folder has a `metadata.yaml`. The result is in GTM's export layout and
 * is the same bytes for the same sources, so a committed file can be checked against them.
 */
export function buildTemplate(sources: TemplateSources): BuildTemplateResult {
  const errors: TemplateFinding[] = [];
  const warnings: TemplateFinding[] = [];
  const code = requiredText(sources, 'template.js', errors);
  const info = readInfo(sources, errors);
  const identity = info && readIdentity(sources, info, errors, warnings);
  const parameters = readParameters(sources, errors);
  const permissions = readPermissions(sources, errors);
  const tests = readTests(sources, errors, warnings);
  const notes = normaliseText(sourceText(sources, 'notes.md') ?? '');
  for (const [name, text] of [
    ['template.js', code],
    ['notes.md', notes],
  ] as const) {
    checkNoMarkerLine(sources, name, text, errors);
  }
  if (errors.length > 0 || code === undefined || !info || !identity?.kind || !identity.context) {
    return { ok: false, errors, warnings };
  }
  if (!parameters || !permissions || !tests) return { ok: false, errors, warnings };

  const template: ParsedTemplate = {
    context: identity.context,
    kind: identity.kind,
    info: orderInfoKeys(info),
    parameters,
    code: normaliseText(code),
    permissions,
    tests,
    notes,
  };
  const isForGallery = sources.files.has('metadata.yaml');
  const text = writeTemplate(
    template,
    isForGallery ? { termsOfService: galleryTermsOfService } : {},
  );
  return { ok: true, text, template, warnings };
}

function requiredText(
  sources: TemplateSources,
  name: string,
  errors: TemplateFinding[],
): string | undefined {
  const text = sourceText(sources, name);
  if (text !== undefined) return text;
  errors.push({
    ruleId: 'build/missing-source',
    severity: 'error',
    file: sourcePath(sources, name),
    line: 1,
    column: 1,
    message: `${sourcePath(sources, name)} is missing: a template folder needs template.js and info.json.`,
    hint:
      name === 'template.js'
        ? 'Write the template code (the body of function (data) { … }) in template.js.'
        : 'Write ___INFO___ as JSON in info.json: {"type": "TAG", "displayName": …, "containerContexts": ["WEB"]}.',
  });
  return undefined;
}

function readJsonSource(
  sources: TemplateSources,
  name: string,
  section: SectionName,
  errors: TemplateFinding[],
): { value: unknown } | undefined {
  const text = sourceText(sources, name);
  if (text === undefined) return undefined;
  const parsed = parseJsonSection('', asSourceSection(section, text));
  if (parsed.ok) return { value: parsed.value };
  errors.push(asSourceFinding(parsed.finding, sourcePath(sources, name)));
  return undefined;
}

function readInfo(
  sources: TemplateSources,
  errors: TemplateFinding[],
): Record<string, unknown> | undefined {
  if (requiredText(sources, 'info.json', errors) === undefined) return undefined;
  const parsed = readJsonSource(sources, 'info.json', 'INFO', errors);
  if (!parsed) return undefined;
  if (isRecord(parsed.value)) return parsed.value;
  errors.push(
    shapeError(
      sources,
      'info.json',
      'info.json must hold one JSON object (the ___INFO___ section).',
    ),
  );
  return undefined;
}

function readIdentity(
  sources: TemplateSources,
  info: Record<string, unknown>,
  errors: TemplateFinding[],
  warnings: TemplateFinding[],
) {
  const section = asSourceSection('INFO', '');
  const identity = readTemplateIdentity('', info, section, new Map());
  for (const finding of identity.findings) {
    (finding.severity === 'error' ? errors : warnings).push(
      asSourceFinding(finding, sourcePath(sources, 'info.json')),
    );
  }
  return identity;
}

function readParameters(
  sources: TemplateSources,
  errors: TemplateFinding[],
): unknown[] | undefined {
  if (!sources.files.has('parameters.json')) return [];
  const parsed = readJsonSource(sources, 'parameters.json', 'TEMPLATE_PARAMETERS', errors);
  if (!parsed) return undefined;
  if (Array.isArray(parsed.value)) return parsed.value as unknown[];
  errors.push(
    shapeError(sources, 'parameters.json', 'parameters.json must hold a JSON list of fields.'),
  );
  return undefined;
}

function readPermissions(
  sources: TemplateSources,
  errors: TemplateFinding[],
): PermissionEntry[] | undefined {
  const yamlText = sourceText(sources, 'permissions.yaml');
  if (yamlText !== undefined && sources.files.has('permissions.json')) {
    errors.push(
      shapeError(
        sources,
        'permissions.yaml',
        'The folder has both permissions.yaml and permissions.json.',
        'Keep one of them: the YAML form, or the JSON GTM exports.',
      ),
    );
    return undefined;
  }
  if (yamlText !== undefined) {
    const read = permissionsFromYaml(yamlText, sourcePath(sources, 'permissions.yaml'));
    if (read.ok) return read.entries;
    errors.push(...read.errors);
    return undefined;
  }
  if (!sources.files.has('permissions.json')) return [];
  const parsed = readJsonSource(sources, 'permissions.json', 'WEB_PERMISSIONS', errors);
  if (!parsed) return undefined;
  const read = readPermissionEntries(parsed.value);
  if (read.ok) return read.entries;
  errors.push(
    shapeError(
      sources,
      'permissions.json',
      `permissions.json: ${read.problem.message} (at ${read.problem.path.join('.') || 'the top'}).`,
    ),
  );
  return undefined;
}

function readTests(
  sources: TemplateSources,
  errors: TemplateFinding[],
  warnings: TemplateFinding[],
) {
  const text = sourceText(sources, 'tests.yaml');
  if (text === undefined) return { scenarios: [], setup: '' };
  const { tests, findings } = parseTestsSection('', asSourceSection('TESTS', text));
  for (const finding of findings) {
    (finding.severity === 'error' ? errors : warnings).push(
      asSourceFinding(finding, sourcePath(sources, 'tests.yaml')),
    );
  }
  return tests;
}

function checkNoMarkerLine(
  sources: TemplateSources,
  name: string,
  text: string | undefined,
  errors: TemplateFinding[],
): void {
  const marker = text === undefined ? undefined : findMarkerLine(text);
  if (!marker) return;
  errors.push({
    ruleId: 'build/marker-in-text',
    severity: 'error',
    file: sourcePath(sources, name),
    line: marker.line,
    column: 1,
    message: `The line ${marker.text} would read as a section marker and split the built file.`,
    hint: 'Change the line, e.g. put it in a string with other text or in a comment after code.',
  });
}

function shapeError(
  sources: TemplateSources,
  name: string,
  message: string,
  hint = 'See gtm-template/README.md for the shape of each source file.',
): TemplateFinding {
  return {
    ruleId: 'format/section-shape',
    severity: 'error',
    file: sourcePath(sources, name),
    line: 1,
    column: 1,
    message,
    hint,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
