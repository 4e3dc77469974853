import type { ContainerIndex } from './container-types.js';
import {
  missingVariableNote,
  pausedNote,
  type MirrorSource,
  type SourceContext,
} from './mirror-source.js';
import type { MirrorNote } from './mirror-types.js';
import type { GoogleTagView } from './read-google-tags.js';

/**
 * The page_view a Google tag sends when it fires, as a mirror source: its configuration
 * parameters, user properties and shared event settings travel with it.
 */
export function mirrorSourceOfGoogleTag(
  container: ContainerIndex,
  view: GoogleTagView,
  context: SourceContext,
): MirrorSource {
  const fields = {
    eventName: 'page_view',
    measurementId: view.measurementId.raw,
    parameters: view.sharedParameters,
    userProperties: view.userProperties,
    ...(view.settingsVariable ? { settingsVariable: view.settingsVariable } : {}),
    sendsEcommerceData: false,
  };
  const notes: MirrorNote[] = [
    {
      code: 'google_tag_page_view',
      severity: 'info',
      message: 'mirrors the page_view this Google tag sends when it fires',
    },
    ...pausedNote(view.tag),
  ];
  if (context.joinRow) {
    notes.push({
      code: 'join_key_skipped',
      severity: 'caveat',
      message:
        'no join key: a configuration parameter would repeat on every later event of the page',
    });
  }
  const missing = missingVariableNote(container, fields, context.addedNames);
  if (missing) notes.push(missing);
  return { tag: view.tag, ...fields, notes };
}
