import { avoImporter } from './import-avo.js';
import { mparticleImporter } from './import-mparticle.js';
import { opentrackplanImporter } from './import-opentrackplan.js';
import { rudderstackImporter } from './import-rudderstack.js';
import { snowplowIgluImporter } from './import-snowplow-iglu.js';
import type { PlanImporter } from './plan-importer.js';

/**
 * The formats only importers read (`loadPlan` reads the others on its own), in the order
 * detection tries them. Avo comes first: its export has Segment's shape plus Avo's metadata.
 */
export const foreignImporters: readonly PlanImporter[] = [
  avoImporter,
  rudderstackImporter,
  mparticleImporter,
  snowplowIgluImporter,
  opentrackplanImporter,
];
