import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContainerIndex, JsonObject } from '../../shared/container/container-types.js';
import { readContainerExport } from '../../shared/container/read-container-export.js';
import { readTemplateFile, type TemplateFile } from '../../shared/container/read-template-file.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';

const folder = fileURLToPath(new URL('../fixtures/containers/', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The web exports of the fixtures folder, with what each one holds. */
export const webExports = ['shop-web', 'publisher-web', 'saas-web', 'minimal-web'] as const;

/** A fixture's text. */
export function fixtureText(name: string): string {
  return readFileSync(`${folder}${name}`, 'utf8');
}

/** A fixture export, read; fails the test when it does not read. */
export function readFixture(name: string): ContainerIndex {
  return readExportObject(JSON.parse(fixtureText(`${name}.json`)) as JsonObject, `${name}.json`);
}

/** An export held as an object, read as a file would be. */
export function readExportObject(document: JsonObject, file = 'export.json'): ContainerIndex {
  const result = readContainerExport(JSON.stringify(document), file);
  if (!result.ok) throw new Error(`${file} does not read: ${result.errors[0]?.message}`);
  return result.container;
}

/** The stand-in web or server mirror template of the fixtures folder. */
export function fixtureTemplate(context: 'web' | 'server'): TemplateFile {
  const result = readTemplateFile(fixtureText(`${context}-mirror.tpl`), `${context}-mirror.tpl`);
  if (!result.ok) throw new Error(result.message);
  return result.template;
}

/** The bundled ga4-recommended plan, or a plan of the fixtures folder. */
export function fixturePlan(name: 'ga4-recommended' | 'shop-plan.yaml'): TrackingPlan {
  const path =
    name === 'ga4-recommended' ? `${root}shared/plans/ga4-recommended.yaml` : `${folder}${name}`;
  const result = loadPlan(readFileSync(path, 'utf8'), name);
  if (!result.ok) throw new Error(`${name}: ${result.errors[0]?.message}`);
  return result.plan;
}

/** A fixed clock: 2026-01-01 00:00:00 UTC. */
export const fixedNow = Date.UTC(2026, 0, 1);
