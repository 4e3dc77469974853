import type { Layer } from '../../events/event-types.js';

/** One event seen in a capture or written as an example push, as the validator would see it. */
export interface ObservedEvent {
  name: string;
  layer: Layer;
  properties: Record<string, unknown>;
  userProperties?: Record<string, unknown>;
}
