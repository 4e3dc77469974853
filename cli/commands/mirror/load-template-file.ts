import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  readTemplateFile,
  type TemplateFile,
} from '../../../shared/container/read-template-file.js';
import { packageRoot } from '../../package-version.js';
import { readInputFile } from '../../read-input-file.js';
import { UsageError } from '../../usage-error.js';

const defaultTemplates = {
  web: 'gtm-template/web-mirror/template.tpl',
  server: 'gtm-template/server-mirror/template.tpl',
} as const;

/**
 * The mirror template `--template` names, or the one tagwarden ships for the container kind.
 * It must be a tag template for the same kind of container.
 */
export function loadTemplateFile(
  path: string | undefined,
  context: 'web' | 'server',
): TemplateFile {
  const file = path ?? join(packageRoot(), defaultTemplates[context]);
  if (path === undefined && !existsSync(file)) {
    throw new UsageError(
      `the ${context} mirror template is not installed (${defaultTemplates[context]})`,
      `Pass the template with --template <file.tpl>: export it from GTM (Templates → ⋮ → Export) or take it from gtm-template/${context}-mirror/.`,
    );
  }

  const result = readTemplateFile(readInputFile(file), file);
  if (!result.ok) throw new UsageError(result.message, result.hint);
  const { template } = result;
  if (template.context !== context || template.kind !== 'TAG') {
    throw new UsageError(
      `${file} is a ${template.context} ${template.kind || 'template'}, not a ${context} tag template`,
      context === 'web'
        ? 'Pass the web mirror tag template, or add --server to mirror a server container.'
        : 'Pass the server mirror tag template with --template.',
    );
  }
  return template;
}
