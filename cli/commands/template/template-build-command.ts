import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate } from '../../../gtm-template/sandbox/build/build-template.js';
import type { TemplateFinding } from '../../../gtm-template/sandbox/format/template-finding.js';
import { exitCodes } from '../../exit-codes.js';
import { UsageError } from '../../usage-error.js';
import { findTemplateTargets } from './find-template-targets.js';
import { readTemplateSources } from './read-template-sources.js';

export interface TemplateBuildOptions {
  check?: boolean;
}

type FolderOutcome =
  { kind: 'current' | 'written' | 'stale' } | { kind: 'broken'; errors: TemplateFinding[] };

/**
 * `tagwarden template build`: builds `template.tpl` in every template source folder under the
 * inputs (default `gtm-template/`). With `--check` nothing is written: a `template.tpl` that
 * differs from what its sources build is named, and the exit code is 1.
 */
export function runTemplateBuild(inputs: string[], options: TemplateBuildOptions): void {
  const paths = inputs.length > 0 ? inputs : ['gtm-template'];
  const folders = findTemplateTargets(paths).sourceFolders;
  if (folders.length === 0) {
    throw new UsageError(
      `no template source folders in ${paths.join(', ')}`,
      'A source folder holds template.js and info.json (see gtm-template/README.md).',
    );
  }

  const outcomes = folders.map((folder) => buildFolder(folder, options.check === true));
  for (const outcome of outcomes) {
    if (outcome.kind !== 'broken') continue;
    for (const error of outcome.errors) {
      process.stderr.write(
        `tagwarden: ${error.file}:${error.line}:${error.column}: ${error.message}\n  → ${error.hint}\n`,
      );
    }
  }
  const kinds = outcomes.map((outcome) => outcome.kind);
  process.exitCode = kinds.includes('broken')
    ? exitCodes.usageOrInput
    : kinds.includes('stale')
      ? exitCodes.violations
      : exitCodes.clean;
}

function buildFolder(folder: string, isCheckOnly: boolean): FolderOutcome {
  const built = buildTemplate(readTemplateSources(folder));
  if (!built.ok) return { kind: 'broken', errors: built.errors };

  const target = join(folder, 'template.tpl');
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (current === built.text) {
    process.stdout.write(`${isCheckOnly ? 'up to date' : 'unchanged '}  ${target}\n`);
    return { kind: 'current' };
  }
  if (isCheckOnly) {
    const problem = current === undefined ? 'is missing' : 'differs from its sources';
    process.stdout.write(
      `STALE       ${target} ${problem}: run \`tagwarden template build ${folder}\`\n`,
    );
    return { kind: 'stale' };
  }
  writeFileSync(target, built.text);
  process.stdout.write(`built       ${target}\n`);
  return { kind: 'written' };
}
