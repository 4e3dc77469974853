import { loadMirrorTemplate } from './load-mirror-template.js';
import { mirrorHostOf, type MirrorHost, type MirrorQueueEntry } from './mirror-host.js';
import { runMirrorTag } from './run-mirror-tag.js';

/**
 * The page side of the web mirror: loaded by the stand-in container when the page names a
 * collector. It fetches the mirror template once, then runs the tag for every queued GA4 event
 * in order, records each run on `window.tagwardenMirror.runs` and warns on the console when a
 * run does not succeed.
 */
function startMirrorRuntime(host: MirrorHost): void {
  const loading = loadMirrorTemplate(host.templateUrl);
  let previous: Promise<void> = Promise.resolve();

  const runEntry = (entry: MirrorQueueEntry) => {
    previous = previous.then(async () => {
      try {
        const loaded = await loading;
        if (!loaded.ok) {
          if (host.problem === undefined) console.warn(`[tagwarden mirror] ${loaded.problem}`);
          host.problem = loaded.problem;
          host.runs.push({
            event: entry.event.name,
            outcome: 'not-run',
            errors: [loaded.problem],
            calls: [],
          });
          return;
        }
        const run = await runMirrorTag(loaded.template, entry.event, host);
        host.runs.push(run);
        if (run.outcome !== 'succeeded')
          console.warn(`[tagwarden mirror] ${run.event}: ${run.outcome}`, run.errors);
      } catch (error) {
        host.runs.push({
          event: entry.event.name,
          outcome: 'crashed',
          errors: [String(error)],
          calls: [],
        });
        console.warn(`[tagwarden mirror] ${entry.event.name}: the runtime failed`, error);
      } finally {
        entry.done();
      }
    });
  };

  const queued = host.queue.splice(0);
  host.queue.push = (...entries: MirrorQueueEntry[]) => {
    entries.forEach(runEntry);
    return host.queue.length;
  };
  queued.forEach(runEntry);
}

const host = mirrorHostOf(window);
if (host) startMirrorRuntime(host);
