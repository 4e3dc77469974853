/**
 * What a capture file holds once read: network requests and dataLayer pushes in the order
 * they were recorded, each with where it came from, plus the problems met while reading.
 */

/** Where one record came from, so a report line can point back at the input. */
export interface InputSource {
  file: string;
  /** 1-based line for line-oriented inputs (NDJSON, URL lists). */
  line?: number;
  /** 0-based entry index for HAR files. */
  entry?: number;
}

export interface CapturedRequest {
  kind: 'request';
  url: string;
  method?: string;
  body?: string;
  /** The page the request was made from, when the capture knows it. */
  pageUrl?: string;
  /** Milliseconds since the epoch, when the capture knows it. */
  time?: number;
  /** Text a person pasted (bug reports, replay files): may carry HTML-escaped `&amp;`. */
  isPasted?: boolean;
  source: InputSource;
}

export interface CapturedPush {
  kind: 'push';
  /** The push in its JSON transport form (`{"$arguments": […]}` for gtag calls). */
  push: unknown;
  /** The dataLayer's name when it is not `dataLayer`. */
  dataLayerName?: string;
  pageUrl?: string;
  time?: number;
  source: InputSource;
}

export type CapturedRecord = CapturedRequest | CapturedPush;

/** A problem with one input: it names the input, says what is wrong and what to do next. */
export interface InputError {
  source: InputSource;
  message: string;
  hint: string;
}

export interface CaptureReadResult {
  format: 'har' | 'ndjson' | 'url-list';
  records: CapturedRecord[];
  errors: InputError[];
}
