import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Plugin } from 'vite';
import { loadPlan } from '../shared/plan/load-plan.js';

const SUFFIX = '?loaded-plan';

/**
 * `import plan from '…/plan.yaml?loaded-plan'` gives the plan as `loadPlan` reads it, loaded
 * at build time. Loading the bundled GA4 plan (YAML, then every event's schema checked) took
 * the background 180–320 ms of CPU at each service-worker start, during the page load that
 * woke it; parsing the loaded plan's JSON takes under 1 ms. A plan that does not load fails
 * the build.
 */
export function loadedPlanPlugin(): Plugin {
  return {
    name: 'tagwarden-loaded-plan',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      return loadedPlanModule(await readFile(file, 'utf8'), basename(file));
    },
  };
}

/** The module text for a plan: its loaded form as one JSON string, parsed when imported. */
export function loadedPlanModule(text: string, fileName: string): string {
  const result = loadPlan(text, fileName);
  if (!result.ok) {
    const [first] = result.errors;
    throw new Error(
      `${fileName} does not load as a plan (line ${first?.line}: ${first?.message}); ` +
        'fix it or check it with `tagwarden plan lint`.',
    );
  }
  // A JSON string is read faster than the same object written as a literal.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(result.plan))});\n`;
}
