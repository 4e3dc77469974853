import type { CaptureReadResult, CapturedRecord, InputError } from './captured-input.js';

/**
 * Reads tagwarden's NDJSON capture: one JSON object a line, either
 * `{"type":"request","url":…,"method"?,"body"?,"pageUrl"?,"time"?}` or
 * `{"type":"push","push":…,"dataLayerName"?,"pageUrl"?,"time"?}`.
 * A bad line is reported with its number and skipped; the good lines are all kept.
 */
export function readNdjson(text: string, file: string): CaptureReadResult {
  const records: CapturedRecord[] = [];
  const errors: InputError[] = [];
  const lines = text.split(/\r?\n/);

  lines.forEach((lineText, index) => {
    const line = index + 1;
    if (lineText.trim() === '') return;
    const parsed = parseLine(lineText);
    if (typeof parsed === 'string') {
      errors.push({
        source: { file, line },
        message: `${file}:${line}: ${parsed}`,
        hint: 'Each line must be one JSON object with "type": "request" or "push"; this line was skipped.',
      });
      return;
    }
    const record = toRecord(parsed, { file, line });
    if (typeof record === 'string') {
      errors.push({
        source: { file, line },
        message: `${file}:${line}: ${record}`,
        hint: 'A request line needs a string "url"; a push line needs a "push" value. This line was skipped.',
      });
      return;
    }
    records.push(record);
  });
  return { format: 'ndjson', records, errors };
}

function parseLine(lineText: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(lineText);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return 'the line is JSON but not an object';
    }
    return value as Record<string, unknown>;
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

function toRecord(
  value: Record<string, unknown>,
  source: { file: string; line: number },
): CapturedRecord | string {
  const common = {
    ...(typeof value.pageUrl === 'string' ? { pageUrl: value.pageUrl } : {}),
    ...(typeof value.time === 'number' ? { time: value.time } : {}),
    source,
  };
  if (value.type === 'push') {
    if (!('push' in value)) return 'a "push" line has no "push" value';
    const name = value.dataLayerName;
    return {
      kind: 'push',
      push: value.push,
      ...(typeof name === 'string' ? { dataLayerName: name } : {}),
      ...common,
    };
  }
  if (value.type === 'request' || value.type === undefined) {
    if (typeof value.url !== 'string') return 'a "request" line has no string "url"';
    return {
      kind: 'request',
      url: value.url,
      ...(typeof value.method === 'string' ? { method: value.method } : {}),
      ...(typeof value.body === 'string' && value.body !== '' ? { body: value.body } : {}),
      ...common,
    };
  }
  return `unknown "type" ${JSON.stringify(value.type)}`;
}
