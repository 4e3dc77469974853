import { readFile } from 'node:fs/promises';
import { mirrorDdl } from '../../shared/warehouse/ddl/mirror-ddl.js';
import { segmentLines, type Sink, type SpoolSegment } from './sink.js';

/** Settings sent with every insert; see collector/README.md for what each is for. */
const INSERT_SETTINGS = {
  input_format_null_as_default: '1',
  input_format_json_named_tuples_as_objects: '1',
  date_time_input_format: 'best_effort',
};

/**
 * ClickHouse over its HTTP interface (`--clickhouse http://user:password@host:8123/database`).
 * Rows go as `INSERT … FORMAT JSONEachRow` with the segment id as `insert_deduplication_token`,
 * so a segment replayed after a crash is dropped by the server; the table is a
 * ReplacingMergeTree on `event_id` for duplicates across segments. Written against the HTTP
 * interface's documentation and not run against a server in this project's tests.
 */
export class ClickHouseSink implements Sink {
  private readonly endpoint: URL;
  private readonly headers: Record<string, string>;

  constructor(url: string) {
    const parsed = new URL(url);
    this.headers = {};
    if (parsed.username !== '') {
      this.headers['X-ClickHouse-User'] = decodeURIComponent(parsed.username);
      this.headers['X-ClickHouse-Key'] = decodeURIComponent(parsed.password);
    }
    const database = parsed.pathname.replace(/^\/+|\/+$/g, '');
    this.endpoint = new URL(`${parsed.protocol}//${parsed.host}/`);
    if (database !== '') {
      this.endpoint.searchParams.set('database', database);
    }
  }

  get description(): string {
    return `clickhouse:${this.endpoint.host}`;
  }

  async open(): Promise<void> {
    for (const statement of mirrorDdl('clickhouse')) {
      await this.send(statement, {});
    }
  }

  async writeSegment(segment: SpoolSegment): Promise<number> {
    return this.writeLines(segmentLines(await readFile(segment.path, 'utf8')), segment.id);
  }

  async writeLines(lines: readonly string[], batchId: string): Promise<number> {
    if (lines.length === 0) {
      return 0;
    }
    const settings = { ...INSERT_SETTINGS, insert_deduplication_token: batchId };
    await this.send('INSERT INTO events FORMAT JSONEachRow', settings, lines.join('\n'));
    return lines.length;
  }

  async ping(): Promise<void> {
    const response = await fetch(new URL('/ping', this.endpoint), { headers: this.headers });
    if (!response.ok) {
      throw new Error(`ClickHouse /ping answered ${response.status}`);
    }
  }

  async close(): Promise<void> {}

  private async send(
    query: string,
    settings: Record<string, string>,
    body?: string,
  ): Promise<void> {
    const url = new URL(this.endpoint);
    url.searchParams.set('query', query);
    for (const [name, value] of Object.entries(settings)) {
      url.searchParams.set(name, value);
    }
    const response = await fetch(url, { method: 'POST', headers: this.headers, body: body ?? '' });
    if (!response.ok) {
      const text = (await response.text()).slice(0, 500);
      throw new Error(`ClickHouse answered ${response.status}: ${text}`);
    }
  }
}
