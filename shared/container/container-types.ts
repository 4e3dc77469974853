/**
 * The shapes of a GTM container export (exportFormatVersion 2) as tagwarden reads it. Every
 * view keeps the object it was read from (`raw`), so nothing an export carries is lost and a
 * copy written back is the object GTM wrote.
 */

export type JsonObject = { [key: string]: unknown };

/**
 * One parameter as exports write it: `type` (TEMPLATE, BOOLEAN, INTEGER, LIST, MAP,
 * TRIGGER_REFERENCE, TAG_REFERENCE), a `key` at the top level and inside maps, a text `value`,
 * or nested `list` / `map` parameters.
 */
export interface GtmParameter {
  type?: string;
  key?: string;
  value?: string;
  list?: GtmParameter[];
  map?: GtmParameter[];
  [other: string]: unknown;
}

/** Which kind of container an export comes from (`container.usageContext`). */
export type ContainerContext = 'web' | 'server' | 'other';

/** A problem with an export: the file, where in it (a JSON path), what is wrong, what to do. */
export interface ContainerIssue {
  file: string;
  path: string;
  message: string;
  hint: string;
}

interface EntityView {
  id: string;
  name: string;
  /** Where the entity sits in the export, e.g. `$.containerVersion.tag[3]`. */
  path: string;
  raw: JsonObject;
}

export interface TagView extends EntityView {
  type: string;
  parameters: GtmParameter[];
  firingTriggerIds: string[];
  blockingTriggerIds: string[];
  /** Tag sequencing: tags named to fire before and after this one. */
  setupTagNames: string[];
  teardownTagNames: string[];
  isPaused: boolean;
  folderId?: string;
}

export interface TriggerView extends EntityView {
  type: string;
}

export interface VariableView extends EntityView {
  type: string;
  parameters: GtmParameter[];
}

export type FolderView = EntityView;

export interface TemplateView extends EntityView {
  templateData: string;
}

export interface BuiltInVariableView {
  name: string;
  type: string;
  raw: JsonObject;
}

export interface ClientView extends EntityView {
  type: string;
}

export interface ZoneView extends EntityView {
  childContainerIds: string[];
}

/** A container export read into views and look-up tables. */
export interface ContainerIndex {
  file: string;
  context: ContainerContext;
  usageContext: string[];
  accountId: string;
  containerId: string;
  publicId: string;
  containerName: string;
  /** The whole export and its `containerVersion`, exactly as parsed. */
  document: JsonObject;
  version: JsonObject;
  tags: TagView[];
  triggers: TriggerView[];
  variables: VariableView[];
  folders: FolderView[];
  templates: TemplateView[];
  builtInVariables: BuiltInVariableView[];
  zones: ZoneView[];
  clients: ClientView[];
  tagsById: Map<string, TagView>;
  tagsByName: Map<string, TagView>;
  triggersById: Map<string, TriggerView>;
  variablesByName: Map<string, VariableView>;
  foldersById: Map<string, FolderView>;
  templatesById: Map<string, TemplateView>;
  builtInsByName: Map<string, BuiltInVariableView>;
  /** Problems that did not stop the read: skipped entities, duplicate ids, odd values. */
  warnings: ContainerIssue[];
}

export type ContainerReadResult =
  { ok: true; container: ContainerIndex } | { ok: false; errors: ContainerIssue[] };
