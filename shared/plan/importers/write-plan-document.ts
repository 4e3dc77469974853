import { Document } from 'yaml';
import type { PlanDocument } from './import-types.js';

export interface WritePlanOptions {
  format?: 'yaml' | 'json';
  /** Lines written as a comment above the plan (YAML only), e.g. where it came from. */
  comment?: string[];
}

/**
 * A plan document as the text of a tagwarden plan file: YAML (the default) or JSON. Shared
 * schemas are written out in full, never as YAML aliases, so each event reads on its own.
 */
export function writePlanDocument(document: PlanDocument, options: WritePlanOptions = {}): string {
  if (options.format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  const yaml = new Document(document, { aliasDuplicateObjects: false });
  if (options.comment && options.comment.length > 0)
    yaml.commentBefore = options.comment.map((line) => ` ${line}`).join('\n');
  return yaml.toString({ lineWidth: 100, minContentWidth: 20 });
}
