import type { BodyKind } from '../common/page-record.js';
import { callMethod } from './page-intrinsics.js';

/** Bodies are kept up to this many characters (or bytes); GA4 batches stay far below it. */
export const MAX_BODY_CHARS = 65_536;

export interface BodyReading {
  kind: BodyKind;
  text?: string;
  length?: number;
  truncated?: boolean;
  /** Blobs and `Request` bodies can only be read asynchronously. */
  later?: Promise<string>;
}

/** A body only readable later, such as a `Request`'s. */
export class PendingText {
  constructor(readonly promise: Promise<string>) {}
}

const toTag = Object.prototype.toString;
const urlSearchParamsToString = URLSearchParams.prototype.toString;
const blobSlice = Blob.prototype.slice;
const blobText = Blob.prototype.text;
const decoder = new TextDecoder();
const decode = TextDecoder.prototype.decode;
const isView = ArrayBuffer.isView;

/**
 * Reads a request body the way the browser will send it, without consuming or changing it:
 * text and `URLSearchParams` as they are, bytes as UTF-8, blobs later, `FormData` as
 * `name=value` pairs (the wire has multipart), streams not at all. Long bodies are cut at
 * `MAX_BODY_CHARS` and marked truncated. Undefined for no body. Never throws.
 */
export function readBody(body: unknown): BodyReading | undefined {
  if (body === undefined || body === null) return undefined;
  try {
    if (typeof body === 'string') return textReading('text', body);
    if (body instanceof PendingText) return { kind: 'text', later: body.promise };
    const tag = callMethod<string>(toTag, body);
    if (tag === '[object URLSearchParams]') {
      return textReading('form', callMethod<string>(urlSearchParamsToString, body));
    }
    if (tag === '[object Blob]' || tag === '[object File]') return blobReading(body as Blob);
    if (tag === '[object ArrayBuffer]' || isView(body)) return binaryReading(body as ArrayBuffer);
    if (tag === '[object FormData]')
      return textReading('form-data', formDataText(body as FormData));
    if (tag === '[object ReadableStream]') return { kind: 'stream' };
    return { kind: 'other' };
  } catch {
    return { kind: 'other' };
  }
}

function textReading(kind: BodyKind, text: string): BodyReading {
  const truncated = text.length > MAX_BODY_CHARS;
  return {
    kind,
    text: truncated ? text.slice(0, MAX_BODY_CHARS) : text,
    length: text.length,
    ...(truncated ? { truncated } : {}),
  };
}

function blobReading(blob: Blob): BodyReading {
  const length = blob.size;
  const head = callMethod<Blob>(blobSlice, blob, [0, MAX_BODY_CHARS]);
  const later = callMethod<Promise<string>>(blobText, head);
  return { kind: 'blob', length, later, ...(length > MAX_BODY_CHARS ? { truncated: true } : {}) };
}

function binaryReading(body: ArrayBuffer | ArrayBufferView): BodyReading {
  const bytes = isView(body)
    ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
    : new Uint8Array(body);
  const length = bytes.byteLength;
  const text = callMethod<string>(decode, decoder, [bytes.subarray(0, MAX_BODY_CHARS)]);
  return { kind: 'binary', text, length, ...(length > MAX_BODY_CHARS ? { truncated: true } : {}) };
}

function formDataText(form: FormData): string {
  const pairs: string[] = [];
  form.forEach((value, name) => {
    const text = typeof value === 'string' ? value : `[file ${value.name}]`;
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
  });
  return pairs.join('&');
}
