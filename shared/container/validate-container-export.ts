import { builtInTriggerIds } from './builtin-trigger-ids.js';
import { checkExportShape, listRules, type ExportIssue } from './check-export-shape.js';
import type { ContainerIndex, JsonObject } from './container-types.js';
import { findEntityReferences } from './find-entity-references.js';
import { isJsonObject } from './is-json-object.js';

/** Ids and names of the container an export will be merged into. */
interface MergedNames {
  triggerIds: Set<string>;
  tagNames: Set<string>;
  variableNames: Set<string>;
  folderIds: Set<string>;
  templateIds: Set<string>;
}

/**
 * Checks that GTM can import an export by merge: its shape (see `checkExportShape`), that its
 * new ids do not take an id an existing object of another name has, and that every trigger,
 * tag, variable, folder and template its objects refer to exists in the merged container
 * (`base` plus the export), or in the export alone when no base is given. Never throws.
 */
export function validateContainerExport(document: unknown, base?: ContainerIndex): ExportIssue[] {
  const { version, issues } = checkExportShape(document);
  if (!version) return issues;

  const names = mergedNames(version, base);
  if (base) issues.push(...idCollisions(version, base));
  for (const list of ['tag', 'trigger', 'variable']) {
    entriesOf(version, list).forEach((entry, index) =>
      issues.push(...unresolvedReferences(entry, `$.containerVersion.${list}[${index}]`, names)),
    );
  }
  return issues;
}

function mergedNames(version: JsonObject, base: ContainerIndex | undefined): MergedNames {
  const text = (entry: JsonObject, key: string) =>
    typeof entry[key] === 'string' ? [entry[key]] : [];
  const from = (list: string, key: string) =>
    entriesOf(version, list).flatMap((entry) => text(entry, key));
  return {
    triggerIds: new Set([
      ...(base?.triggers.map((trigger) => trigger.id) ?? []),
      ...from('trigger', 'triggerId'),
    ]),
    tagNames: new Set([...(base?.tags.map((tag) => tag.name) ?? []), ...from('tag', 'name')]),
    variableNames: new Set([
      ...(base?.variables.map((variable) => variable.name) ?? []),
      ...(base?.builtInVariables.map((builtIn) => builtIn.name) ?? []),
      ...from('variable', 'name'),
      ...from('builtInVariable', 'name'),
    ]),
    folderIds: new Set([
      ...(base?.folders.map((folder) => folder.id) ?? []),
      ...from('folder', 'folderId'),
    ]),
    templateIds: new Set([
      ...(base?.templates.map((template) => template.id) ?? []),
      ...from('customTemplate', 'templateId'),
    ]),
  };
}

// An export object with the id of an existing object but another name would overwrite it on
// import: a new object must take a new id.
function idCollisions(version: JsonObject, base: ContainerIndex): ExportIssue[] {
  const existing: Record<string, Map<string, string>> = {
    tag: new Map(base.tags.map((tag) => [tag.id, tag.name])),
    trigger: new Map(base.triggers.map((trigger) => [trigger.id, trigger.name])),
    variable: new Map(base.variables.map((variable) => [variable.id, variable.name])),
    folder: new Map(base.folders.map((folder) => [folder.id, folder.name])),
    customTemplate: new Map(base.templates.map((template) => [template.id, template.name])),
  };
  const issues: ExportIssue[] = [];
  for (const rule of listRules) {
    const names = existing[rule.list];
    if (!names) continue;
    entriesOf(version, rule.list).forEach((entry, index) => {
      const id = entry[rule.idKey];
      const current = typeof id === 'string' ? names.get(id) : undefined;
      if (current !== undefined && current !== entry['name']) {
        issues.push({
          path: `$.containerVersion.${rule.list}[${index}].${rule.idKey}`,
          message: `${rule.idKey} ${String(id)} already belongs to "${current}" in the container`,
        });
      }
    });
  }
  return issues;
}

function unresolvedReferences(entry: JsonObject, path: string, names: MergedNames): ExportIssue[] {
  const references = findEntityReferences(entry);
  const issues: ExportIssue[] = [];
  const missing = (what: string) =>
    issues.push({
      path,
      message: `refers to ${what}, which neither the export nor the container holds`,
    });
  for (const id of references.triggerIds)
    if (!names.triggerIds.has(id) && !builtInTriggerIds.has(id)) missing(`trigger ${id}`);
  for (const name of references.tagNames) if (!names.tagNames.has(name)) missing(`tag "${name}"`);
  for (const name of references.variableNames)
    if (!names.variableNames.has(name) && !name.startsWith('_')) missing(`variable {{${name}}}`);
  for (const id of references.folderIds) if (!names.folderIds.has(id)) missing(`folder ${id}`);
  for (const id of references.templateIds)
    if (!names.templateIds.has(id)) missing(`custom template ${id}`);
  return issues;
}

function entriesOf(version: JsonObject, list: string): JsonObject[] {
  const entries = version[list];
  return Array.isArray(entries) ? entries.filter(isJsonObject) : [];
}
