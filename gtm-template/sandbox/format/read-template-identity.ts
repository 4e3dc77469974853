import type { ContainerContext, TemplateKind } from '../contract.js';
import { markerFinding } from './section-finding.js';
import { codeSectionOf, type SectionName } from './section-names.js';
import type { TemplateSection } from './split-sections.js';
import type { TemplateFinding } from './template-finding.js';

const kinds: readonly TemplateKind[] = ['TAG', 'MACRO', 'CLIENT'];

/**
 * What a template is (`___INFO___.type`) and where it runs (`containerContexts`, reference
 * §1.2). A file without `containerContexts` (a few hand-made ones) takes its context from the
 * code section it has, with a warning.
 */
export function readTemplateIdentity(
  file: string,
  info: Record<string, unknown>,
  infoSection: TemplateSection,
  present: ReadonlyMap<SectionName, TemplateSection>,
): { kind?: TemplateKind; context?: ContainerContext; findings: TemplateFinding[] } {
  const findings: TemplateFinding[] = [];
  const atInfo = (severity: 'error' | 'warning', message: string, hint: string) =>
    findings.push(
      markerFinding(file, 'INFO', infoSection.markerLine, {
        ruleId: severity === 'error' ? 'format/info' : 'format/info-context-inferred',
        severity,
        message,
        hint,
      }),
    );

  const type = info['type'];
  const kind = kinds.find((candidate) => candidate === type);
  if (!kind) {
    atInfo(
      'error',
      `___INFO___.type is ${JSON.stringify(type) ?? 'missing'}, not TAG, MACRO or CLIENT.`,
      'Set "type" to "TAG" for a tag, "MACRO" for a variable or "CLIENT" for a server client.',
    );
  }

  const context = contextFromInfo(info['containerContexts']) ?? contextFromCode(present);
  if (!context) {
    atInfo(
      'error',
      '___INFO___.containerContexts names neither WEB nor SERVER, and there is no code section to tell.',
      'Set "containerContexts" to ["WEB"] or ["SERVER"].',
    );
  } else if (contextFromInfo(info['containerContexts']) === undefined) {
    atInfo(
      'warning',
      `___INFO___ has no containerContexts; the ___${codeSectionOf(context)}___ section says ${context.toUpperCase()}.`,
      `Add "containerContexts": ["${context.toUpperCase()}"] to ___INFO___.`,
    );
  }
  if (kind === 'CLIENT' && context === 'web') {
    atInfo(
      'error',
      'A CLIENT template must run in a SERVER container.',
      'Set "containerContexts" to ["SERVER"], or "type" to "TAG".',
    );
  }
  return { ...(kind && { kind }), ...(context && { context }), findings };
}

function contextFromInfo(value: unknown): ContainerContext | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.includes('SERVER')) return 'server';
  if (value.includes('WEB')) return 'web';
  return undefined;
}

function contextFromCode(
  present: ReadonlyMap<SectionName, TemplateSection>,
): ContainerContext | undefined {
  if (present.has('SANDBOXED_JS_FOR_SERVER')) return 'server';
  if (present.has('SANDBOXED_JS_FOR_WEB_TEMPLATE')) return 'web';
  return undefined;
}
