import { cloneJson } from './clone-json.js';
import type { JsonObject } from './container-types.js';
import { ownerIds, writeObject, type MirrorBuild } from './mirror-build.js';
import { readTemplateFile, type TemplateFile } from './read-template-file.js';
import { uniqueName } from './unique-name.js';

/**
 * Puts the mirror template into the export and returns the tag type its tags use. A template
 * of the same name and context already in the container is reused (and updated when its text
 * differs), so a second run does not add a second template.
 */
export function ensureMirrorTemplate(
  build: MirrorBuild,
  template: TemplateFile,
): { type: string; templateId: string } {
  const { container } = build;
  const existing = container.templates.find((candidate) =>
    isSameTemplate(candidate.templateData, candidate.name, template),
  );
  const templateId = existing?.id ?? build.nextId();
  const type = `cvt_${container.containerId}_${templateId}`;

  if (existing && existing.templateData === template.text) {
    writeObject(build, 'customTemplate', cloneJson(existing.raw), 'copied');
    return { type, templateId };
  }
  if (existing) {
    const updated: JsonObject = {
      ...cloneJson(existing.raw),
      templateData: template.text,
      fingerprint: build.fingerprint,
    };
    writeObject(build, 'customTemplate', updated, 'changed');
    build.notes.push({
      code: 'template_updated',
      severity: 'caveat',
      message: `the container's template "${existing.name}" differs from the given file and is replaced by it`,
    });
    return { type, templateId };
  }

  const names = new Set(container.templates.map((candidate) => candidate.name));
  const entry: JsonObject = {
    ...ownerIds(build),
    templateId,
    name: uniqueName(template.displayName || 'tagwarden mirror', names),
    fingerprint: build.fingerprint,
    templateData: template.text,
  };
  writeObject(build, 'customTemplate', entry, 'added');
  return { type, templateId };
}

function isSameTemplate(templateData: string, name: string, template: TemplateFile): boolean {
  if (!template.displayName) return false;
  const read = readTemplateFile(templateData, name);
  if (!read.ok) return name === template.displayName;
  return (
    read.template.displayName === template.displayName && read.template.context === template.context
  );
}
