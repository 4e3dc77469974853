import { asParameterList } from './find-parameter.js';
import { isJsonObject } from './is-json-object.js';
import type { JsonObject } from './container-types.js';

/** One way an export would not import: where (a JSON path) and what is wrong. */
export interface ExportIssue {
  path: string;
  message: string;
}

/** How each list of a container version identifies and names its entries. */
export interface ListRule {
  list: string;
  idKey: string;
  needsName: boolean;
  needsType: boolean;
  needsFingerprint: boolean;
}

export const listRules: ListRule[] = [
  { list: 'tag', idKey: 'tagId', needsName: true, needsType: true, needsFingerprint: true },
  { list: 'trigger', idKey: 'triggerId', needsName: true, needsType: true, needsFingerprint: true },
  {
    list: 'variable',
    idKey: 'variableId',
    needsName: true,
    needsType: true,
    needsFingerprint: true,
  },
  { list: 'folder', idKey: 'folderId', needsName: true, needsType: false, needsFingerprint: true },
  {
    list: 'customTemplate',
    idKey: 'templateId',
    needsName: true,
    needsType: false,
    needsFingerprint: true,
  },
  { list: 'zone', idKey: 'zoneId', needsName: true, needsType: false, needsFingerprint: false },
  { list: 'client', idKey: 'clientId', needsName: true, needsType: true, needsFingerprint: false },
  {
    list: 'builtInVariable',
    idKey: 'type',
    needsName: true,
    needsType: true,
    needsFingerprint: false,
  },
];

/**
 * Checks the shape GTM's importer needs: the wrapper, lists of objects, an id, name, type and
 * fingerprint on each entry as its list requires, ids and names unique within a list, and
 * parameters that are typed, keyed and nested the way exports write them.
 */
export function checkExportShape(document: unknown): {
  version?: JsonObject;
  issues: ExportIssue[];
} {
  const issues: ExportIssue[] = [];
  if (!isJsonObject(document))
    return { issues: [{ path: '$', message: 'the export is not a JSON object' }] };
  if (document['exportFormatVersion'] !== 2) {
    issues.push({ path: '$.exportFormatVersion', message: 'exportFormatVersion must be 2' });
  }
  const version = document['containerVersion'];
  if (!isJsonObject(version)) {
    issues.push({
      path: '$.containerVersion',
      message: 'containerVersion is missing or not an object',
    });
    return { issues };
  }
  for (const rule of listRules) checkList(version, rule, issues);
  return { version, issues };
}

function checkList(version: JsonObject, rule: ListRule, issues: ExportIssue[]): void {
  const list = version[rule.list];
  const path = `$.containerVersion.${rule.list}`;
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    issues.push({ path, message: `${rule.list} must be a list` });
    return;
  }

  const ids = new Set<string>();
  const names = new Set<string>();
  list.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isJsonObject(entry)) {
      issues.push({ path: at, message: 'entry is not an object' });
      return;
    }
    const id = entry[rule.idKey];
    if (!isText(id))
      issues.push({ path: `${at}.${rule.idKey}`, message: `${rule.idKey} is missing` });
    else if (ids.has(id))
      issues.push({ path: `${at}.${rule.idKey}`, message: `${rule.idKey} ${id} is used twice` });
    else ids.add(id);
    checkNameAndType(entry, rule, at, names, issues);
    if (rule.needsFingerprint && !isText(entry['fingerprint'])) {
      issues.push({ path: `${at}.fingerprint`, message: 'fingerprint is missing' });
    }
    if (entry['parameter'] !== undefined)
      checkParameters(entry['parameter'], `${at}.parameter`, true, issues, 0);
  });
}

function checkNameAndType(
  entry: JsonObject,
  rule: ListRule,
  at: string,
  names: Set<string>,
  issues: ExportIssue[],
): void {
  const name = entry['name'];
  if (rule.needsName && !isText(name))
    issues.push({ path: `${at}.name`, message: 'name is missing' });
  else if (isText(name) && rule.list !== 'builtInVariable') {
    if (names.has(name))
      issues.push({ path: `${at}.name`, message: `the name "${name}" is used twice` });
    names.add(name);
  }
  if (rule.needsType && !isText(entry['type']))
    issues.push({ path: `${at}.type`, message: 'type is missing' });
  if (rule.list === 'customTemplate' && !isText(entry['templateData'])) {
    issues.push({ path: `${at}.templateData`, message: 'templateData is missing' });
  }
}

function checkParameters(
  value: unknown,
  path: string,
  needsKey: boolean,
  issues: ExportIssue[],
  depth: number,
): void {
  if (depth > 16) return;
  if (!Array.isArray(value)) {
    issues.push({ path, message: 'parameters must be a list' });
    return;
  }
  if (asParameterList(value).length !== value.length)
    issues.push({ path, message: 'a parameter is not an object' });
  asParameterList(value).forEach((parameter, index) => {
    const at = `${path}[${index}]`;
    const type = typeof parameter.type === 'string' ? parameter.type.toUpperCase() : '';
    if (!type) issues.push({ path: `${at}.type`, message: 'parameter type is missing' });
    if (needsKey && !isText(parameter.key))
      issues.push({ path: `${at}.key`, message: 'parameter key is missing' });
    if (type === 'LIST')
      checkParameters(parameter.list ?? [], `${at}.list`, false, issues, depth + 1);
    if (type === 'MAP') checkParameters(parameter.map ?? [], `${at}.map`, true, issues, depth + 1);
  });
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
