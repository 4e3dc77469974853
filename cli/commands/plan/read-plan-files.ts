import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findBundledPlan } from '../../../shared/plan/bundled-plans.js';
import type { PlanSourceFile } from '../../../shared/plan/importers/import-types.js';
import { packageRoot } from '../../package-version.js';
import { readInputFile } from '../../read-input-file.js';
import { UsageError } from '../../usage-error.js';

// Plan files in a folder: YAML and JSON, and Iglu's extension-less `1-0-0` schema files.
const planFile = /(\.ya?ml|\.json)$|(^|[\\/])\d+-\d+-\d+$/i;
const maxFiles = 5000;

/**
 * The files of the plan a user named: a bundled plan by name, one file, or a folder read
 * recursively (a RudderStack project, an Iglu registry, an OpenTrackPlan project). Hidden
 * folders and `node_modules` are skipped; files are read in a stable order.
 */
export function readPlanFiles(reference: string): PlanSourceFile[] {
  const bundled = findBundledPlan(reference);
  if (bundled) {
    return [{ name: bundled.name, text: readInputFile(join(packageRoot(), bundled.path)) }];
  }
  const kind = pathKind(reference);
  if (kind === 'missing') {
    throw new UsageError(
      `plan ${reference}: no such file or folder`,
      'Name a plan file, a folder of plan files, or a bundled plan such as ga4-recommended.',
    );
  }
  if (kind === 'file') return [{ name: reference, text: readInputFile(reference) }];

  const paths = listPlanFiles(reference);
  if (paths.length === 0) {
    throw new UsageError(
      `${reference} holds no plan files`,
      'Put .yaml, .yml or .json files (or Iglu schema files such as 1-0-0) in the folder.',
    );
  }
  return paths.map((path) => ({ name: path, text: readInputFile(path) }));
}

function pathKind(path: string): 'file' | 'folder' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

function listPlanFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (folder: string, depth: number) => {
    if (depth > 12 || found.length >= maxFiles) return;
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(folder, name);
      const kind = pathKind(path);
      if (kind === 'folder') visit(path, depth + 1);
      else if (kind === 'file' && planFile.test(relative(root, path))) found.push(path);
    }
  };
  visit(root, 0);
  return found;
}
