import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCapture } from '../../shared/capture/read-capture.js';
import type { CapturedRecord } from '../../shared/capture/captured-input.js';
import { importPlan } from '../../shared/plan/importers/import-plan.js';
import type { ImportResult, PlanSourceFile } from '../../shared/plan/importers/import-types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The files of a plan fixture under test/fixtures/plans/, a file or a folder, named as in the repo. */
export function planFixture(path: string): PlanSourceFile[] {
  return readFiles(join(root, 'test/fixtures/plans', path));
}

function readFiles(path: string): PlanSourceFile[] {
  if (statSync(path).isDirectory())
    return readdirSync(path)
      .sort()
      .flatMap((name) => readFiles(join(path, name)));
  return [{ name: relative(root, path), text: readFileSync(path, 'utf8') }];
}

/** A plan fixture imported; fails the test with its errors when it does not import. */
export function importFixture(path: string, from?: string): Extract<ImportResult, { ok: true }> {
  const result = importPlan(planFixture(path), from === undefined ? {} : { from });
  if (!result.ok)
    throw new Error(`${path} did not import: ${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

/** Capture records from files under test/fixtures/. */
export function captureRecords(...paths: string[]): CapturedRecord[] {
  return paths.flatMap(
    (path) => readCapture(readFileSync(join(root, 'test/fixtures', path), 'utf8'), path).records,
  );
}
