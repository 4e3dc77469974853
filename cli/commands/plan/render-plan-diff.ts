import type {
  ChangeKind,
  PlanChange,
  PlanDiff,
} from '../../../shared/plan/diff/plan-diff-types.js';

const kinds: ChangeKind[] = ['removed', 'tightened', 'changed', 'added', 'loosened'];
const kindNotes: Record<ChangeKind, string> = {
  removed: 'events or properties the new plan no longer lists',
  tightened: 'events valid before may now fail',
  changed: 'constraints replaced by different ones',
  added: 'new events or properties',
  loosened: 'events that failed before may now pass',
};
const symbols: Record<ChangeKind, string> = {
  added: '+',
  removed: '-',
  tightened: '>',
  loosened: '<',
  changed: '~',
};

/** The diff as plain text: a title, the counts, then every change grouped by event. */
export function renderDiffText(diff: PlanDiff): string {
  const lines = [
    `Plan diff: ${diff.old.name} (${diff.old.format}) → ${diff.new.name} (${diff.new.format})`,
    summaryLine(diff),
  ];
  for (const [event, changes] of byEvent(diff.changes)) {
    lines.push('', event);
    for (const change of changes)
      lines.push(`  ${symbols[change.kind]} ${change.kind.padEnd(9)} ${change.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The diff as Markdown for a pull-request comment: counts in a table, changes by kind. */
export function renderDiffMarkdown(diff: PlanDiff): string {
  const lines = [
    `### Tracking plan changes: \`${diff.old.name}\` → \`${diff.new.name}\``,
    '',
    `Compared ${diff.old.format} with ${diff.new.format}.`,
    '',
    '| Removed | Tightened | Changed | Added | Loosened |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${kinds.map((kind) => diff.summary[kind]).join(' | ')} |`,
  ];
  if (diff.changes.length === 0) lines.push('', 'No changes that affect validation.');
  for (const kind of kinds) {
    const changes = diff.changes.filter((change) => change.kind === kind);
    if (changes.length === 0) continue;
    lines.push('', `**${capital(kind)}**: ${kindNotes[kind]}`, '');
    for (const change of changes) lines.push(`- ${markdownLine(change)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderDiffJson(diff: PlanDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

function summaryLine(diff: PlanDiff): string {
  if (diff.changes.length === 0) return 'No changes that affect validation.';
  return kinds.map((kind) => `${diff.summary[kind]} ${kind}`).join(', ');
}

function byEvent(changes: PlanChange[]): Map<string, PlanChange[]> {
  const groups = new Map<string, PlanChange[]>();
  for (const change of changes)
    groups.set(change.event, [...(groups.get(change.event) ?? []), change]);
  return groups;
}

function markdownLine(change: PlanChange): string {
  const where =
    change.property === ''
      ? `\`${escape(change.event)}\``
      : `\`${escape(change.event)}\` · \`${escape(change.property)}\``;
  const detail =
    change.subject === 'event' || change.subject === 'property'
      ? change.kind
      : describeValues(change);
  return `${where}: ${detail}`;
}

function describeValues(change: PlanChange): string {
  const show = (value: unknown) =>
    value === undefined ? 'none' : `\`${escape(JSON.stringify(value))}\``;
  if (change.subject === 'required') return change.after ? 'now required' : 'no longer required';
  if (change.subject === 'additionalProperties')
    return change.after === false
      ? 'no longer accepts unplanned properties'
      : 'accepts unplanned properties';
  return `${change.subject} ${show(change.before)} → ${show(change.after)}`;
}

function escape(text: string): string {
  return text.replace(/[`|]/g, (character) => `\\${character}`);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
