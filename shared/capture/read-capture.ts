import type { CaptureReadResult } from './captured-input.js';
import { readHar } from './read-har.js';
import { readNdjson } from './read-ndjson.js';
import { readUrlList } from './read-url-list.js';

/**
 * Reads any capture tagwarden accepts, telling the format from the content rather than the
 * file name: a JSON document holding `log` is HAR, lines that are each a JSON object are
 * NDJSON, anything else is a list of URLs.
 */
export function readCapture(text: string, file: string): CaptureReadResult {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{')) return readUrlList(start, file);
  if (/^\{\s*"log"\s*:/.test(start)) return readHar(start, file);
  return mostLinesAreObjects(start) ? readNdjson(start, file) : readHar(start, file);
}

// A pretty-printed HAR has few lines that open and close an object on their own; an NDJSON
// capture has little else. Deciding by the majority keeps one broken NDJSON line from turning
// the whole file into a failed HAR read.
function mostLinesAreObjects(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const objectLines = lines.filter((line) => {
    const trimmed = line.trim();
    return trimmed.startsWith('{') && trimmed.endsWith('}');
  }).length;
  return objectLines * 2 >= lines.length;
}
