import { parseDocument } from 'yaml';
import type { ParsedTemplate } from '../contract.js';
import type { LintProblem } from './lint-problem.js';
import { isRecord } from './collect-parameter-names.js';

/** The files of a gallery folder the check reads (absent ones are undefined). */
export interface GalleryFiles {
  folder: string;
  metadata?: string;
  license?: string;
}

// Categories seen in real gallery templates (reference §1.2; the full list is on Google's
// gallery page, so an unknown one only warns).
const knownCategories = new Set([
  'ANALYTICS',
  'ADVERTISING',
  'UTILITY',
  'CONVERSIONS',
  'MARKETING',
  'REMARKETING',
  'TAG_MANAGEMENT',
  'PERSONALIZATION',
  'DATA_WAREHOUSING',
  'AFFILIATE_MARKETING',
  'ATTRIBUTION',
  'SESSION_RECORDING',
  'LEAD_GENERATION',
  'ACCESSIBILITY',
  'EXPERIMENTATION',
]);

/**
 * What the Community Template Gallery asks of a template folder (reference §5): metadata.yaml
 * with homepage, documentation and versions (sha + changeNotes), an Apache-2.0 LICENSE,
 * categories and a brand in ___INFO___, and the gallery terms of service accepted.
 */
export function checkGallery(
  files: GalleryFiles,
  template: ParsedTemplate,
  termsOfService: string | undefined,
): LintProblem[] {
  const problems: LintProblem[] = [...metadataProblems(files), ...licenseProblems(files)];
  const info = template.info;
  const categories = info['categories'];
  if (!Array.isArray(categories) || categories.length === 0) {
    problems.push(
      infoProblem(
        '___INFO___ has no "categories"; the gallery requires them.',
        'Add e.g. "categories": ["ANALYTICS", "DATA_WAREHOUSING"].',
        ['categories'],
      ),
    );
  } else {
    const unknown = categories.filter(
      (category) => typeof category !== 'string' || !knownCategories.has(category),
    );
    if (unknown.length > 0)
      problems.push(
        infoProblem(
          `Unknown gallery categories: ${unknown.map(String).join(', ')}.`,
          `Use categories such as ${[...knownCategories].slice(0, 5).join(', ')}.`,
          ['categories'],
        ),
      );
  }
  const brand = info['brand'];
  if (
    !isRecord(brand) ||
    typeof brand['id'] !== 'string' ||
    typeof brand['displayName'] !== 'string'
  ) {
    problems.push(
      infoProblem(
        '___INFO___ has no "brand" with an id and a displayName.',
        'Add "brand": {"id": "github.com_<owner>", "displayName": "<who publishes it>"}.',
        ['brand'],
      ),
    );
  }
  if (termsOfService === undefined) {
    problems.push({
      ruleId: 'gallery/terms-of-service',
      place: { kind: 'section', section: 'INFO' },
      message: 'The file has no ___TERMS_OF_SERVICE___ section, which the gallery requires.',
      hint: "Tick the gallery terms box in GTM's Info tab before exporting; `tagwarden template build` adds it for folders with metadata.yaml.",
    });
  }
  return problems;
}

function metadataProblems(files: GalleryFiles): LintProblem[] {
  const file = `${files.folder}/metadata.yaml`;
  if (files.metadata === undefined) {
    return [
      {
        ruleId: 'gallery/metadata-missing',
        place: { kind: 'file', file, line: 1, column: 1 },
        message: `${file} is missing; the gallery reads the homepage, documentation and versions from it.`,
        hint: 'Add homepage:, documentation: and versions: (- sha: <commit>, changeNotes: <text>).',
      },
    ];
  }
  const document = parseDocument(files.metadata);
  const invalid = (message: string, hint: string, line = 1): LintProblem => ({
    ruleId: 'gallery/metadata-invalid',
    place: { kind: 'file', file, line, column: 1 },
    message,
    hint,
  });
  const syntaxError = document.errors[0];
  if (syntaxError)
    return [
      invalid(
        `${file} is not valid YAML: ${syntaxError.message.split('\n')[0] ?? ''}`,
        'Check the indentation and quoting.',
        syntaxError.linePos?.[0].line,
      ),
    ];
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    value = undefined;
  }
  if (!isRecord(value))
    return [
      invalid(
        `${file} must be a map with homepage, documentation and versions.`,
        'Start with `homepage: https://…`.',
      ),
    ];
  return readMetadata(value, invalid);
}

function readMetadata(
  value: Record<string, unknown>,
  invalid: (message: string, hint: string) => LintProblem,
): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const key of Object.keys(value)) {
    if (!['homepage', 'documentation', 'versions'].includes(key))
      problems.push(
        invalid(
          `metadata.yaml has an unknown key \`${key}\`.`,
          'The gallery reads only homepage, documentation and versions.',
        ),
      );
  }
  for (const key of ['homepage', 'documentation']) {
    const url = value[key];
    if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url))
      problems.push(
        invalid(
          `metadata.yaml needs \`${key}\` as a URL.`,
          `Write ${key}: https://… (the page users land on).`,
        ),
      );
  }
  const versions = value['versions'];
  if (!Array.isArray(versions) || versions.length === 0) {
    problems.push(
      invalid(
        'metadata.yaml needs a non-empty `versions` list.',
        'List versions newest first: - sha: <40-hex commit> / changeNotes: <text>.',
      ),
    );
    return problems;
  }
  versions.forEach((version: unknown, index) => {
    const entry = isRecord(version) ? version : {};
    const misspelt = Object.keys(entry).filter((key) => key !== 'sha' && key !== 'changeNotes');
    if (misspelt.length > 0)
      problems.push(
        invalid(
          `versions[${index}] has the unknown key ${misspelt.map((key) => `\`${key}\``).join(', ')}.`,
          'Each version has exactly `sha` and `changeNotes` (spelt so).',
        ),
      );
    if (typeof entry['sha'] !== 'string' || !/^[0-9a-f]{40}$/.test(entry['sha']))
      problems.push(
        invalid(
          `versions[${index}].sha must be a 40-character commit hash.`,
          'Use the full hash of the commit that holds this template.tpl (git rev-parse HEAD).',
        ),
      );
    if (typeof entry['changeNotes'] !== 'string' || entry['changeNotes'].trim() === '')
      problems.push(
        invalid(
          `versions[${index}] needs \`changeNotes\` text.`,
          'Say what changed in this version.',
        ),
      );
  });
  return problems;
}

function licenseProblems(files: GalleryFiles): LintProblem[] {
  const file = `${files.folder}/LICENSE`;
  const place = { kind: 'file' as const, file, line: 1, column: 1 };
  if (files.license === undefined) {
    return [
      {
        ruleId: 'gallery/license',
        place,
        message: `${file} is missing; gallery templates are published under the Apache License 2.0.`,
        hint: 'Add the Apache License 2.0 text as LICENSE (upper-case name).',
      },
    ];
  }
  const isApache = /Apache License/.test(files.license) && /Version 2\.0/.test(files.license);
  if (isApache) return [];
  return [
    {
      ruleId: 'gallery/license',
      place,
      message: `${file} is not the Apache License 2.0, the only licence the gallery accepts.`,
      hint: 'Replace it with the Apache License 2.0 text.',
    },
  ];
}

function infoProblem(message: string, hint: string, path: string[]): LintProblem {
  return { ruleId: 'gallery/info', place: { kind: 'json', section: 'INFO', path }, message, hint };
}
