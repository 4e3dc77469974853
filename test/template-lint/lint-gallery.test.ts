import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { galleryTermsOfService } from '../../gtm-template/sandbox/build/gallery-terms.js';
import { writeTemplate } from '../../gtm-template/sandbox/format/write-template.js';
import type { GalleryFiles } from '../../gtm-template/sandbox/lint/check-gallery.js';
import { lintTemplate } from '../../gtm-template/sandbox/lint/lint-template.js';
import { makeTemplate, ruleIdsOf } from './make-template.js';

const apacheLicense = readFileSync('LICENSE', 'utf8');
const metadata = [
  'homepage: https://tagwarden.example/templates/title',
  'documentation: https://tagwarden.example/templates/title/README',
  'versions:',
  '  - sha: 868fc26a8e0d1b6f6a5a3c7a1d4f2b9e0c1d2e3f',
  '    changeNotes: First version.',
].join('\n');
const galleryInfo = {
  categories: ['UTILITY'],
  brand: { id: 'brand_dummy', displayName: 'tagwarden' },
};

function lintFolder(
  files: Partial<GalleryFiles>,
  info: Record<string, unknown> = galleryInfo,
  hasTerms = true,
) {
  const template = makeTemplate({ kind: 'MACRO', code: 'return 1;', info });
  const text = writeTemplate(template, hasTerms ? { termsOfService: galleryTermsOfService } : {});
  return lintTemplate(text, 'title/template.tpl', { gallery: { folder: 'title', ...files } });
}

describe('gallery readiness of a template folder', () => {
  it('passes a folder with metadata, an Apache-2.0 licence, categories, a brand and the terms', () => {
    expect(lintFolder({ metadata, license: apacheLicense })).toEqual([]);
  });

  it.each([
    [
      'no metadata.yaml',
      { license: apacheLicense },
      galleryInfo,
      true,
      'gallery/metadata-missing',
      'title/metadata.yaml',
    ],
    ['no LICENSE', { metadata }, galleryInfo, true, 'gallery/license', 'title/LICENSE'],
    [
      'an MIT licence',
      { metadata, license: 'MIT License\n\nPermission is hereby granted…' },
      galleryInfo,
      true,
      'gallery/license',
      'title/LICENSE',
    ],
    [
      'no categories',
      { metadata, license: apacheLicense },
      { brand: galleryInfo.brand },
      true,
      'gallery/info',
      'title/template.tpl',
    ],
    [
      'an unknown category',
      { metadata, license: apacheLicense },
      { ...galleryInfo, categories: ['ANALYTIC'] },
      true,
      'gallery/info',
      'title/template.tpl',
    ],
    [
      'no brand',
      { metadata, license: apacheLicense },
      { categories: ['UTILITY'] },
      true,
      'gallery/info',
      'title/template.tpl',
    ],
    [
      'no terms of service',
      { metadata, license: apacheLicense },
      galleryInfo,
      false,
      'gallery/terms-of-service',
      'title/template.tpl',
    ],
  ])('warns about %s', (_, files, info, hasTerms, ruleId, file) => {
    const findings = lintFolder(files, info, hasTerms);
    expect(ruleIdsOf(findings)).toEqual([ruleId]);
    expect(findings[0]).toMatchObject({ severity: 'warning', file });
  });

  it.each([
    [
      'a misspelt changeNotes',
      metadata.replace('changeNotes', 'changeNodes'),
      /unknown key `changeNodes`/,
    ],
    ['a short sha', metadata.replace(/sha: \w+/, 'sha: 868fc26'), /40-character commit hash/],
    [
      'a homepage that is not a URL',
      metadata.replace('https://tagwarden.example/templates/title\n', 'tagwarden templates\n'),
      /`homepage` as a URL/,
    ],
    ['no versions', metadata.split('\nversions:')[0] ?? '', /non-empty `versions` list/],
    ['an unknown top-level key', `${metadata}\nauthor: tagwarden`, /unknown key `author`/],
    ['broken YAML', 'homepage: [unclosed', /not valid YAML/],
  ])('errs on metadata.yaml with %s', (_, text, says) => {
    const findings = lintFolder({ metadata: text, license: apacheLicense });
    expect(findings.map((finding) => finding.ruleId)).toContain('gallery/metadata-invalid');
    expect(findings.find((finding) => finding.ruleId === 'gallery/metadata-invalid')).toMatchObject(
      {
        severity: 'error',
        file: 'title/metadata.yaml',
        message: expect.stringMatching(says) as unknown,
      },
    );
  });

  it('runs no gallery checks on a file linted on its own', () => {
    const text = writeTemplate(makeTemplate({ kind: 'MACRO', code: 'return 1;' }));
    expect(lintTemplate(text, 'loose.tpl')).toEqual([]);
  });
});
