import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../usage-error.js';
import type { AuditResult } from './audit-result.js';
import { renderAuditHtml } from './render-audit-html.js';
import { renderAuditReport, type AuditFormat } from './render-audit-report.js';

const FORMATS: AuditFormat[] = ['text', 'json', 'junit', 'markdown'];

/** The report files `--reports DIR` gets, by format. */
export const AUDIT_REPORT_FILES = {
  text: 'tagwarden-audit.txt',
  json: 'tagwarden-audit.json',
  junit: 'tagwarden-audit.junit.xml',
  markdown: 'tagwarden-audit.md',
  html: 'tagwarden-audit.html',
} as const;

/** Writes every report format, and the HTML page, into `directory` (made when missing). */
export function writeAuditReports(result: AuditResult, directory: string): string[] {
  const folder = resolve(directory);
  try {
    mkdirSync(folder, { recursive: true });
    const write = (name: string, text: string) => {
      const file = join(folder, name);
      writeFileSync(file, text);
      return file;
    };
    return [
      ...FORMATS.map((format) =>
        write(AUDIT_REPORT_FILES[format], renderAuditReport(result, format)),
      ),
      write(AUDIT_REPORT_FILES.html, renderAuditHtml(result)),
    ];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      `the reports cannot be written to ${folder} (${code})`,
      'Name a folder you can write to with --reports, or leave it out.',
    );
  }
}
