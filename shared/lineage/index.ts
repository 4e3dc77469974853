export { automaticGa4Events } from './automatic-ga4-events.js';
export { classifyGa4Hit } from './classify-ga4-hit.js';
export { diffMirrorFields } from './diff-mirror-fields.js';
export { lineageNodeFromGa4Event, type NodePlace } from './lineage-node-from-ga4-event.js';
export { lineageNodeFromPush } from './lineage-node-from-push.js';
export type * from './lineage-types.js';
export { matchLineage } from './match-lineage.js';
