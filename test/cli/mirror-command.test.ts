import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/container/container-types.js';
import { readContainerExport } from '../../shared/container/read-container-export.js';
import { validateContainerExport } from '../../shared/container/validate-container-export.js';
import { makeScratchDirectory, packageRoot, parseStdout, runCli } from './run-cli.js';

const fixtures = 'test/fixtures/containers';
const webTemplate = `${fixtures}/web-mirror.tpl`;
const serverTemplate = `${fixtures}/server-mirror.tpl`;
const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

const mirror = (file: string, ...options: string[]) =>
  runCli(['mirror', `${fixtures}/${file}`, ...options]);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
const sourceOf = (file: string) => {
  const result = readContainerExport(readFileSync(join(packageRoot, fixtures, file), 'utf8'), file);
  if (!result.ok) throw new Error(`${file} does not read`);
  return result.container;
};

interface MirrorReportShape {
  output: string;
  summary: { mirrorTags: number; withNotes: number; skipped: number; changed: number };
  rows: Array<{ source: { name: string }; status: string; notes: Array<{ code: string }> }>;
  notes: Array<{ code: string }>;
  exportIssues: unknown[];
}

describe('tagwarden mirror', () => {
  it('writes a merge export that validates against the container, and prints what it mirrored', () => {
    const output = join(scratch.path, 'shop.mirror.json');
    const run = mirror(
      'shop-web.json',
      '--template',
      webTemplate,
      '--endpoint',
      'https://collect.northwind.example/g/collect',
      '-o',
      output,
    );

    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'tagwarden mirror · GTM-SHOP7Q2 (Northwind Outdoor shop) · web container',
    );
    expect(run.stdout).toMatch(
      /with notes {2}GA4 - purchase +purchase +GA4 - purchase \(tagwarden mirror\)/,
    );
    expect(run.stdout).toContain('! fires after setup tag "Utility - consent defaults"');
    expect(run.stdout).toContain(`Wrote ${output}: 10 mirror tag(s), 1 with notes, 0 skipped.`);
    expect(run.stdout).toContain('Merge →');

    const written = readJson(output);
    expect(validateContainerExport(written, sourceOf('shop-web.json'))).toEqual([]);
    const variables = (written['containerVersion'] as JsonObject)['variable'] as JsonObject[];
    const endpoint = variables.find(
      (variable) => variable['name'] === 'tagwarden mirror - collector endpoint',
    );
    expect(JSON.stringify(endpoint)).toContain('https://collect.northwind.example/g/collect');
  });

  it('reports as JSON, with every row and note as data', () => {
    const output = join(scratch.path, 'publisher.mirror.json');
    const run = mirror(
      'publisher-web.json',
      '--template',
      webTemplate,
      '-o',
      output,
      '--format',
      'json',
    );
    const report = parseStdout<MirrorReportShape>(run);

    expect(run.status).toBe(0);
    expect(report.output).toBe(output);
    expect(report.summary).toMatchObject({ mirrorTags: 10, skipped: 1 });
    expect(report.rows.find((row) => row.source.name === 'GA4 - article_view setup')).toMatchObject(
      {
        status: 'skipped',
        notes: [{ code: 'sequenced_only' }],
      },
    );
    expect(report.notes.map((note) => note.code)).toEqual([
      'endpoint_placeholder',
      'enhanced_measurement',
    ]);
    expect(report.exportIssues).toEqual([]);
  });

  it('writes the export to standard output with -o -, and the report to standard error', () => {
    const run = mirror('minimal-web.json', '--template', webTemplate, '-o', '-');
    const written = parseStdout<JsonObject>(run);

    expect(run.status).toBe(0);
    expect(written['exportFormatVersion']).toBe(2);
    expect(run.stderr).toContain('Wrote standard output: 2 mirror tag(s)');
  });

  it.each([
    { option: ['--join-key'], key: 'event_id' },
    { option: ['--join-key', 'order_join'], key: 'order_join' },
  ])('adds the join key $key to GA4 tags with $option', ({ option, key }) => {
    const run = mirror('shop-web.json', '--template', webTemplate, '-o', '-', ...option);
    const written = parseStdout<JsonObject>(run);

    expect(run.status).toBe(0);
    expect(JSON.stringify(written)).toContain(
      `{"type":"TEMPLATE","key":"parameter","value":"${key}"}`,
    );
    expect(run.stderr).toContain('changes 9 existing object(s)');
  });

  it('mirrors a server container with --server', () => {
    const run = mirror(
      'server-ga4.json',
      '--server',
      '--template',
      serverTemplate,
      '-o',
      '-',
      '--endpoint',
      'https://collect.lumen.example',
    );
    const written = parseStdout<JsonObject>(run);
    const triggers = (written['containerVersion'] as JsonObject)['trigger'] as JsonObject[];

    expect(run.status).toBe(0);
    expect(triggers.map((trigger) => trigger['name'])).toEqual([
      'tagwarden mirror - GA4 client requests',
    ]);
    expect(validateContainerExport(written, sourceOf('server-ga4.json'))).toEqual([]);
    expect(run.stderr).toMatch(
      /mirrored {4}GA4 +\{\{Event Name\}\} +GA4 client events \(tagwarden mirror\)/,
    );
  });

  it('uses the server mirror template tagwarden ships when --template is left out', () => {
    const run = mirror(
      'server-ga4.json',
      '--server',
      '-o',
      '-',
      '--endpoint',
      'https://collect.lumen.example',
    );
    const written = JSON.stringify(parseStdout<JsonObject>(run));

    expect(run.status).toBe(0);
    expect(written).toContain('tagwarden GA4 mirror (server)');
    expect(written).toContain(
      '"key":"httpEndpoint","value":"{{tagwarden mirror - collector endpoint}}"',
    );
  });

  it('writes nothing for a container without GA4 tags, and says so', () => {
    const empty = scratch.write(
      'empty.json',
      JSON.stringify({
        exportFormatVersion: 2,
        containerVersion: { container: { usageContext: ['WEB'] }, tag: [] },
      }),
    );
    const output = join(scratch.path, 'empty.mirror.json');
    const run = runCli(['mirror', empty, '--template', webTemplate, '-o', output]);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Nothing written: no tag to mirror.');
    expect(existsSync(output)).toBe(false);
  });
});

