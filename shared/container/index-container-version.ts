import type {
  BuiltInVariableView,
  ContainerContext,
  ContainerIndex,
  ContainerIssue,
  FolderView,
  JsonObject,
  TagView,
  TemplateView,
  VariableView,
  ZoneView,
} from './container-types.js';
import { asParameterList } from './find-parameter.js';
import { isJsonObject } from './is-json-object.js';
import { readEntityList, type EntityBasics } from './read-entity-list.js';
import { readId, readIdList } from './read-id.js';

interface VersionSource {
  document: JsonObject;
  version: JsonObject;
  versionPath: string;
  file: string;
  warnings: ContainerIssue[];
}

/** Builds the views and look-up tables of a container version. Never throws. */
export function indexContainerVersion(source: VersionSource): ContainerIndex {
  const { version } = source;
  const container = isJsonObject(version['container']) ? version['container'] : {};
  const usageContext = readUsageContext(container['usageContext']);

  const tags = readEntityList(source, 'tag', 'tagId', readTag);
  const triggers = readEntityList(source, 'trigger', 'triggerId', withType);
  const variables = readEntityList(source, 'variable', 'variableId', readVariable);
  const folders = readEntityList(source, 'folder', 'folderId', (basics): FolderView => basics);
  const templates = readEntityList(source, 'customTemplate', 'templateId', readTemplate);
  const zones = readEntityList(source, 'zone', 'zoneId', readZone);
  const clients = readEntityList(source, 'client', 'clientId', withType);
  const builtInVariables = readBuiltIns(version['builtInVariable']);

  return {
    file: source.file,
    context: contextOf(usageContext, clients.length > 0),
    usageContext,
    accountId: readId(version['accountId']) ?? readId(container['accountId']) ?? '0',
    containerId: readId(version['containerId']) ?? readId(container['containerId']) ?? '0',
    publicId: typeof container['publicId'] === 'string' ? container['publicId'] : '',
    containerName: typeof container['name'] === 'string' ? container['name'] : '',
    document: source.document,
    version,
    tags,
    triggers,
    variables,
    folders,
    templates,
    builtInVariables,
    zones,
    clients,
    tagsById: firstBy(tags, (tag) => tag.id),
    tagsByName: firstBy(tags, (tag) => tag.name),
    triggersById: firstBy(triggers, (trigger) => trigger.id),
    variablesByName: firstBy(variables, (variable) => variable.name),
    foldersById: firstBy(folders, (folder) => folder.id),
    templatesById: firstBy(templates, (template) => template.id),
    builtInsByName: firstBy(builtInVariables, (builtIn) => builtIn.name),
    warnings: source.warnings,
  };
}

function readTag(basics: EntityBasics): TagView {
  const { raw } = basics;
  const folderId = readId(raw['parentFolderId']);
  return {
    ...withType(basics),
    parameters: asParameterList(raw['parameter']),
    firingTriggerIds: readIdList(raw['firingTriggerId']),
    blockingTriggerIds: readIdList(raw['blockingTriggerId']),
    setupTagNames: sequencedTagNames(raw['setupTag']),
    teardownTagNames: sequencedTagNames(raw['teardownTag']),
    isPaused: raw['paused'] === true || raw['paused'] === 'true',
    ...(folderId === undefined ? {} : { folderId }),
  };
}

function readVariable(basics: EntityBasics): VariableView {
  return { ...withType(basics), parameters: asParameterList(basics.raw['parameter']) };
}

function readTemplate(basics: EntityBasics): TemplateView {
  const data = basics.raw['templateData'];
  return { ...basics, templateData: typeof data === 'string' ? data : '' };
}

function readZone(basics: EntityBasics): ZoneView {
  const children = Array.isArray(basics.raw['childContainer']) ? basics.raw['childContainer'] : [];
  const childContainerIds = children
    .map((child: unknown) => (isJsonObject(child) ? readId(child['publicId']) : undefined))
    .filter((id): id is string => id !== undefined);
  return { ...basics, childContainerIds };
}

function withType<Basics extends EntityBasics>(basics: Basics): Basics & { type: string } {
  const type = basics.raw['type'];
  return { ...basics, type: typeof type === 'string' ? type : '' };
}

function sequencedTagNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((entry: unknown) => (isJsonObject(entry) ? readId(entry['tagName']) : undefined))
    .filter((name): name is string => name !== undefined);
}

function readBuiltIns(value: unknown): BuiltInVariableView[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isJsonObject).flatMap((raw): BuiltInVariableView[] => {
    const name = readId(raw['name']);
    const type = readId(raw['type']);
    return name === undefined ? [] : [{ name, type: type ?? '', raw }];
  });
}

function readUsageContext(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

// Exports always carry usageContext; a hand-made file without it is taken for a web
// container unless it holds server clients.
function contextOf(usageContext: string[], hasClients: boolean): ContainerContext {
  const contexts = usageContext.map((context) => context.toUpperCase());
  if (contexts.includes('SERVER')) return 'server';
  if (contexts.includes('WEB')) return 'web';
  if (contexts.length > 0) return 'other';
  return hasClients ? 'server' : 'web';
}

function firstBy<View>(views: View[], keyOf: (view: View) => string): Map<string, View> {
  const map = new Map<string, View>();
  for (const view of views) {
    const key = keyOf(view);
    if (!map.has(key)) map.set(key, view);
  }
  return map;
}
