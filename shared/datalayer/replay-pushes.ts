import { createDataLayerReplay } from './create-data-layer-replay.js';
import type { ReplayStep } from './replay-types.js';

/**
 * Replays a whole dataLayer (for example a JSON dump of `window.dataLayer`, with transport
 * markers for what JSON cannot carry) and returns one step per processed message.
 */
export function replayPushes(pushes: Iterable<unknown>): ReplayStep[] {
  const replay = createDataLayerReplay();
  for (const value of pushes) replay.push(value);
  return [...replay.steps];
}
