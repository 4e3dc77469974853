import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isTemplateSourceFolder } from '../../../gtm-template/sandbox/build/template-sources.js';
import { UsageError } from '../../usage-error.js';

/** What a template command works on: source folders and `.tpl` files (alone or in a folder). */
export interface TemplateTargets {
  sourceFolders: string[];
  /** `.tpl` files outside source folders; `isInFolder` when found by walking a directory. */
  templateFiles: Array<{ file: string; isInFolder: boolean }>;
}

const skippedFolders = new Set(['node_modules', '.git', 'dist', 'coverage', '.tmp']);

/**
 * Expands the paths the user named: a file is taken as a `.tpl`; a directory is walked for
 * template source folders (template.js + info.json) and for `.tpl` files outside them. A path
 * that does not exist is a usage error naming it.
 */
export function findTemplateTargets(paths: readonly string[]): TemplateTargets {
  const targets: TemplateTargets = { sourceFolders: [], templateFiles: [] };
  for (const path of paths) {
    const kind = kindOf(path);
    if (kind === 'missing') {
      throw new UsageError(
        `${path}: no such file or directory`,
        'Check the path; it is read relative to the current directory.',
      );
    }
    if (kind === 'file') targets.templateFiles.push({ file: path, isInFolder: false });
    else walk(path, targets);
  }
  return targets;
}

function walk(folder: string, targets: TemplateTargets): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((left, right) =>
    left.name < right.name ? -1 : 1,
  );
  const fileNames = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  const isSourceFolder = isTemplateSourceFolder(fileNames);
  if (isSourceFolder) targets.sourceFolders.push(folder);
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !skippedFolders.has(entry.name)) walk(path, targets);
    else if (
      entry.isFile() &&
      entry.name.endsWith('.tpl') &&
      !(isSourceFolder && entry.name === 'template.tpl')
    ) {
      targets.templateFiles.push({ file: path, isInFolder: true });
    }
  }
}

function kindOf(path: string): 'file' | 'directory' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
