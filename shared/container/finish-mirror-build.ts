import { assembleMergeExport } from './assemble-merge-export.js';
import { cloneJson } from './clone-json.js';
import { collectDependencies } from './collect-dependencies.js';
import { readId } from './read-id.js';
import { writeObject, type MirrorBuild } from './mirror-build.js';
import type { MirrorResult, MirrorRow } from './mirror-types.js';

/**
 * Completes a run: notes for template fields left out, unchanged copies of every existing
 * object the new ones refer to, the export document and the summary.
 */
export function finishMirrorBuild(
  build: MirrorBuild,
  rows: MirrorRow[],
  droppedFields: Set<string>,
): MirrorResult {
  if (droppedFields.size > 0) {
    build.notes.push({
      code: 'template_field_missing',
      severity: 'caveat',
      message: `the template declares no field ${[...droppedFields].join(', ')}; mirror tags leave ${droppedFields.size === 1 ? 'it' : 'them'} out`,
    });
  }
  if (build.options.includeDependencies !== false) copyDependencies(build);

  return {
    export: assembleMergeExport(build),
    rows,
    notes: build.notes,
    summary: {
      mirrorTags: rows.filter((row) => row.mirrorTag).length,
      skipped: rows.filter((row) => row.status === 'skipped').length,
      withNotes: rows.filter((row) => row.status === 'mirrored-with-notes').length,
      added: build.added,
      changed: build.changed,
      copiedDependencies: build.copiedDependencies,
    },
  };
}

function copyDependencies(build: MirrorBuild): void {
  const { output } = build;
  const ids = (list: keyof typeof output, key: string) =>
    new Set(
      output[list]
        .map((object) => readId(object[key]))
        .filter((id): id is string => id !== undefined),
    );
  const roots = [...output.tag, ...output.trigger, ...output.variable];
  const dependencies = collectDependencies(build.container, roots, {
    tagIds: ids('tag', 'tagId'),
    triggerIds: ids('trigger', 'triggerId'),
    variableNames: ids('variable', 'name'),
    folderIds: ids('folder', 'folderId'),
    templateIds: ids('customTemplate', 'templateId'),
  });

  for (const tag of dependencies.tags) writeObject(build, 'tag', cloneJson(tag.raw), 'copied');
  for (const trigger of dependencies.triggers)
    writeObject(build, 'trigger', cloneJson(trigger.raw), 'copied');
  for (const variable of dependencies.variables)
    writeObject(build, 'variable', cloneJson(variable.raw), 'copied');
  for (const folder of dependencies.folders)
    writeObject(build, 'folder', cloneJson(folder.raw), 'copied');
  for (const template of dependencies.templates)
    writeObject(build, 'customTemplate', cloneJson(template.raw), 'copied');
  for (const builtIn of dependencies.builtInVariables)
    writeObject(build, 'builtInVariable', cloneJson(builtIn.raw), 'copied');
  if (dependencies.unresolved.length > 0) {
    build.notes.push({
      code: 'unresolved_reference',
      severity: 'caveat',
      message: `the tags mirrored refer to ${dependencies.unresolved.join(', ')}, which this export does not hold; GTM resolves them in the workspace or asks for them`,
    });
  }
}
