import type { AnyNode } from 'acorn';
import { apiCatalogue, catalogueEntry } from '../apis/api-catalogue.js';
import type { ContainerContext } from '../contract.js';
import { codePlace, propertyKeyName, requiredApi, type CodeFacts } from './code-facts.js';
import type { LintProblem } from './lint-problem.js';
import { walkAst } from './walk-ast.js';

/**
 * `require` as GTM reads it (reference §2.6): called directly with one string literal (GTM
 * detects permissions statically from those calls), naming an API of this container type, and
 * API objects used only through the members they have.
 */
export function checkRequires(facts: CodeFacts, context: ContainerContext): LintProblem[] {
  const problems: LintProblem[] = [];
  if (facts.declaredNames.has('require')) return problems;

  walkAst(facts.program, (node, slot) => {
    if (node.type !== 'Identifier' || node.name !== 'require') return;
    const isCallee = slot.parent?.type === 'CallExpression' && slot.key === 'callee';
    if (!isCallee || requiredApi(slot.parent) === undefined) {
      problems.push({
        ruleId: 'require/non-literal',
        place: codePlace(node),
        message: '`require` must be called directly with one string literal.',
        hint: "Write const name = require('apiName'); GTM finds the permissions a template needs from these literals.",
      });
    }
  });
  for (const { api, node } of facts.requireCalls) {
    const problem = apiProblem(api, context);
    if (problem) problems.push({ ...problem, place: codePlace(node) });
  }
  problems.push(...memberProblems(facts, context));
  return problems;
}

function apiProblem(
  api: string,
  context: ContainerContext,
): Omit<LintProblem, 'place'> | undefined {
  if (catalogueEntry(api, context)) return undefined;
  const other = apiCatalogue.find((entry) => entry.name === api);
  if (other) {
    const where = other.contexts.join(' and ');
    return {
      ruleId: 'require/wrong-context',
      message: `'${api}' exists only in ${where} templates; this one runs in ${context} containers.`,
      hint:
        context === 'web'
          ? 'On web, send data with sendPixel or injectScript + callInWindow.'
          : `Look for the server API that does the same job, or move the logic to a ${where} template.`,
    };
  }
  const near = apiCatalogue.find((entry) => entry.name.toLowerCase() === api.toLowerCase());
  return {
    ruleId: 'require/unknown-api',
    message: `'${api}' is not an API GTM provides; require() returns undefined for it.`,
    hint: near
      ? `Did you mean '${near.name}'? API names are case-sensitive.`
      : 'Check the name against the template API list (gtm-template/sandbox/apis/api-catalogue.ts).',
  };
}

function memberProblems(facts: CodeFacts, context: ContainerContext): LintProblem[] {
  const problems: LintProblem[] = [];
  walkAst(facts.program, (node: AnyNode) => {
    if (node.type !== 'MemberExpression' || node.computed || node.object.type !== 'Identifier')
      return;
    const api = facts.apiBindings.get(node.object.name);
    const members = api === undefined ? undefined : catalogueEntry(api, context)?.members;
    const member = propertyKeyName(node.property);
    if (!members || member === undefined || members.includes(member)) return;
    problems.push({
      ruleId: 'require/unknown-member',
      place: codePlace(node.property),
      message: `${api} has no member \`${member}\` in the sandbox.`,
      hint: `${api} offers ${members.join(', ')}.${member === 'random' ? " Use require('generateRandom')." : ''}`,
    });
  });
  return problems;
}
