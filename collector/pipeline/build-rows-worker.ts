import { serveThreadCalls } from '../threads/serve-thread-calls.js';
import { lowerThreadPriority } from '../threads/lower-thread-priority.js';
import { buildSegmentRows } from './build-segment-rows.js';

// The loader's row-building thread: decoding and row building run beside the thread that
// answers requests, at a lower priority, so they mostly take the CPU time answering leaves over
// (the spool holds the hits until they are built).
lowerThreadPriority();

serveThreadCalls({ build: buildSegmentRows });
