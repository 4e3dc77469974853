import { basename, dirname, join } from 'node:path';
import type { Logger } from 'pino';
import type { SpoolSegment } from '../sinks/sink.js';
import type { RowShape } from './build-segment-rows.js';
import type { SpoolFile } from './list-spool-segments.js';
import type { RowBuilder } from './row-builder.js';

/** A segment's rows file, what the sink loads; `rows` 0 when there is nothing to load. */
export interface RowsFile {
  file: SpoolSegment;
  rows: number;
}

export interface RowsFileBuildsOptions {
  builder: RowBuilder;
  shape: RowShape;
  logger: Logger;
  /** Keeps the spool lines of hits whose acknowledged events could not all be built. */
  deadLetter: (lines: string[]) => Promise<void>;
}

/**
 * The rows files of spool segments, built in spool order one at a time on the builder's thread
 * and kept until `forget`, so the loader can have the next segments built while the sink
 * loads the current ones, and a retry neither rebuilds nor dead-letters twice.
 */
export class RowsFileBuilds {
  private readonly ready = new Map<string, RowsFile>();
  private readonly pending = new Map<string, Promise<boolean>>();
  private lastBuild: Promise<unknown> = Promise.resolve();
  private isClosing = false;

  constructor(private readonly options: RowsFileBuildsOptions) {}

  /** Starts building the segment's rows file, unless built or under way; false if it failed. */
  prepare(segment: SpoolFile): Promise<boolean> {
    const known = this.pending.get(segment.id);
    if (known !== undefined) {
      return known;
    }
    const building = this.lastBuild.then(() => this.build(segment));
    this.lastBuild = building;
    this.pending.set(segment.id, building);
    return building;
  }

  /** The built rows file of a segment, or undefined while it is not built. */
  get(segment: SpoolFile): RowsFile | undefined {
    return this.ready.get(segment.id);
  }

  forget(segment: SpoolFile): void {
    this.ready.delete(segment.id);
    this.pending.delete(segment.id);
  }

  /** Builds not started yet are not started, and those under way fail quietly. */
  close(): void {
    this.isClosing = true;
  }

  private async build(segment: SpoolFile): Promise<boolean> {
    if (this.isClosing) {
      this.pending.delete(segment.id);
      return false;
    }
    const file = { id: segment.id, path: rowsPathOf(segment.path) };
    if (segment.bytes === 0) {
      this.ready.set(segment.id, { file, rows: 0 });
      return true;
    }
    const { builder, shape, logger, deadLetter } = this.options;
    try {
      const built = await builder.build(segment.path, file.path, shape);
      if (built.deadLetters.length > 0) {
        logger.error(
          { segment: segment.id, hits: built.deadLetters.length },
          'hits whose events could not all be built; kept in the dead-letter file',
        );
        await deadLetter(built.deadLetters);
      }
      this.ready.set(segment.id, { file, rows: built.rows });
      return true;
    } catch (error) {
      if (!this.isClosing) {
        logger.error({ err: error, segment: segment.id }, 'building rows failed');
      }
      // Forgotten, so that the retry builds it again.
      this.pending.delete(segment.id);
      return false;
    }
  }
}

/** `seg-….ndjson` → `rows-seg-….ndjson` beside it (a name the spool never replays). */
function rowsPathOf(segmentPath: string): string {
  return join(dirname(segmentPath), `rows-${basename(segmentPath)}`);
}
