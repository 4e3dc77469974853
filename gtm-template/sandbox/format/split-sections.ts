import { isSectionName, type SectionName } from './section-names.js';

/** One section of a `.tpl` file: its name, where it is, and its body without the layout's blank lines. */
export interface TemplateSection {
  name: SectionName;
  /** 1-based line of the `___NAME___` marker. */
  markerLine: number;
  /** 1-based line of the body's first line (the line after the marker when the body is empty). */
  bodyLine: number;
  body: string;
}

/** A line shaped like a marker whose name is none of the nine. */
export interface UnknownMarker {
  line: number;
  text: string;
}

const markerShape = /^___([A-Za-z0-9_]+?)___$/;

/**
 * Cuts normalised `.tpl` text (no BOM, LF line endings) at its marker lines, in file order.
 * Text before the first marker is ignored (Google's example repo puts a licence comment there,
 * reference §1.1); marker lines are trimmed before matching because one real file indents them.
 */
export function splitSections(text: string): {
  sections: TemplateSection[];
  unknownMarkers: UnknownMarker[];
} {
  const lines = text.split('\n');
  const sections: TemplateSection[] = [];
  const unknownMarkers: UnknownMarker[] = [];
  let current: { name: SectionName; markerLine: number; lines: string[] } | undefined;

  lines.forEach((line, index) => {
    const name = markerShape.exec(line.trim())?.[1];
    if (name !== undefined && isSectionName(name)) {
      if (current) sections.push(finishSection(current));
      current = { name, markerLine: index + 1, lines: [] };
      return;
    }
    if (name !== undefined) unknownMarkers.push({ line: index + 1, text: line.trim() });
    current?.lines.push(line);
  });
  if (current) sections.push(finishSection(current));
  return { sections, unknownMarkers };
}

function finishSection(raw: { name: SectionName; markerLine: number; lines: string[] }) {
  const isBlank = (line: string) => line.trim() === '';
  let first = 0;
  while (first < raw.lines.length && isBlank(raw.lines[first] ?? '')) first++;
  let end = raw.lines.length;
  while (end > first && isBlank(raw.lines[end - 1] ?? '')) end--;

  const body = raw.lines.slice(first, end).join('\n');
  const bodyLine = raw.markerLine + 1 + (body === '' ? 0 : first);
  return { name: raw.name, markerLine: raw.markerLine, bodyLine, body };
}

/** The first line of `text` that would read as a section marker, or undefined. */
export function findMarkerLine(text: string): { line: number; text: string } | undefined {
  const lines = text.split(/\r\n?|\n/);
  for (const [index, line] of lines.entries()) {
    const name = markerShape.exec(line.trim())?.[1];
    if (name !== undefined && isSectionName(name)) return { line: index + 1, text: line.trim() };
  }
  return undefined;
}
