import type { ParsedTemplate } from '../contract.js';
import { checkDataReads } from './check-data-reads.js';
import { checkGallery, type GalleryFiles } from './check-gallery.js';
import { checkGlobals } from './check-globals.js';
import { checkParameters } from './check-parameters.js';
import { checkPermissions } from './check-permissions.js';
import { checkRequires } from './check-requires.js';
import { checkStandardLibrary } from './check-standard-library.js';
import { checkSyntax } from './check-syntax.js';
import { checkTagCompletion } from './check-tag-completion.js';
import { checkTestsSyntax } from './check-tests-syntax.js';
import { gatherCodeFacts } from './code-facts.js';
import type { LintProblem } from './lint-problem.js';
import { parseTemplateCode } from './parse-template-code.js';

/** What the rules look at besides the template: the gallery files when a folder is linted. */
export interface LintInputs {
  template: ParsedTemplate;
  termsOfService: string | undefined;
  gallery?: GalleryFiles;
}

/** Every lint rule over one parsed template, as unplaced problems. */
export function runLintRules({ template, termsOfService, gallery }: LintInputs): LintProblem[] {
  const problems: LintProblem[] = [...checkParameters(template), ...checkTestsSyntax(template)];
  if (gallery) problems.push(...checkGallery(gallery, template, termsOfService));

  const parsed = parseTemplateCode(template.code);
  if (!parsed.ok) {
    problems.push({
      ruleId: 'syntax/parse',
      place: { kind: 'code', line: parsed.line, column: parsed.column },
      message: `The code does not parse: ${parsed.message}.`,
      hint: 'Fix the syntax error; the code is the body of function (data) { … }.',
    });
    return problems;
  }
  const facts = gatherCodeFacts(parsed.program);
  problems.push(
    ...checkSyntax(facts),
    ...checkGlobals(facts, template.context),
    ...checkStandardLibrary(facts),
    ...checkRequires(facts, template.context),
    ...checkPermissions(facts, template),
    ...checkDataReads(facts, template),
  );
  if (template.kind === 'TAG') problems.push(...checkTagCompletion(facts));
  return problems;
}
