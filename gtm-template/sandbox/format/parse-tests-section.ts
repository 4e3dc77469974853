import { parseDocument } from 'yaml';
import type { TestScenario } from '../contract.js';
import { sectionFinding, type SectionProblem } from './section-finding.js';
import type { TemplateSection } from './split-sections.js';
import type { TemplateFinding } from './template-finding.js';

export interface ParsedTests {
  scenarios: TestScenario[];
  setup: string;
}

/**
 * The `___TESTS___` YAML: `scenarios` (each `name` and `code`) and an optional `setup`. Both
 * encodings GTM files use are plain YAML — the literal `|-` blocks people write and the
 * double-quoted, backslash-folded scalars GTM's exporter writes (reference §1.6) — so a real
 * YAML parser reads both.
 */
export function parseTestsSection(
  file: string,
  section: TemplateSection,
): { tests: ParsedTests | undefined; findings: TemplateFinding[] } {
  const at = (problem: SectionProblem) => sectionFinding(file, section, problem);
  if (section.body.trim() === '') return { tests: { scenarios: [], setup: '' }, findings: [] };

  const document = parseDocument(section.body, { uniqueKeys: true });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const position = syntaxError.linePos?.[0] ?? { line: 1, col: 1 };
    const firstLine = syntaxError.message.split('\n')[0] ?? syntaxError.message;
    return {
      tests: undefined,
      findings: [
        at({
          ruleId: 'format/yaml-syntax',
          severity: 'error',
          line: position.line,
          column: position.col,
          message: `The ___TESTS___ section is not valid YAML: ${firstLine}`,
          hint: 'Indent scenario fields two spaces under `- name:`, and write code as a `|-` block.',
        }),
      ],
    };
  }
  return readTests(toPlainValue(document), at);
}

// Aliases are expanded by `toJS`, which refuses (throws) when they would blow up in size.
function toPlainValue(document: ReturnType<typeof parseDocument>): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
}

function readTests(
  value: unknown,
  at: (problem: SectionProblem) => TemplateFinding,
): { tests: ParsedTests | undefined; findings: TemplateFinding[] } {
  const shape = (message: string, hint: string): TemplateFinding =>
    at({ ruleId: 'format/section-shape', severity: 'error', line: 1, column: 1, message, hint });
  if (!isRecord(value)) {
    return {
      tests: undefined,
      findings: [
        shape(
          'The ___TESTS___ section must be a YAML map with `scenarios` and an optional `setup`.',
          'Start the section with `scenarios:` followed by `- name:` / `code:` entries.',
        ),
      ],
    };
  }

  const findings: TemplateFinding[] = [];
  for (const key of Object.keys(value)) {
    if (key === 'scenarios' || key === 'setup') continue;
    findings.push({
      ...shape(
        `The ___TESTS___ section has an unknown key \`${key}\`.`,
        'GTM reads only `scenarios` and `setup`; remove it.',
      ),
      ruleId: 'format/unknown-test-key',
      severity: 'warning',
    });
  }

  const setup = readText(value['setup'], '');
  if (setup === undefined) {
    findings.push(shape('`setup` must be text.', 'Write the setup code as a `|-` block.'));
  }
  const scenarios = readScenarios(value['scenarios'], shape, findings);
  const hasErrors = findings.some((finding) => finding.severity === 'error');
  return { tests: hasErrors ? undefined : { scenarios, setup: setup ?? '' }, findings };
}

function readScenarios(
  value: unknown,
  shape: (message: string, hint: string) => TemplateFinding,
  findings: TemplateFinding[],
): TestScenario[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    findings.push(
      shape(
        '`scenarios` must be a list.',
        'Write each scenario as `- name: …` with `code: |-` under it.',
      ),
    );
    return [];
  }
  const scenarios: TestScenario[] = [];
  value.forEach((item: unknown, index) => {
    const name = isRecord(item) ? readText(item['name'], undefined) : undefined;
    const code = isRecord(item) ? readText(item['code'], undefined) : undefined;
    if (name === undefined || code === undefined) {
      findings.push(
        shape(
          `Scenario ${index + 1} needs a text \`name\` and a text \`code\`.`,
          'Give every scenario both fields: `- name: …` and `code: |-` with the test body under it.',
        ),
      );
      return;
    }
    scenarios.push({ name, code });
  });
  return scenarios;
}

// A scenario named `2024` reads as a number; GTM treats every name as text.
function readText(value: unknown, whenMissing: string | undefined): string | undefined {
  if (value === undefined || value === null) return whenMissing;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
