import type { PlanLoadResult } from '../plan-types.js';
import { foreignImporters } from './foreign-importers.js';
import { importWith } from './import-with.js';
import { parseSourceFiles } from './parse-source-files.js';

/**
 * A plan file in a format only an importer reads (RudderStack, mParticle, Snowplow Iglu,
 * OpenTrackPlan, Avo), loaded as `loadPlan` loads its own formats; `null` when the text is in
 * none of them, so `loadPlan` reads it as before.
 */
export function loadForeignPlan(text: string, fileName: string): PlanLoadResult | null {
  const files = [{ name: fileName, text }];
  const parsed = parseSourceFiles(files);
  if (parsed.errors.length > 0) return null;
  const importer = foreignImporters.find((candidate) => candidate.detect(parsed.documents));
  if (!importer) return null;

  const result = importWith(importer, files, parsed);
  if (!result.ok) return { ok: false, errors: result.errors };
  return { ok: true, plan: result.plan, warnings: result.warnings };
}
