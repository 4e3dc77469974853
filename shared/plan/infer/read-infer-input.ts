import type { CapturedRecord, InputError } from '../../capture/captured-input.js';
import { readCapture } from '../../capture/read-capture.js';

export interface InferInput {
  records: CapturedRecord[];
  errors: InputError[];
}

/**
 * Records from one input of `tagwarden plan infer`: a JSON array of example pushes, NDJSON
 * whose lines are bare pushes, or any capture `tagwarden check` reads (HAR, tagwarden NDJSON,
 * URL lists). Example pushes are replayed as one page's dataLayer.
 */
export function readInferInput(text: string, file: string): InferInput {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body.startsWith('[')) return pushArray(body, file);
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  const parsed = lines.map(parseLine);
  const isBarePushes =
    parsed.length > 0 &&
    parsed.every((value) => value !== undefined && !isCaptureLine(value)) &&
    parsed.some((value) => isPushObject(value));
  if (isBarePushes) {
    return {
      records: parsed.map((push, index) => ({
        kind: 'push',
        push,
        source: { file, line: index + 1 },
      })),
      errors: [],
    };
  }
  const capture = readCapture(text, file);
  return { records: capture.records, errors: capture.errors };
}

function pushArray(body: string, file: string): InferInput {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return {
      records: [],
      errors: [
        {
          source: { file },
          message: `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'Write the example pushes as a JSON array of objects, or as one object per line.',
        },
      ],
    };
  }
  const pushes = Array.isArray(value) ? value : [];
  return {
    records: pushes.map((push, index) => ({ kind: 'push', push, source: { file, entry: index } })),
    errors: [],
  };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function isCaptureLine(value: unknown): boolean {
  return isPushObject(value) && (value['type'] === 'push' || value['type'] === 'request');
}

function isPushObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
