import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  templateSourceFileNames,
  type TemplateSources,
} from '../../gtm-template/sandbox/build/template-sources.js';
import { formatRules, lintRules } from '../../gtm-template/sandbox/lint/lint-rules.js';
import { lintTemplate } from '../../gtm-template/sandbox/lint/lint-template.js';
import { lintTemplateSources } from '../../gtm-template/sandbox/lint/lint-template-sources.js';

const examplesFolder = 'gtm-template/examples';
const brokenFolder = 'test/fixtures/templates/broken';

function readSources(folder: string, overrides: Record<string, string> = {}): TemplateSources {
  const files = new Map<string, string>();
  for (const name of templateSourceFileNames) {
    try {
      files.set(name, readFileSync(join(folder, name), 'utf8'));
    } catch {
      // Optional source files may be absent.
    }
  }
  for (const [name, text] of Object.entries(overrides)) files.set(name, text);
  return { folder, files };
}

describe('the example templates', () => {
  it.each(readdirSync(examplesFolder))(
    '%s lints clean from its sources and as a built file',
    (name) => {
      const folder = join(examplesFolder, name);
      expect(lintTemplateSources(readSources(folder))).toEqual([]);
      const gallery = {
        folder,
        metadata: readFileSync(join(folder, 'metadata.yaml'), 'utf8'),
        license: readFileSync(join(folder, 'LICENSE'), 'utf8'),
      };
      expect(
        lintTemplate(
          readFileSync(join(folder, 'template.tpl'), 'utf8'),
          join(folder, 'template.tpl'),
          { gallery },
        ),
      ).toEqual([]);
    },
  );

  it('cover a web tag, a server tag, a server client, a web variable and a server variable', () => {
    const kinds = readdirSync(examplesFolder).map((name) => {
      const info = JSON.parse(readFileSync(join(examplesFolder, name, 'info.json'), 'utf8')) as {
        type: string;
        containerContexts: string[];
      };
      return `${info.containerContexts.join()} ${info.type}`;
    });
    expect(kinds.sort()).toEqual([
      'SERVER CLIENT',
      'SERVER MACRO',
      'SERVER TAG',
      'WEB MACRO',
      'WEB TAG',
    ]);
  });
});

describe('the broken fixtures', () => {
  const files = readdirSync(brokenFolder).filter((name) => name.endsWith('.tpl'));

  it('cover most rules', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  // Each file is an example with one mistake; its name is the rule id with - for /.
  it.each(files)('%s is flagged by its rule and nothing else', (name) => {
    const ruleId = name.replace('.tpl', '').replace('-', '/');
    const findings = lintTemplate(readFileSync(join(brokenFolder, name), 'utf8'), name);
    expect([...new Set(findings.map((finding) => finding.ruleId))]).toEqual([ruleId]);
  });
});

describe('linting a source folder', () => {
  const folder = join(examplesFolder, 'web-pixel-tag');

  it('places code findings on their line of template.js', () => {
    const code = readFileSync(join(folder, 'template.js'), 'utf8');
    const broken = '\n\n' + code.replace('const url =', 'const stamp = new Object();\nconst url =');
    const [finding] = lintTemplateSources(readSources(folder, { 'template.js': broken }));
    expect(finding).toMatchObject({ ruleId: 'syntax/new', file: join(folder, 'template.js') });
    expect(broken.split('\n')[(finding?.line ?? 0) - 1]).toBe('const stamp = new Object();');
    expect(finding?.section).toBeUndefined();
  });

  it('places parameter findings on their line of parameters.json', () => {
    const parameters = readFileSync(join(folder, 'parameters.json'), 'utf8');
    const broken = parameters.replace('"name": "eventName"', '"name": "event_name"');
    const findings = lintTemplateSources(readSources(folder, { 'parameters.json': broken }));
    const finding = findings.find((item) => item.ruleId === 'params/name-case');
    expect(finding?.file).toBe(join(folder, 'parameters.json'));
    expect(broken.split('\n')[(finding?.line ?? 0) - 1]?.trim()).toBe('"name": "event_name",');
  });

  it('places permission findings on their key in permissions.yaml', () => {
    const permissions =
      readFileSync(join(folder, 'permissions.yaml'), 'utf8') + 'read_character_set: {}\n';
    const [finding] = lintTemplateSources(readSources(folder, { 'permissions.yaml': permissions }));
    expect(finding).toMatchObject({
      ruleId: 'permissions/unused',
      file: join(folder, 'permissions.yaml'),
    });
    expect(permissions.split('\n')[(finding?.line ?? 0) - 1]).toBe('read_character_set: {}');
  });

  it('reports build errors in the sources instead of linting', () => {
    const findings = lintTemplateSources(readSources(folder, { 'info.json': '{"type": "TAG",}' }));
    expect(findings.map((finding) => [finding.ruleId, finding.file])).toEqual([
      ['format/json-syntax', join(folder, 'info.json')],
    ]);
  });
});

describe('the documentation', () => {
  it('lists every rule id in gtm-template/README.md', () => {
    const readme = readFileSync('gtm-template/README.md', 'utf8');
    const missing = [...lintRules, ...formatRules]
      .map((rule) => rule.id)
      .filter((id) => !readme.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});
