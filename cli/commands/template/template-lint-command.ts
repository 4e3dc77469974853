import { lintTemplate } from '../../../gtm-template/sandbox/lint/lint-template.js';
import { lintTemplateSources } from '../../../gtm-template/sandbox/lint/lint-template-sources.js';
import type { TemplateFinding } from '../../../gtm-template/sandbox/format/template-finding.js';
import { exitCodes } from '../../exit-codes.js';
import { readInputFile } from '../../read-input-file.js';
import { UsageError } from '../../usage-error.js';
import { findTemplateTargets } from './find-template-targets.js';
import { readGalleryFiles, readTemplateSources } from './read-template-sources.js';
import { renderFindingsJson, renderFindingsText } from './render-findings.js';

export interface TemplateLintOptions {
  format: 'text' | 'json';
}

/**
 * `tagwarden template lint`: every `.tpl` file and template source folder under the inputs,
 * checked by the lint rules; exit 1 when any finding is an error.
 */
export function runTemplateLint(inputs: string[], options: TemplateLintOptions): void {
  const targets = findTemplateTargets(inputs);
  const checkedCount = targets.sourceFolders.length + targets.templateFiles.length;
  if (checkedCount === 0) {
    throw new UsageError(
      `no templates found in ${inputs.join(', ')}`,
      'Name .tpl files, or folders holding them or template sources (template.js + info.json).',
    );
  }

  const findings: TemplateFinding[] = [];
  for (const folder of targets.sourceFolders)
    findings.push(...lintTemplateSources(readTemplateSources(folder)));
  for (const { file, isInFolder } of targets.templateFiles) {
    // Gallery readiness concerns a template that sits in its own folder as template.tpl.
    const isGalleryFolder = isInFolder && /(^|[\\/])template\.tpl$/.test(file);
    findings.push(
      ...lintTemplate(
        readInputFile(file),
        file,
        isGalleryFolder ? { gallery: readGalleryFiles(file) } : {},
      ),
    );
  }

  const render = options.format === 'json' ? renderFindingsJson : renderFindingsText;
  process.stdout.write(render(findings, checkedCount));
  const hasErrors = findings.some((finding) => finding.severity === 'error');
  process.exitCode = hasErrors ? exitCodes.violations : exitCodes.clean;
}
