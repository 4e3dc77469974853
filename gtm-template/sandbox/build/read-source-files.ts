import type { TemplateSection } from '../format/split-sections.js';
import type { SectionName } from '../format/section-names.js';
import type { TemplateFinding } from '../format/template-finding.js';
import type { TemplateSources } from './template-sources.js';

/** A source file's text without a BOM and with LF line endings, or undefined when absent. */
export function sourceText(sources: TemplateSources, name: string): string | undefined {
  const text = sources.files.get(name);
  if (text === undefined) return undefined;
  return (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/** The path of a source file, as findings name it. */
export function sourcePath(sources: TemplateSources, name: string): string {
  return sources.folder === '' ? name : `${sources.folder.replace(/\/+$/, '')}/${name}`;
}

/**
 * A whole source file seen as the body of the section it becomes, so the section parsers can
 * read it and their findings keep the file's own line numbers.
 */
export function asSourceSection(name: SectionName, text: string): TemplateSection {
  return { name, markerLine: 1, bodyLine: 1, body: text };
}

/** A section parser's finding moved onto the source file it came from. */
export function asSourceFinding(finding: TemplateFinding, file: string): TemplateFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    file,
    line: finding.line,
    column: finding.column,
    message: finding.message.replace(/The ___[A-Z_]+___ section/, file),
    hint: finding.hint,
  };
}
