import type { ParsedTemplate } from '../contract.js';
import { parseJsonSection } from './parse-json-section.js';
import {
  missingSection,
  notATemplate,
  shapeError,
  unknownMarkerWarning,
} from './parse-findings.js';
import { readBodySections } from './read-body-sections.js';
import { readTemplateIdentity } from './read-template-identity.js';
import { markerFinding } from './section-finding.js';
import type { SectionName } from './section-names.js';
import { splitSections, type TemplateSection } from './split-sections.js';
import type { TemplateFinding } from './template-finding.js';

export type ParseTemplateResult =
  | {
      ok: true;
      template: ParsedTemplate;
      /** Every section in file order, with its position; the linter maps findings through it. */
      sections: TemplateSection[];
      /** The `___TERMS_OF_SERVICE___` text when the file has one (pass it back to the writer). */
      termsOfService: string | undefined;
      warnings: TemplateFinding[];
    }
  | {
      ok: false;
      errors: TemplateFinding[];
      warnings: TemplateFinding[];
      sections: TemplateSection[];
    };

/**
 * Reads a `.tpl` file as GTM exports it or as people write it (reference §1.1): a leading BOM,
 * CRLF line endings, text before the first marker, indented markers and any section order are
 * all accepted; JSON sections are parsed, `___TESTS___` is read as YAML. Never throws: every
 * problem is a finding naming the file, the section and the line, with a hint.
 */
export function parseTemplate(text: string, file = 'template.tpl'): ParseTemplateResult {
  const { sections, unknownMarkers } = splitSections(normaliseText(text));
  const warnings = unknownMarkers.map((marker) => unknownMarkerWarning(file, marker));
  const errors: TemplateFinding[] = [];
  const fail = () => ({ ok: false as const, errors, warnings, sections });

  if (sections.length === 0) {
    errors.push(notATemplate(file));
    return fail();
  }
  const present = indexSections(file, sections, errors);
  const info = readInfo(file, present, errors);
  if (!info) return fail();
  const identity = readTemplateIdentity(file, info.value, info.section, present);
  for (const finding of identity.findings)
    (finding.severity === 'error' ? errors : warnings).push(finding);
  const { kind, context } = identity;
  if (!kind || !context) return fail();

  const parts = readBodySections(file, context, present, errors, warnings);
  if (errors.length > 0 || !parts) return fail();
  return {
    ok: true,
    template: { context, kind, info: info.value, ...parts },
    sections,
    termsOfService: present.get('TERMS_OF_SERVICE')?.body,
    warnings,
  };
}

/** Drops the BOM GTM's exporter writes and turns CRLF (files committed on Windows) into LF. */
function normaliseText(text: string): string {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}

function indexSections(
  file: string,
  sections: TemplateSection[],
  errors: TemplateFinding[],
): Map<SectionName, TemplateSection> {
  const present = new Map<SectionName, TemplateSection>();
  for (const section of sections) {
    const first = present.get(section.name);
    if (!first) {
      present.set(section.name, section);
      continue;
    }
    errors.push(
      markerFinding(file, section.name, section.markerLine, {
        ruleId: 'format/duplicate-section',
        severity: 'error',
        message: `___${section.name}___ appears twice (first on line ${first.markerLine}).`,
        hint: 'Keep one copy of the section and delete the other.',
      }),
    );
  }
  return present;
}

function readInfo(
  file: string,
  present: ReadonlyMap<SectionName, TemplateSection>,
  errors: TemplateFinding[],
): { value: Record<string, unknown>; section: TemplateSection } | undefined {
  const section = present.get('INFO');
  if (!section) {
    errors.push(
      missingSection(
        file,
        'INFO',
        'Add an ___INFO___ section with "type", "displayName" and "containerContexts".',
      ),
    );
    return undefined;
  }
  const parsed = parseJsonSection(file, section);
  if (!parsed.ok) {
    errors.push(parsed.finding);
    return undefined;
  }
  if (!isRecord(parsed.value)) {
    errors.push(
      shapeError(
        file,
        section,
        [],
        '___INFO___ must be a JSON object.',
        'Write it as { "type": …, "displayName": …, … }.',
      ),
    );
    return undefined;
  }
  return { value: parsed.value, section };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
