import type { MirrorEvent, MirrorHost } from '../mirror/mirror-host.js';

export interface MirrorBridge {
  /** Hands an event to the mirror tag; resolves when its run is over (at once without a collector). */
  fire(event: MirrorEvent): Promise<void>;
}

/**
 * The container's side of the web mirror tag. With a collector URL (the page's
 * `<meta name="tagwarden-collector">`), it loads the template runtime from the container's
 * origin and queues every GA4 event for it; without one, the mirror tag is not in the container.
 */
export function createMirrorBridge(options: {
  collectorUrl: string;
  origin: string;
  containerId: string;
}): MirrorBridge {
  if (options.collectorUrl === '') return { fire: () => Promise.resolve() };

  const host: MirrorHost = {
    collectorUrl: options.collectorUrl,
    templateUrl: `${options.origin}/mirror/template.tpl`,
    containerId: options.containerId,
    queue: [],
    runs: [],
    fired: 0,
  };
  (window as unknown as { tagwardenMirror: MirrorHost }).tagwardenMirror = host;
  const script = document.createElement('script');
  script.async = true;
  script.src = `${options.origin}/js/mirror-runtime.js`;
  document.head.append(script);

  return {
    fire: (event) => {
      host.fired += 1;
      return new Promise((resolve) => void host.queue.push({ event, done: resolve }));
    },
  };
}
