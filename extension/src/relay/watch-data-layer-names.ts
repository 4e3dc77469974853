import { DATA_LAYER_NAMES_KEY, readDataLayerNames } from '../common/read-data-layer-names.js';
import type { RelayExtensionApi } from './read-relay-extension-api.js';

/**
 * Reads the user's extra dataLayer names from extension storage and calls `onNames` with
 * them now and whenever they change. Storage answers asynchronously, so these names are
 * hooked a moment after `document_start`; what was pushed before is reported as preexisting.
 */
export function watchDataLayerNames(
  storage: RelayExtensionApi['storage'],
  onNames: (names: string[]) => void,
): void {
  storage.local
    .get(DATA_LAYER_NAMES_KEY)
    .then((items) => {
      const names = readDataLayerNames(items[DATA_LAYER_NAMES_KEY]);
      if (names.length > 0) onNames(names);
    })
    .catch(() => undefined);
  storage.onChanged.addListener((changes, area) => {
    const change = changes[DATA_LAYER_NAMES_KEY];
    if (area === 'local' && change !== undefined) onNames(readDataLayerNames(change.newValue));
  });
}
