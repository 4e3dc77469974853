import type { Sink, SpoolSegment } from '../../collector/sinks/sink.js';

/** A real sink that a test can take down and bring back, as a warehouse outage would. */
export class SwitchableSink implements Sink {
  isDown = false;
  /** Rows that fail as the engine would refuse them (by a marker in their JSON). */
  poisonMarker: string | undefined;

  constructor(private readonly inner: Sink) {}

  get description(): string {
    return `switchable ${this.inner.description}`;
  }

  open(): Promise<void> {
    return this.inner.open();
  }

  async writeSegment(segment: SpoolSegment): Promise<number> {
    this.failWhenDown();
    const { readFile } = await import('node:fs/promises');
    if (
      this.poisonMarker !== undefined &&
      (await readFile(segment.path, 'utf8')).includes(this.poisonMarker)
    ) {
      throw new Error('the engine refuses a row of this batch');
    }
    return this.inner.writeSegment(segment);
  }

  writeLines(lines: readonly string[], batchId: string): Promise<number> {
    this.failWhenDown();
    if (
      this.poisonMarker !== undefined &&
      lines.some((line) => line.includes(this.poisonMarker!))
    ) {
      return Promise.reject(new Error('the engine refuses a row of this batch'));
    }
    return this.inner.writeLines(lines, batchId);
  }

  async ping(): Promise<void> {
    this.failWhenDown();
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private failWhenDown(): void {
    if (this.isDown) {
      throw new Error('connection refused (the test took the warehouse down)');
    }
  }
}
