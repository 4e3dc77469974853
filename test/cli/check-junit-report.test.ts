import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBundledCaptures, jsonReport, type CheckJsonReport } from './check-report-shape.js';
import { readXmlElements, type XmlElement } from './read-xml-elements.js';
import { fixturePath, makeScratchDirectory, runCli } from './run-cli.js';

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

let report: CheckJsonReport;
let xml: string;
let elements: XmlElement[];
beforeAll(() => {
  report = jsonReport(checkBundledCaptures('--format', 'json'));
  const run = checkBundledCaptures('--format', 'junit');
  expect(run.status).toBe(1);
  xml = run.stdout;
  try {
    elements = readXmlElements(xml);
  } catch {
    elements = [];
  }
});

const named = (name: string, within: XmlElement[] = elements) =>
  within.filter((element) => element.name === name);
const childrenOf = (parent: XmlElement) =>
  elements.filter((element) => elements[element.parent] === parent);

describe('tagwarden check --format junit on the bundled captures', () => {
  it('is well-formed: every tag closes in order, every value is escaped', () => {
    expect(() => readXmlElements(xml)).not.toThrow();
    expect(elements.filter((element) => element.parent === -1)).toEqual([
      expect.objectContaining({ name: 'testsuites' }),
    ]);
    expect(xml.match(/<testcase\b/g)).toHaveLength(named('testcase').length);
  });

  // A case fails when its event carries an error, whatever its status: an unplanned event that
  // holds personal data fails the build, so it must show red on the dashboard too.
  const hasError = (event: (typeof report.events)[number]) =>
    event.violations.some((violation) => violation.severity === 'error');

  it('counts tests, failures and errors on <testsuites> as the JSON report does', () => {
    const [root] = named('testsuites');

    expect(root?.attributes).toMatchObject({
      tests: String(report.summary.events),
      failures: String(report.events.filter(hasError).length),
      errors: String(report.inputErrors.length),
    });
  });

  it('writes one <testcase> per event: a <failure> per event with an error, <skipped> per other unplanned one', () => {
    const unplannedWithoutError = report.events.filter(
      (event) => event.status === 'unplanned' && !hasError(event),
    );
    expect(named('testcase')).toHaveLength(report.summary.events);
    expect(named('failure')).toHaveLength(report.events.filter(hasError).length);
    expect(named('failure').length).toBeGreaterThan(report.summary.invalid);
    expect(named('skipped')).toHaveLength(unplannedWithoutError.length);
  });

  it('groups the cases by layer, each <testsuite> counting its own cases', () => {
    const suites = named('testsuite');

    expect(suites.map((suite) => suite.attributes.name).sort()).toEqual(['datalayer', 'ga4']);
    for (const suite of suites) {
      const cases = childrenOf(suite).filter((element) => element.name === 'testcase');
      const events = report.events.filter((event) => event.layer === suite.attributes.name);
      const outcome = (name: string) => cases.filter((c) => named(name, childrenOf(c)).length);
      expect(suite.attributes.tests).toBe(String(cases.length));
      expect(cases).toHaveLength(events.length);
      expect(suite.attributes.failures).toBe(String(outcome('failure').length));
      expect(suite.attributes.skipped).toBe(String(outcome('skipped').length));
    }
  });

  it('names the first error of a failing case as the failure type and lists all of them', () => {
    const rs = named('testcase').find((testcase) =>
      testcase.attributes.name?.endsWith('datalayer-session.ndjson:13'),
    );
    const [failure] = rs ? named('failure', childrenOf(rs)) : [];

    expect(rs?.attributes.classname).toBe('datalayer.purchase');
    expect(failure?.attributes.type).toBe('pattern_mismatch');
    expect(failure?.attributes.message).toContain('"Rs"');
    expect(failure?.text).toContain('error pattern_mismatch /currency:');
  });
});

describe('tagwarden check --format junit on hostile values', () => {
  it('escapes event names and values carrying <, &, " and control characters', () => {
    const capture = scratch.write(
      'hostile.ndjson',
      [
        '{"type": "push", "push": {"event": "a<b&\\"c\\"|d"}}',
        '{"type": "push", "push": {"event": "purchase", "ecommerce": {"currency": "R<s>&\\"\\u0001", "value": 1, "transaction_id": "T1", "items": [{"item_id": "1"}]}}}',
      ].join('\n'),
    );

    const run = runCli(['check', capture, '--plan', 'ga4-recommended', '--format', 'junit']);
    const cases = named('testcase', readXmlElements(run.stdout));

    expect(run.status).toBe(1);
    expect(cases.map((testcase) => testcase.attributes.name)).toEqual([
      `a<b&"c"|d @ ${capture}:1`,
      `purchase @ ${capture}:2`,
    ]);
    expect(named('failure', readXmlElements(run.stdout))[0]?.attributes.message).toContain('R<s>&');
  });

  // An error on an unplanned event (here personal data) fails the build through the exit code,
  // so the JUnit report must show it as a failure that names it.
  it('still shows the error-severity violations of an unplanned event', () => {
    const run = runCli([
      'check',
      fixturePath('unplanned-pii.ndjson'),
      '--plan',
      'ga4-recommended',
      '--format',
      'junit',
    ]);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain('pii_suspected');
  });
});
