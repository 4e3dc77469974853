import { isJsonObject } from './is-json-object.js';

/** What mirroring needs to know of a `.tpl` template file. */
export interface TemplateFile {
  displayName: string;
  context: 'web' | 'server';
  /** `___INFO___.type`: TAG, MACRO or CLIENT. */
  kind: string;
  /** Every field name the template's parameters define, nested ones included. */
  parameterNames: Set<string>;
  /** The file as given (BOM and all), for the export's `templateData`. */
  text: string;
}

export type TemplateFileResult =
  { ok: true; template: TemplateFile } | { ok: false; message: string; hint: string };

const templateHint =
  'Pass the template file GTM exports (Templates → the template → ⋮ → Export): it starts with ___INFO___ or ___TERMS_OF_SERVICE___.';

/**
 * Reads the INFO and TEMPLATE_PARAMETERS sections of a `.tpl` file (reference: GTM templates
 * notes §1: BOM, text before the first marker, sections in any order). Never throws.
 */
export function readTemplateFile(text: string, file: string): TemplateFileResult {
  const sections = splitSections(typeof text === 'string' ? text : '');
  const info = parseSection(sections.get('INFO'));
  if (!isJsonObject(info)) {
    return {
      ok: false,
      message: `${file} has no readable ___INFO___ section.`,
      hint: templateHint,
    };
  }

  const contexts = Array.isArray(info['containerContexts']) ? info['containerContexts'] : [];
  const context = contexts.includes('SERVER')
    ? 'server'
    : contexts.includes('WEB')
      ? 'web'
      : undefined;
  if (!context) {
    return {
      ok: false,
      message: `${file}: ___INFO___ names no container context (WEB or SERVER).`,
      hint: templateHint,
    };
  }

  const parameterNames = new Set<string>();
  collectNames(parseSection(sections.get('TEMPLATE_PARAMETERS')), parameterNames, 0);
  return {
    ok: true,
    template: {
      displayName: typeof info['displayName'] === 'string' ? info['displayName'] : '',
      context,
      kind: typeof info['type'] === 'string' ? info['type'] : '',
      parameterNames,
      text,
    },
  };
}

function splitSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const marker = /^___([A-Z_]+)___$/.exec(line.trim());
    if (!marker) {
      lines.push(line);
      continue;
    }
    if (current) sections.set(current, lines.join('\n'));
    current = marker[1];
    lines = [];
  }
  if (current) sections.set(current, lines.join('\n'));
  return sections;
}

function parseSection(body: string | undefined): unknown {
  if (body === undefined) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

// Fields nested in groups, checkboxes and radio items are still top-level keys of `data`
// (GTM templates notes §1.3); groups and labels themselves produce none.
function collectNames(value: unknown, names: Set<string>, depth: number): void {
  if (!Array.isArray(value) || depth > 16) return;
  for (const field of value) {
    if (!isJsonObject(field)) continue;
    const isContainerOnly = field['type'] === 'GROUP' || field['type'] === 'LABEL';
    if (typeof field['name'] === 'string' && !isContainerOnly) names.add(field['name']);
    collectNames(field['subParams'], names, depth + 1);
    const items = Array.isArray(field['radioItems']) ? field['radioItems'] : [];
    for (const item of items)
      if (isJsonObject(item)) collectNames(item['subParams'], names, depth + 1);
  }
}
