import { positionOf } from '../plan-positions.js';
import type { SourcePosition } from '../plan-types.js';
import type { ImportIssue, SourceDocument } from './import-types.js';

/** Where in the source a part of the imported plan came from. */
export interface SourcePlace {
  document: SourceDocument;
  pointer: string;
}

/**
 * Collects what an importer could not translate, each placed at the file, line and column of
 * the source and carrying the source's JSON Pointer, and remembers where every imported event
 * came from so later checks of the plan point back at the source too.
 */
export class ImportContext {
  readonly warnings: ImportIssue[] = [];
  readonly errors: ImportIssue[] = [];
  /** Event name → where the event was defined. */
  readonly eventOrigins = new Map<string, SourcePlace>();

  warn(place: SourcePlace, message: string, hint: string): void {
    this.warnings.push(this.issue(place, message, hint));
  }

  error(place: SourcePlace, message: string, hint: string): void {
    this.errors.push(this.issue(place, message, hint));
  }

  /** Records where `eventName` came from; the first definition wins. */
  placeEvent(eventName: string, place: SourcePlace): void {
    if (!this.eventOrigins.has(eventName)) this.eventOrigins.set(eventName, place);
  }

  private issue(place: SourcePlace, message: string, hint: string): ImportIssue {
    const { line, column } = positionIn(place);
    return { file: place.document.file, line, column, message, hint, path: place.pointer };
  }
}

/** The line and column of a place (its key when it has one, else its value). */
export function positionIn(place: SourcePlace): SourcePosition {
  return positionOf(place.document.positions, place.pointer, 'key');
}

/** The same document, one token further down. */
export function below(place: SourcePlace, ...tokens: Array<string | number>): SourcePlace {
  let pointer = place.pointer;
  for (const token of tokens)
    pointer = `${pointer}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return { document: place.document, pointer };
}

/** The whole of one document. */
export function rootOf(document: SourceDocument): SourcePlace {
  return { document, pointer: '' };
}
