import type {
  ContainerContext,
  ParsedTemplate,
  PermissionEntry,
  TemplateKind,
} from '../../gtm-template/sandbox/contract.js';
import { typedValueOf } from '../../gtm-template/sandbox/build/typed-value-of.js';
import type { TemplateFinding } from '../../gtm-template/sandbox/format/template-finding.js';
import { writeTemplate } from '../../gtm-template/sandbox/format/write-template.js';
import { lintTemplate } from '../../gtm-template/sandbox/lint/lint-template.js';

export interface TemplateShape {
  kind?: TemplateKind;
  context?: ContainerContext;
  code: string;
  parameters?: unknown[];
  /** Permission id → settings, as in permissions.yaml. */
  permissions?: Record<string, Record<string, unknown>>;
  info?: Record<string, unknown>;
  tests?: ParsedTemplate['tests'];
}

/** A template built from the parts a test cares about, with the rest filled in plainly. */
export function makeTemplate(shape: TemplateShape): ParsedTemplate {
  const kind = shape.kind ?? 'TAG';
  const context = shape.context ?? 'web';
  return {
    kind,
    context,
    info: {
      type: kind,
      id: 'cvt_temp_public_id',
      version: 1,
      securityGroups: [],
      displayName: 'Test template',
      containerContexts: [context.toUpperCase()],
      ...shape.info,
    },
    parameters: shape.parameters ?? [],
    code: shape.code,
    permissions: Object.entries(shape.permissions ?? {}).map(([publicId, settings]) =>
      permissionEntry(publicId, settings),
    ),
    tests: shape.tests ?? { scenarios: [], setup: '' },
    notes: '',
  };
}

function permissionEntry(publicId: string, settings: Record<string, unknown>): PermissionEntry {
  const param = Object.entries(settings).map(([key, value]) => {
    const converted = typedValueOf(value);
    if (!converted.ok) throw new Error(`bad test permission ${publicId}.${key}`);
    return { key, value: converted.value };
  });
  return { instance: { key: { publicId, versionId: '1' }, param }, isRequired: true };
}

/** The findings of linting a template made from `shape`, as a `.tpl` named test.tpl. */
export function lintShape(shape: TemplateShape): TemplateFinding[] {
  return lintTemplate(writeTemplate(makeTemplate(shape)), 'test.tpl');
}

/** The rule ids of some findings, in order. */
export function ruleIdsOf(findings: readonly TemplateFinding[]): string[] {
  return findings.map((finding) => finding.ruleId);
}

/** A fields list of TEXT fields with these names. */
export function textFields(...names: string[]): unknown[] {
  return names.map((name) => ({ type: 'TEXT', name, displayName: name, simpleValueType: true }));
}
