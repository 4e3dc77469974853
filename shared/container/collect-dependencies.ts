import { builtInTriggerIds } from './builtin-trigger-ids.js';
import type {
  BuiltInVariableView,
  ContainerIndex,
  FolderView,
  JsonObject,
  TagView,
  TemplateView,
  TriggerView,
  VariableView,
} from './container-types.js';
import { findEntityReferences } from './find-entity-references.js';
import { resolveVariableReference } from './resolve-variable-reference.js';

/** Existing objects that new objects refer to, to be copied unchanged into a merge export. */
export interface Dependencies {
  tags: TagView[];
  triggers: TriggerView[];
  variables: VariableView[];
  folders: FolderView[];
  templates: TemplateView[];
  builtInVariables: BuiltInVariableView[];
  /** References that lead nowhere in the container, described for the user. */
  unresolved: string[];
}

/** Objects already in the export, which must not be copied again. */
export interface AlreadyIncluded {
  tagIds: Set<string>;
  triggerIds: Set<string>;
  variableNames: Set<string>;
  folderIds: Set<string>;
  templateIds: Set<string>;
}

/**
 * Follows references from `roots` through the container (triggers to the variables their
 * filters read, variables to the variables they read, setup tags to their triggers…) and
 * returns every existing object reached. GTM's own partial exports include dependencies the
 * same way, so the merge file stands on its own.
 */
export function collectDependencies(
  container: ContainerIndex,
  roots: JsonObject[],
  included: AlreadyIncluded,
): Dependencies {
  const found: Dependencies = {
    tags: [],
    triggers: [],
    variables: [],
    folders: [],
    templates: [],
    builtInVariables: [],
    unresolved: [],
  };
  const seen = new Set<string>();
  const queue = [...roots];
  const visit = (key: string, add: () => JsonObject | undefined) => {
    if (seen.has(key)) return;
    seen.add(key);
    const raw = add();
    if (raw) queue.push(raw);
  };

  for (let entity = queue.shift(); entity; entity = queue.shift()) {
    const references = findEntityReferences(entity);
    for (const id of references.triggerIds)
      visit(`trigger:${id}`, () => addTrigger(container, id, included, found));
    for (const name of references.tagNames)
      visit(`tag:${name}`, () => addTag(container, name, included, found));
    for (const name of references.variableNames)
      visit(`variable:${name}`, () => addVariable(container, name, included, found));
    for (const id of references.folderIds)
      visit(`folder:${id}`, () => addFolder(container, id, included, found));
    for (const id of references.templateIds)
      visit(`template:${id}`, () => addTemplate(container, id, included, found));
  }
  return found;
}

function addTrigger(
  container: ContainerIndex,
  id: string,
  included: AlreadyIncluded,
  found: Dependencies,
) {
  if (included.triggerIds.has(id) || builtInTriggerIds.has(id)) return undefined;
  const trigger = container.triggersById.get(id);
  if (!trigger) {
    found.unresolved.push(`trigger ${id}`);
    return undefined;
  }
  found.triggers.push(trigger);
  return trigger.raw;
}

function addTag(
  container: ContainerIndex,
  name: string,
  included: AlreadyIncluded,
  found: Dependencies,
) {
  const tag = container.tagsByName.get(name);
  if (!tag) {
    found.unresolved.push(`tag "${name}"`);
    return undefined;
  }
  if (included.tagIds.has(tag.id)) return undefined;
  found.tags.push(tag);
  return tag.raw;
}

function addVariable(
  container: ContainerIndex,
  name: string,
  included: AlreadyIncluded,
  found: Dependencies,
) {
  if (included.variableNames.has(name)) return undefined;
  const reference = resolveVariableReference(container, name);
  if (reference.kind === 'built-in') found.builtInVariables.push(reference.builtIn);
  if (reference.kind === 'missing') found.unresolved.push(`variable {{${name}}}`);
  if (reference.kind !== 'variable') return undefined;
  found.variables.push(reference.variable);
  return reference.variable.raw;
}

function addFolder(
  container: ContainerIndex,
  id: string,
  included: AlreadyIncluded,
  found: Dependencies,
) {
  if (included.folderIds.has(id)) return undefined;
  const folder = container.foldersById.get(id);
  if (!folder) {
    found.unresolved.push(`folder ${id}`);
    return undefined;
  }
  found.folders.push(folder);
  return undefined;
}

function addTemplate(
  container: ContainerIndex,
  id: string,
  included: AlreadyIncluded,
  found: Dependencies,
) {
  if (included.templateIds.has(id)) return undefined;
  const template = container.templatesById.get(id);
  if (!template) {
    found.unresolved.push(`custom template ${id}`);
    return undefined;
  }
  found.templates.push(template);
  return undefined;
}
