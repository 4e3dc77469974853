import { catalogueEntry } from '../apis/api-catalogue.js';
import type { ParsedTemplate } from '../contract.js';
import { permissionsSectionOf } from '../format/section-names.js';
import { codePlace, type CodeFacts } from './code-facts.js';
import type { LintProblem } from './lint-problem.js';

/**
 * Every required API has its permission entry, and every entry serves a required API
 * (reference §1.5: GTM derives the permissions from the require calls; a missing entry only
 * fails when the API runs).
 */
export function checkPermissions(facts: CodeFacts, template: ParsedTemplate): LintProblem[] {
  const problems: LintProblem[] = [];
  const granted = new Set(template.permissions.map((entry) => entry.instance.key.publicId));
  const needed = new Map<string, string[]>();
  const section = permissionsSectionOf(template.context);

  for (const { api, node } of facts.requireCalls) {
    for (const permission of catalogueEntry(api, template.context)?.permissions ?? []) {
      needed.set(permission, [...(needed.get(permission) ?? []), api]);
      if (granted.has(permission) || (needed.get(permission)?.length ?? 0) > 1) continue;
      problems.push({
        ruleId: 'permissions/missing',
        place: codePlace(node),
        message: `'${api}' needs the ${permission} permission, which ___${section}___ does not grant.`,
        hint: `Add a ${permission} entry (in GTM: Permissions tab; in sources: permissions.yaml) with the narrowest settings that work.`,
      });
    }
  }
  template.permissions.forEach((entry, index) => {
    const id = entry.instance.key.publicId;
    if (needed.has(id)) return;
    problems.push({
      ruleId: 'permissions/unused',
      place: { kind: 'json', section, path: [index, 'instance', 'key', 'publicId'] },
      message: `The ${id} permission is granted but no required API needs it.`,
      hint: 'Remove the entry; a template should ask only for what it uses.',
    });
  });
  return problems;
}
