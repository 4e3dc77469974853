import { locateJsonError } from '../capture/line-of-offset.js';
import type {
  ContainerContext,
  ContainerIssue,
  ContainerReadResult,
  JsonObject,
} from './container-types.js';
import { indexContainerVersion } from './index-container-version.js';
import { isJsonObject } from './is-json-object.js';

export interface ReadContainerOptions {
  /** The kind of container the caller needs; another kind is an error. Default: any. */
  expect?: ContainerContext | 'any';
  /** The next step to suggest when the export is of another kind than `expect`. */
  wrongContextHint?: string;
}

const exportHint =
  'In GTM open Admin → Export Container, choose the workspace or version, and pass the downloaded JSON file.';

/**
 * Reads a GTM container export (Admin → Export Container). Tolerant: odd entities become
 * warnings on the result; only a file that is not an export at all (not JSON, a template, a
 * version 1 export, another kind of container than expected) is an error, naming the file,
 * the JSON path and the next step. Never throws.
 */
export function readContainerExport(
  text: string,
  file: string,
  options: ReadContainerOptions = {},
): ContainerReadResult {
  try {
    return readExportText(typeof text === 'string' ? text : '', file, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure(file, '$', `${file} could not be read: ${reason}`, exportHint);
  }
}

function readExportText(
  text: string,
  file: string,
  options: ReadContainerOptions,
): ContainerReadResult {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*$/.test(body)) return failure(file, '$', `${file} is empty.`, exportHint);
  if (/^\s*___[A-Z_]+___\s*$/m.test(body) && !body.trimStart().startsWith('{')) {
    return failure(
      file,
      '$',
      `${file} is a GTM template (.tpl), not a container export.`,
      `Pass templates with --template; ${exportHint}`,
    );
  }

  const parsed = parseJson(body, file);
  if (!parsed.ok) return parsed;
  if (!isJsonObject(parsed.value)) {
    return failure(file, '$', `${file} holds JSON, but not an object.`, exportHint);
  }
  return readDocument(parsed.value, file, options);
}

function parseJson(
  text: string,
  file: string,
): { ok: true; value: unknown } | { ok: false; errors: ContainerIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const where = locateJsonError(text);
    const detail = where ? `: ${where.problem} at line ${where.line}, column ${where.column}` : '';
    return failure(file, '$', `${file} is not valid JSON${detail}.`, exportHint);
  }
}

function readDocument(
  document: JsonObject,
  file: string,
  options: ReadContainerOptions,
): ContainerReadResult {
  const warnings: ContainerIssue[] = [];
  const located = locateVersion(document, file, warnings);
  if (!located.ok) return located;

  const container = indexContainerVersion({ document, ...located, file, warnings });
  const expected = options.expect ?? 'any';
  if (expected !== 'any' && container.context !== expected) {
    const actual = container.usageContext.join(', ') || container.context;
    return failure(
      file,
      `${located.versionPath}.container.usageContext`,
      `${file} is a ${actual} container export; a ${expected} container is needed here.`,
      options.wrongContextHint ?? exportHint,
    );
  }
  return { ok: true, container };
}

type LocatedVersion =
  { ok: true; version: JsonObject; versionPath: string } | { ok: false; errors: ContainerIssue[] };

function locateVersion(
  document: JsonObject,
  file: string,
  warnings: ContainerIssue[],
): LocatedVersion {
  const version = document['containerVersion'];
  if (isJsonObject(version)) return checkFormatVersion(document, version, file, warnings);

  // The GTM API returns a container version without the export wrapper; read it the same way.
  if (['tag', 'trigger', 'variable'].some((key) => Array.isArray(document[key]))) {
    if (isVersionOne(document)) return versionOneFailure(file, '$');
    warnings.push({
      file,
      path: '$',
      message: `${file} has no "containerVersion" wrapper; it was read as a bare container version.`,
      hint: 'Files from Admin → Export Container carry the wrapper; this one still works.',
    });
    return { ok: true, version: document, versionPath: '$' };
  }

  if (isJsonObject(document['log'])) {
    return failure(file, '$.log', `${file} is a HAR capture, not a container export.`, exportHint);
  }
  return failure(
    file,
    '$',
    `${file} has no "containerVersion": it is not a GTM export.`,
    exportHint,
  );
}

function checkFormatVersion(
  document: JsonObject,
  version: JsonObject,
  file: string,
  warnings: ContainerIssue[],
): LocatedVersion {
  const formatVersion = document['exportFormatVersion'];
  if (formatVersion === 1 || formatVersion === '1' || isVersionOne(version)) {
    return versionOneFailure(file, '$.exportFormatVersion');
  }
  if (formatVersion !== 2 && formatVersion !== '2') {
    warnings.push({
      file,
      path: '$.exportFormatVersion',
      message: `${file} says exportFormatVersion ${JSON.stringify(formatVersion ?? null)}; it was read as version 2.`,
      hint: 'GTM writes exportFormatVersion 2; check the result in GTM Preview.',
    });
  }
  return { ok: true, version, versionPath: '$.containerVersion' };
}

// Version 1 exports come from GTM's first interface: macros and rules instead of variables and
// triggers, and a different parameter layout.
function isVersionOne(version: JsonObject): boolean {
  return Array.isArray(version['macro']) || Array.isArray(version['rule']);
}

function versionOneFailure(file: string, path: string): { ok: false; errors: ContainerIssue[] } {
  return failure(
    file,
    path,
    `${file} is a version 1 export (macros and rules), which tagwarden does not read.`,
    `Open the container in today's GTM and export it again: ${exportHint}`,
  );
}

function failure(
  file: string,
  path: string,
  message: string,
  hint: string,
): { ok: false; errors: ContainerIssue[] } {
  return { ok: false, errors: [{ file, path, message, hint }] };
}
