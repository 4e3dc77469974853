import type { CoverageColumn, CoverageConfig } from './build-coverage.js';

export const EMPTY_COVERAGE_CONFIG: CoverageConfig = { mode: 'pages', columns: [] };

/** A stored coverage configuration read back, field by field; anything odd is left out. */
export function readCoverageConfig(value: unknown): CoverageConfig {
  if (value === null || typeof value !== 'object') return EMPTY_COVERAGE_CONFIG;
  const { mode, columns } = value as Record<string, unknown>;
  return {
    mode: mode === 'journey' ? 'journey' : 'pages',
    columns: Array.isArray(columns) ? columns.flatMap(readColumn) : [],
  };
}

function readColumn(value: unknown): CoverageColumn[] {
  if (value === null || typeof value !== 'object') return [];
  const { label, pattern } = value as Record<string, unknown>;
  return typeof label === 'string' && typeof pattern === 'string' ? [{ label, pattern }] : [];
}

/**
 * Columns from the text a user types, one per line: `Label = /pattern/*`, or a bare pattern
 * that is its own label. Blank lines and `#` comments are skipped.
 */
export function parseCoverageColumns(text: string): CoverageColumn[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const separator = line.indexOf('=');
      if (separator === -1) return { label: line, pattern: line };
      const label = line.slice(0, separator).trim();
      const pattern = line.slice(separator + 1).trim();
      return { label: label || pattern, pattern };
    })
    .filter((column) => column.pattern !== '');
}

/** The columns as the text `parseCoverageColumns` reads back. */
export function formatCoverageColumns(columns: readonly CoverageColumn[]): string {
  return columns
    .map((column) =>
      column.label === column.pattern ? column.pattern : `${column.label} = ${column.pattern}`,
    )
    .join('\n');
}
