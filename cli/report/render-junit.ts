import type { CheckReport, CheckedEvent } from '../../shared/check/check-report.js';
import { describeSource } from '../../shared/capture/describe-source.js';

/**
 * JUnit XML for CI dashboards: one test case per event, grouped by layer. An event fails when
 * it carries an error (an unplanned event holding personal data fails too); an unplanned event
 * with nothing worse is skipped, so it shows without breaking a build on its own.
 */
export function renderJunit(report: CheckReport): string {
  const byLayer = new Map<string, CheckedEvent[]>();
  for (const event of report.events) {
    const events = byLayer.get(event.layer) ?? [];
    events.push(event);
    byLayer.set(event.layer, events);
  }

  const suites = [...byLayer].map(([layer, events]) => suiteXml(layer, events));
  const failures = report.events.filter(isFailure).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tagwarden check ${escapeXml(report.plan.name)}"` +
      ` tests="${report.events.length}" failures="${failures}" errors="${report.inputErrors.length}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suiteXml(layer: string, events: CheckedEvent[]): string {
  const failures = events.filter(isFailure).length;
  const skipped = events.filter(
    (event) => event.status === 'unplanned' && !isFailure(event),
  ).length;
  const cases = events.map((event) => caseXml(layer, event));
  return [
    `  <testsuite name="${escapeXml(layer)}" tests="${events.length}" failures="${failures}" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

function caseXml(layer: string, event: CheckedEvent): string {
  const name = `${event.name ?? '(no event name)'} @ ${describeSource(event.source)}`;
  const open = `    <testcase classname="${escapeXml(`${layer}.${event.name ?? 'unnamed'}`)}" name="${escapeXml(name)}"`;
  const details = event.violations
    .map(
      (violation) =>
        `${violation.severity} ${violation.code} ${violation.path || '/'}: ${violation.message}`,
    )
    .join('\n');
  if (event.status === 'valid' && details === '') return `${open}/>`;
  if (event.status === 'valid')
    return `${open}>\n      <system-out>${escapeXml(details)}</system-out>\n    </testcase>`;
  if (!isFailure(event)) {
    const skipped = `<skipped message="unplanned event: not in the tracking plan"/>`;
    const output = details === '' ? '' : `\n      <system-out>${escapeXml(details)}</system-out>`;
    return `${open}>\n      ${skipped}${output}\n    </testcase>`;
  }
  const first =
    event.violations.find((violation) => violation.severity === 'error') ?? event.violations[0];
  return [
    `${open}>`,
    `      <failure type="${escapeXml(first?.code ?? 'invalid')}"` +
      ` message="${escapeXml(first?.message ?? 'invalid event')}">${escapeXml(details)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

// XML 1.0 cannot carry most control characters, even escaped; event values sometimes do.
// eslint-disable-next-line no-control-regex
const xmlForbiddenCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(xmlForbiddenCharacters, '');
}

function isFailure(event: CheckedEvent): boolean {
  return event.violations.some((violation) => violation.severity === 'error');
}
