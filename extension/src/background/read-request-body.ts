/** `requestBody` of `webRequest.onBeforeRequest`, typed loosely: the browsers differ. */
export interface RawRequestBody {
  error?: unknown;
  raw?: Array<{ bytes?: unknown; file?: unknown }>;
  formData?: Record<string, unknown>;
}

/** Network bodies are kept up to this many characters, like the page world's. */
export const MAX_NETWORK_BODY_CHARS = 65_536;

export interface NetworkBody {
  body?: string;
  bodyError?: string;
}

/**
 * The text of a request body as `webRequest` hands it over: raw byte chunks decoded as UTF-8,
 * form fields joined as `name=value&…`, or the browser's reason for giving none (Chrome once
 * gave none for `sendBeacon` pings: extension landscape §2.6). Never throws.
 */
export function readRequestBody(requestBody: RawRequestBody | null | undefined): NetworkBody {
  if (requestBody === undefined || requestBody === null) return {};
  try {
    if (typeof requestBody.error === 'string') return { bodyError: requestBody.error };
    if (requestBody.raw !== undefined) return { body: cap(decodeChunks(requestBody.raw)) };
    if (requestBody.formData !== undefined) return { body: cap(formText(requestBody.formData)) };
    return {};
  } catch (error) {
    return { bodyError: `unreadable: ${String(error)}` };
  }
}

function decodeChunks(chunks: RawRequestBody['raw'] & object): string {
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of chunks) {
    const { bytes, file } = chunk;
    if (Object.prototype.toString.call(bytes) === '[object ArrayBuffer]') {
      text += decoder.decode(bytes as ArrayBuffer, { stream: true });
    } else if (typeof file === 'string') text += `[file ${file}]`;
  }
  return text + decoder.decode();
}

function formText(form: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [name, values] of Object.entries(form)) {
    for (const value of Array.isArray(values) ? values : [values]) {
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    }
  }
  return pairs.join('&');
}

function cap(text: string): string {
  return text.length > MAX_NETWORK_BODY_CHARS ? text.slice(0, MAX_NETWORK_BODY_CHARS) : text;
}
