import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { PermissionEntry } from '../contract.js';
import type { TemplateFinding } from '../format/template-finding.js';
import { typedValueOf } from './typed-value-of.js';

/**
 * Reads the friendly permissions form, `permissions.yaml`: one key per permission id, with that
 * permission's settings as plain YAML under it (an empty map or nothing when it has none).
 *
 *     send_pixel:
 *       allowedUrls: specific
 *       urls: [https://collect.example.com/*]
 *     read_container_data: {}
 *
 * Each becomes the entry GTM exports, settings converted to TypedValues in authored order.
 */
export function permissionsFromYaml(
  text: string,
  file: string,
): { ok: true; entries: PermissionEntry[] } | { ok: false; errors: TemplateFinding[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (path: Array<string | number>, message: string, hint: string): TemplateFinding => ({
    ruleId: 'build/permissions',
    severity: 'error',
    file,
    ...positionOf(document, lineCounter, path),
    message,
    hint,
  });

  const syntaxError = document.errors[0];
  if (syntaxError) {
    const position = syntaxError.linePos?.[0] ?? { line: 1, col: 1 };
    return {
      ok: false,
      errors: [
        {
          ...at(
            [],
            `${file} is not valid YAML: ${syntaxError.message.split('\n')[0] ?? ''}`,
            'Check the indentation and quoting on this line.',
          ),
          ruleId: 'format/yaml-syntax',
          line: position.line,
          column: position.col,
        },
      ],
    };
  }
  return readEntries(toPlainValue(document), at);
}

function readEntries(
  value: unknown,
  at: (path: Array<string | number>, message: string, hint: string) => TemplateFinding,
): { ok: true; entries: PermissionEntry[] } | { ok: false; errors: TemplateFinding[] } {
  if (value === null || value === undefined) return { ok: true, entries: [] };
  if (!isRecord(value)) {
    return {
      ok: false,
      errors: [
        at(
          [],
          'permissions.yaml must be a map of permission ids.',
          'Write one key per permission id, e.g. `send_pixel:`, with its settings indented under it.',
        ),
      ],
    };
  }
  const entries: PermissionEntry[] = [];
  for (const [publicId, settings] of Object.entries(value)) {
    if (settings !== null && !isRecord(settings)) {
      return {
        ok: false,
        errors: [
          at(
            [publicId],
            `The settings of ${publicId} must be a map.`,
            'Indent `key: value` settings under the permission id, or write `{}` when it has none.',
          ),
        ],
      };
    }
    const param: PermissionEntry['instance']['param'] = [];
    for (const [key, setting] of Object.entries(settings ?? {})) {
      const converted = typedValueOf(setting, [publicId, key]);
      if (!converted.ok) {
        return {
          ok: false,
          errors: [
            at(
              converted.problem.path,
              `${converted.problem.path.join('.')} ${converted.problem.message}.`,
              'Permission settings are text, true/false, lists and maps.',
            ),
          ],
        };
      }
      param.push({ key, value: converted.value });
    }
    entries.push({
      instance: { key: { publicId, versionId: '1' }, param },
      clientAnnotations: { isEditedByUser: true },
      isRequired: true,
    });
  }
  return { ok: true, entries };
}

function positionOf(document: Document, lineCounter: LineCounter, path: Array<string | number>) {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}

function toPlainValue(document: Document): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
