import type { ContainerIndex, TagView } from './container-types.js';
import { parameterText } from './find-parameter.js';
import { templateIdOfType } from './find-entity-references.js';
import { mirrorFields, mirrorMarker } from './mirror-fields.js';
import { readTemplateFile } from './read-template-file.js';

/** A tag of a tagwarden mirror template, and the tag it mirrors when it says so. */
export interface MirrorTagView {
  tag: TagView;
  /** The event name field, as written. */
  eventName: string;
  /** The id of the GA4 or Google tag it mirrors (from the mark `tagwarden mirror` leaves). */
  mirrorOf?: string;
}

/**
 * The mirror tags of a container: tags of a custom template named as a tagwarden mirror, or
 * tags carrying the mark a mirror run writes into their notes.
 */
export function readMirrorTags(container: ContainerIndex): MirrorTagView[] {
  const mirrorTemplateIds = new Set(
    container.templates
      .filter((template) => isMirrorTemplate(template.templateData, template.name))
      .map((template) => template.id),
  );
  return container.tags.flatMap((tag): MirrorTagView[] => {
    const notes = typeof tag.raw['notes'] === 'string' ? tag.raw['notes'] : '';
    const mirrorOf = notes.split(mirrorMarker)[1]?.split(/\s/)[0];
    const templateId = templateIdOfType(tag.type);
    const isMirror =
      (templateId !== undefined && mirrorTemplateIds.has(templateId)) || mirrorOf !== undefined;
    if (!isMirror) return [];
    const eventName = parameterText(tag.parameters, mirrorFields.eventName) ?? '';
    return [{ tag, eventName, ...(mirrorOf ? { mirrorOf } : {}) }];
  });
}

function isMirrorTemplate(templateData: string, name: string): boolean {
  const read = readTemplateFile(templateData, name);
  const displayName = read.ok ? read.template.displayName : name;
  return /tagwarden/i.test(displayName) && /mirror/i.test(displayName);
}
