import { addJoinKey } from './add-join-key.js';
import type { ContainerIndex } from './container-types.js';
import { ensureMirrorTemplate } from './ensure-mirror-template.js';
import {
  ensureEndpointVariable,
  ensureJoinKeyVariable,
  ensureMirrorFolder,
} from './ensure-mirror-variables.js';
import { finishMirrorBuild } from './finish-mirror-build.js';
import { googleTagTypes } from './ga4-tag-types.js';
import { isJsonObject } from './is-json-object.js';
import { startMirrorBuild, type MirrorBuild } from './mirror-build.js';
import { mirrorMarker } from './mirror-fields.js';
import {
  mirrorOneSource,
  reasonToSkip,
  skippedRow,
  type MirrorTarget,
} from './mirror-one-source.js';
import { mirrorSourceOfEventTag } from './mirror-source-of-event-tag.js';
import { mirrorSourceOfGoogleTag } from './mirror-source-of-google-tag.js';
import type { SourceContext } from './mirror-source.js';
import type { MirrorOptions, MirrorResult, MirrorRow, TagReference } from './mirror-types.js';
import { readGa4EventTags } from './read-ga4-event-tags.js';
import { readGoogleTags } from './read-google-tags.js';

/**
 * Plans the mirror of a web container: one web mirror tag beside every GA4 event tag (and
 * beside every Google tag that sends its own page_view), firing on the same triggers with the
 * same event name, parameters, user properties, settings and consent, plus the template, a
 * folder and the endpoint variable, as an export to import by merge. Never throws on any
 * container the reader accepted.
 */
export function planWebMirror(container: ContainerIndex, options: MirrorOptions): MirrorResult {
  const build = startMirrorBuild(container, options);
  const { type } = ensureMirrorTemplate(build, options.template);
  const target: MirrorTarget = {
    type,
    folderId: ensureMirrorFolder(build),
    endpointReference: ensureEndpointVariable(build, options.endpoint),
    existingMirrors: existingMirrors(container, type),
    sequencedTagNames: new Set(
      container.tags.flatMap((tag) => [...tag.setupTagNames, ...tag.teardownTagNames]),
    ),
    droppedFields: new Set(),
  };
  const joinRow = options.joinKey ? ensureJoinKeyVariable(build, options.joinKey) : undefined;

  const context: SourceContext = {
    addedNames: new Set(build.output.variable.map((variable) => String(variable['name']))),
    ...(joinRow ? { joinRow } : {}),
  };

  const rows: MirrorRow[] = [];
  for (const googleTag of readGoogleTags(container)) {
    if (!googleTag.sendsPageView) continue;
    rows.push(
      mirrorOneSource(build, mirrorSourceOfGoogleTag(container, googleTag, context), target),
    );
  }
  rows.push(...mirrorEventTags(build, target, context));

  addContainerNotes(build);
  return finishMirrorBuild(build, rows, target.droppedFields);
}

function mirrorEventTags(
  build: MirrorBuild,
  target: MirrorTarget,
  context: SourceContext,
): MirrorRow[] {
  const rows: MirrorRow[] = [];
  for (const view of readGa4EventTags(build.container)) {
    // A tag that gets no mirror keeps its parameters: no join key without something to join.
    const skip = reasonToSkip(view.tag, view.eventName.raw, target);
    if (skip) {
      rows.push(skippedRow(view.tag, view.eventName.raw, skip));
      continue;
    }
    const source = mirrorSourceOfEventTag(build.container, view, context);
    if (context.joinRow) source.notes.push(addJoinKey(build, view, context.joinRow));
    rows.push(mirrorOneSource(build, source, target));
  }
  return rows;
}

// A second run finds the mirrors of the first by the marker their notes carry.
function existingMirrors(container: ContainerIndex, type: string): Map<string, TagReference> {
  const mirrors = new Map<string, TagReference>();
  for (const tag of container.tags) {
    const notes = tag.raw['notes'];
    if (tag.type !== type || typeof notes !== 'string') continue;
    const mirrored = new RegExp(`${mirrorMarker}(\\S+)`).exec(notes)?.[1];
    if (mirrored) mirrors.set(mirrored, { tagId: tag.id, name: tag.name });
  }
  return mirrors;
}

function addContainerNotes(build: MirrorBuild): void {
  for (const zone of build.container.zones) {
    const restriction = zone.raw['typeRestriction'];
    const isRestricted = isJsonObject(restriction) && restriction['enable'] === true;
    const children = zone.childContainerIds.join(', ') || 'no child container';
    build.notes.push({
      code: 'zone',
      severity: 'caveat',
      message: `zone "${zone.name}" loads ${children}: their GA4 tags are not in this export, so mirror each of those containers too${isRestricted ? '; the zone restricts tag types, so allow custom template tags in it' : ''}`,
    });
  }
  if (build.container.tags.some((tag) => googleTagTypes.has(tag.type))) {
    build.notes.push({
      code: 'enhanced_measurement',
      severity: 'info',
      message:
        'events gtag.js sends on its own (enhanced measurement: scrolls, outbound clicks, history page views…) have no tag to mirror; mirror them server-side with --server',
    });
  }
}
