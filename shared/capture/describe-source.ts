import type { InputSource } from './captured-input.js';

/** `file:line` for line inputs, `file#entry` for HAR entries, so a reader can find the record. */
export function describeSource(source: InputSource): string {
  if (source.line !== undefined) return `${source.file}:${source.line}`;
  if (source.entry !== undefined) return `${source.file}#${source.entry}`;
  return source.file;
}
