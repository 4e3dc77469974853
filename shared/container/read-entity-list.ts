import type { ContainerIssue, JsonObject } from './container-types.js';
import { isJsonObject } from './is-json-object.js';
import { readId } from './read-id.js';

/** What every entity of a list shares once read: its id, name, place and object. */
export interface EntityBasics {
  id: string;
  name: string;
  path: string;
  raw: JsonObject;
}

interface EntityListSource {
  version: JsonObject;
  /** JSON path of the `containerVersion` object, e.g. `$.containerVersion`. */
  versionPath: string;
  file: string;
  warnings: ContainerIssue[];
}

/**
 * Reads one entity list of a container version (`tag`, `trigger`, …) tolerantly: a missing
 * list is empty, a list that is not one is reported, entries that are not objects or have no
 * id are reported and skipped, and a repeated id is reported (both are kept; look-ups by id find the first).
 */
export function readEntityList<View extends EntityBasics>(
  source: EntityListSource,
  listKey: string,
  idKey: string,
  build: (basics: EntityBasics) => View,
): View[] {
  const list = source.version[listKey];
  const listPath = `${source.versionPath}.${listKey}`;
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    warn(source, listPath, `"${listKey}" is not a list, so it was ignored.`);
    return [];
  }

  const views: View[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, index) => {
    const path = `${listPath}[${index}]`;
    if (!isJsonObject(entry)) return warn(source, path, `this ${listKey} is not an object.`);
    const id = readId(entry[idKey]);
    if (id === undefined) return warn(source, path, `this ${listKey} has no "${idKey}".`);
    if (seen.has(id)) warn(source, path, `${listKey} id ${id} appears more than once.`);
    seen.add(id);
    const name = typeof entry['name'] === 'string' ? entry['name'] : '';
    views.push(build({ id, name, path, raw: entry }));
  });
  return views;
}

function warn(source: EntityListSource, path: string, message: string): void {
  source.warnings.push({
    file: source.file,
    path,
    message,
    hint: 'The entry was skipped or kept as it is; the rest of the export was read.',
  });
}