describe('tagwarden mirror refuses bad input with exit 2, naming the input and a next step', () => {
  const versionOne = scratch.write(
    'v1.json',
    JSON.stringify({ exportFormatVersion: 1, containerVersion: { macro: [], rule: [], tag: [] } }),
  );
  const broken = scratch.write('broken.json', '{"exportFormatVersion": 2, "containerVersion": {');

  it.each([
    {
      input: 'a missing file',
      args: ['mirror', 'nowhere.json', '--template', webTemplate],
      message: 'nowhere.json: no such file',
    },
    {
      input: 'broken JSON',
      args: ['mirror', broken, '--template', webTemplate],
      message: 'is not valid JSON',
    },
    {
      input: 'a version 1 export',
      args: ['mirror', versionOne, '--template', webTemplate],
      message: 'is a version 1 export',
    },
    {
      input: 'a server export without --server',
      args: ['mirror', `${fixtures}/server-ga4.json`, '--template', webTemplate],
      message: 'is a SERVER container export; a web container is needed here',
      hint: 'Add --server',
    },
    {
      input: 'a web export with --server',
      args: ['mirror', `${fixtures}/shop-web.json`, '--server', '--template', serverTemplate],
      message: 'is a WEB container export; a server container is needed here',
    },
    {
      input: 'a template that is not one',
      args: ['mirror', `${fixtures}/shop-web.json`, '--template', `${fixtures}/shop-web.json`],
      message: 'has no readable ___INFO___',
    },
    {
      input: 'a server template for a web container',
      args: ['mirror', `${fixtures}/shop-web.json`, '--template', serverTemplate],
      message: 'is a server TAG, not a web tag template',
    },
    {
      input: 'an endpoint that is not a URL',
      args: [
        'mirror',
        `${fixtures}/shop-web.json`,
        '--template',
        webTemplate,
        '--endpoint',
        'collect.example.com',
      ],
      message: '--endpoint collect.example.com is not an http(s) URL',
    },
    {
      input: 'a join key GA4 refuses',
      args: [
        'mirror',
        `${fixtures}/shop-web.json`,
        '--template',
        webTemplate,
        '--join-key',
        '1-bad',
      ],
      message: '--join-key 1-bad is not a GA4 parameter name',
    },
    {
      input: 'a join key with --server',
      args: [
        'mirror',
        `${fixtures}/server-ga4.json`,
        '--server',
        '--template',
        serverTemplate,
        '--join-key',
      ],
      message: '--join-key applies to web containers only',
    },
    {
      input: 'an output folder that does not exist',
      args: [
        'mirror',
        `${fixtures}/shop-web.json`,
        '--template',
        webTemplate,
        '-o',
        join(scratch.path, 'no/such/dir.json'),
      ],
      message: 'the export cannot be written to',
    },
    {
      input: 'a report format that does not exist',
      args: ['mirror', `${fixtures}/shop-web.json`, '--format', 'xml'],
      message: "argument 'xml' is invalid",
    },
  ])('$input', ({ args, message, hint }) => {
    const run = runCli(args);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    if (hint) expect(run.stderr).toContain(`→ ${hint}`);
    expect(run.stdout).toBe('');
  });

  it('lists every option in --help', () => {
    const run = runCli(['mirror', '--help']);

    expect(run.status).toBe(0);
    for (const option of [
      '<export>',
      '--output <file>',
      '--template <file>',
      '--endpoint <url>',
      '--join-key [name]',
      '--server',
      '--no-dependencies',
      '--format <format>',
    ]) {
      expect(run.stdout).toContain(option);
    }
  });
});
