/** A batched body's lines that are valid UTF-8, and how many were not. */
export interface BodyLines {
  text: string;
  badLines: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits a GA4 batch body into lines as bytes, then decodes each line as strict UTF-8. A line
 * with invalid bytes is left out and counted, so one corrupted event never costs the others
 * of its batch (gtag encodes everything as percent-escaped ASCII, so real hits never trip this).
 */
export function decodeBodyLines(body: Buffer): BodyLines {
  try {
    return { text: decoder.decode(body), badLines: 0 };
  } catch {
    // Fall through: find the bad lines one by one.
  }
  const kept: string[] = [];
  let badLines = 0;
  let start = 0;
  while (start <= body.length) {
    const end = body.indexOf(0x0a, start);
    const stop = end === -1 ? body.length : end;
    try {
      kept.push(decoder.decode(body.subarray(start, stop)));
    } catch {
      badLines += 1;
    }
    start = stop + 1;
  }
  return { text: kept.join('\n'), badLines };
}
