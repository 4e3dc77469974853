import { buildMirrorTag } from './build-mirror-tag.js';
import type { TagView } from './container-types.js';
import { ownerIds, writeObject, type MirrorBuild } from './mirror-build.js';
import { mirrorNames } from './mirror-fields.js';
import type { MirrorSource } from './mirror-source.js';
import type { MirrorNote, MirrorRow, TagReference } from './mirror-types.js';
import { uniqueName } from './unique-name.js';

/** Where mirror tags go and what they send to; the same for every tag of one run. */
export interface MirrorTarget {
  type: string;
  folderId: string;
  endpointReference: string;
  /** Existing mirror tags by the id of the tag they mirror. */
  existingMirrors: Map<string, TagReference>;
  /** Tag names other tags use as setup or cleanup tags. */
  sequencedTagNames: Set<string>;
  /** Mirror fields the template does not declare, gathered for one note. */
  droppedFields: Set<string>;
}

/** Writes the mirror tag of one source into the build, or says why there is none. */
export function mirrorOneSource(
  build: MirrorBuild,
  source: MirrorSource,
  target: MirrorTarget,
): MirrorRow {
  const { tag } = source;
  const skip = reasonToSkip(tag, source.eventName, target);
  if (skip) return skippedRow(tag, source.eventName, skip);
  const row = {
    source: { tagId: tag.id, name: tag.name, type: tag.type },
    eventName: source.eventName,
  };

  const notes = [...source.notes, ...firingNotes(tag, target)];
  const name = uniqueName(`${tag.name}${mirrorNames.tagSuffix}`, build.tagNames);
  const mirror = buildMirrorTag(source, {
    ...ownerIds(build),
    tagId: build.nextId(),
    name,
    type: target.type,
    folderId: target.folderId,
    endpointReference: target.endpointReference,
    templateFields: build.options.template.parameterNames,
    fingerprint: build.fingerprint,
  });
  writeObject(build, 'tag', mirror.tag, 'added');
  for (const field of mirror.droppedFields) target.droppedFields.add(field);

  const hasCaveat = notes.some((note) => note.severity === 'caveat');
  return {
    ...row,
    status: hasCaveat ? 'mirrored-with-notes' : 'mirrored',
    mirrorTag: { tagId: String(mirror.tag['tagId']), name },
    notes,
  };
}

/** The row of a tag that gets no mirror, with the reason only. */
export function skippedRow(tag: TagView, eventName: string, reason: MirrorNote): MirrorRow {
  return {
    source: { tagId: tag.id, name: tag.name, type: tag.type },
    eventName,
    status: 'skipped',
    notes: [reason],
  };
}

/** Why a tag gets no mirror: it has one already, sends no event, or only runs in a sequence. */
export function reasonToSkip(
  tag: TagView,
  eventName: string,
  target: MirrorTarget,
): MirrorNote | undefined {
  const existing = target.existingMirrors.get(tag.id);
  if (existing) {
    return {
      code: 'already_mirrored',
      severity: 'info',
      message: `already mirrored by "${existing.name}" (tag ${existing.tagId})`,
    };
  }
  if (eventName.trim() === '') {
    return {
      code: 'no_event_name',
      severity: 'caveat',
      message: 'has no event name, so GA4 sends nothing to mirror',
    };
  }
  const isSequencedOnly =
    tag.firingTriggerIds.length === 0 && target.sequencedTagNames.has(tag.name);
  if (!isSequencedOnly) return undefined;
  return {
    code: 'sequenced_only',
    severity: 'caveat',
    message:
      "fires only as another tag's setup or cleanup tag, and a tag takes one of each: add the mirror to that sequence by hand",
  };
}

function firingNotes(tag: TagView, target: MirrorTarget): MirrorNote[] {
  if (tag.firingTriggerIds.length > 0 || target.sequencedTagNames.has(tag.name)) return [];
  return [
    {
      code: 'no_firing_trigger',
      severity: 'caveat',
      message: 'has no firing trigger, so neither it nor its mirror fires',
    },
  ];
}
