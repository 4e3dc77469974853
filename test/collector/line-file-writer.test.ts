import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineFileWriter } from '../../collector/pipeline/line-file-writer.js';

const directory = mkdtempSync(join(tmpdir(), 'tagwarden-line-writer-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the rows file writer', () => {
  it('writes every line in order, across buffer refills, with text of any width and lines longer than its buffer', () => {
    const lines = [
      '{"event_name":"page_view","page_title":"Formatos Institucionales – ITM"}',
      ...Array.from({ length: 5000 }, (_, index) => `{"n":${index},"text":"${'é😀'.repeat(40)}"}`),
      `{"long":"${'x'.repeat(3 << 20)}"}`,
      '{"after":"the long one"}',
      '',
    ];
    const path = join(directory, 'rows.ndjson');
    const writer = new LineFileWriter(path);
    lines.forEach((line) => writer.write(line));
    writer.close();
    expect(readFileSync(path, 'utf8')).toBe(lines.map((line) => `${line}\n`).join(''));
  });

  it('empties a file that was there before', () => {
    const path = join(directory, 'again.ndjson');
    const first = new LineFileWriter(path);
    first.write('first run, first line');
    first.write('first run, second line');
    first.close();
    const second = new LineFileWriter(path);
    second.write('second run');
    second.close();
    expect(readFileSync(path, 'utf8')).toBe('second run\n');
  });
});
