import type { ExportIssue } from '../../../shared/container/check-export-shape.js';
import type { ContainerIndex } from '../../../shared/container/container-types.js';
import type {
  MirrorNote,
  MirrorResult,
  MirrorRow,
} from '../../../shared/container/mirror-types.js';

/** What one mirror run reports, as data: the JSON format prints exactly this. */
export interface MirrorReport {
  container: { file: string; publicId: string; name: string; context: string };
  /** Where the export was written; `-` for standard output, empty when nothing was written. */
  output: string;
  summary: MirrorResult['summary'];
  rows: MirrorRow[];
  notes: MirrorNote[];
  /** Problems the written export still has (references the source container could not resolve). */
  exportIssues: ExportIssue[];
}

export function mirrorReport(
  container: ContainerIndex,
  result: MirrorResult,
  output: string,
  exportIssues: ExportIssue[],
): MirrorReport {
  return {
    container: {
      file: container.file,
      publicId: container.publicId,
      name: container.containerName,
      context: container.context,
    },
    output,
    summary: result.summary,
    rows: result.rows,
    notes: result.notes,
    exportIssues,
  };
}

const statusLabels = {
  mirrored: 'mirrored',
  'mirrored-with-notes': 'with notes',
  skipped: 'skipped',
} as const;
const marks = { caveat: '!', info: '·' } as const;
const listLabels = {
  tag: 'tag',
  trigger: 'trigger',
  variable: 'variable',
  folder: 'folder',
  customTemplate: 'template',
  builtInVariable: 'built-in variable',
} as const;

/** The table a GTM admin reads: one line per GA4 tag, its notes under it, then what to do. */
export function renderMirrorText(report: MirrorReport): string {
  const { container } = report;
  const title = [container.publicId, container.name && `(${container.name})`]
    .filter(Boolean)
    .join(' ');
  const lines = [
    `tagwarden mirror · ${title || container.file} · ${container.context} container`,
    '',
  ];
  const width = Math.min(40, Math.max(12, ...report.rows.map((row) => row.source.name.length)));
  lines.push(`  ${'status'.padEnd(10)}  ${'tag'.padEnd(width)}  ${'event'.padEnd(24)}  mirror tag`);
  for (const row of report.rows) {
    const mirror = row.mirrorTag ? row.mirrorTag.name : '—';
    lines.push(
      `  ${statusLabels[row.status].padEnd(10)}  ${row.source.name.padEnd(width)}  ${row.eventName.padEnd(24)}  ${mirror}`,
    );
    for (const note of row.notes) lines.push(`      ${marks[note.severity]} ${note.message}`);
  }
  if (report.rows.length === 0)
    lines.push('  No GA4 event tag or Google tag found: nothing to mirror.');

  if (report.notes.length > 0) lines.push('', 'Container:');
  for (const note of report.notes) lines.push(`  ${marks[note.severity]} ${note.message}`);
  if (report.exportIssues.length > 0)
    lines.push('', 'The export still has these problems (from the source container):');
  for (const issue of report.exportIssues) lines.push(`  ! ${issue.path}: ${issue.message}`);

  lines.push('', summaryLine(report), ...importSteps(report));
  return lines.join('\n') + '\n';
}

function summaryLine(report: MirrorReport): string {
  const { summary } = report;
  const added = Object.entries(summary.added)
    .filter(([, count]) => count > 0)
    .map(
      ([list, count]) =>
        `${count} ${listLabels[list as keyof typeof listLabels]}${count === 1 ? '' : 's'}`,
    )
    .join(', ');
  if (summary.mirrorTags === 0) {
    return summary.skipped > 0
      ? 'Nothing written: no tag needs a new mirror.'
      : 'Nothing written: no tag to mirror.';
  }
  const where = report.output === '-' ? 'standard output' : report.output;
  return [
    `Wrote ${where}: ${summary.mirrorTags} mirror tag(s), ${summary.withNotes} with notes, ${summary.skipped} skipped.`,
    `Adds ${added || 'nothing new'}; changes ${summary.changed} existing object(s); copies ${summary.copiedDependencies} unchanged one(s) the new tags use.`,
  ].join('\n');
}

function importSteps(report: MirrorReport): string[] {
  if (report.summary.mirrorTags === 0) return [];
  return [
    'Import it in GTM: Admin → Import Container → the file → an existing workspace → Merge →',
    'Overwrite conflicting tags, triggers and variables. Then open Preview and check each mirror',
    'tag fires beside its GA4 tag (docs/mirroring.md).',
  ];
}
