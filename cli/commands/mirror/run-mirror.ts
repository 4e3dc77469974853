import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { MirrorOptions } from '../../../shared/container/mirror-types.js';
import { planServerMirror } from '../../../shared/container/plan-server-mirror.js';
import { planWebMirror } from '../../../shared/container/plan-web-mirror.js';
import { validateContainerExport } from '../../../shared/container/validate-container-export.js';
import { exitCodes } from '../../exit-codes.js';
import { UsageError } from '../../usage-error.js';
import { loadContainerExport } from './load-container-export.js';
import { loadTemplateFile } from './load-template-file.js';
import { mirrorReport, renderMirrorText } from './render-mirror-report.js';

export interface MirrorCliOptions {
  output?: string;
  template?: string;
  endpoint?: string;
  /** `true` for a bare `--join-key` (the default name), a name, or undefined. */
  joinKey?: string | boolean;
  server?: boolean;
  /** Commander's `--no-dependencies` sets this to false. */
  dependencies: boolean;
  format: 'text' | 'json';
}

const defaultJoinKey = 'event_id';

/**
 * `tagwarden mirror`: a container export in, a merge-ready export out that adds a mirror tag
 * beside every GA4 tag (web), or the server mirror tag on a GA4 client trigger (`--server`).
 */
export function runMirror(file: string, options: MirrorCliOptions): void {
  const context = options.server ? 'server' : 'web';
  const settings = checkSettings(options);
  const container = loadContainerExport(
    file,
    context,
    options.server
      ? '--server mirrors a server container: export the server container and pass that file.'
      : 'Add --server to mirror a server container, or pass the web container export.',
  );
  const template = loadTemplateFile(options.template, context);

  const mirrorOptions: MirrorOptions = { template, now: Date.now(), ...settings };
  const plan = options.server ? planServerMirror : planWebMirror;
  const result = plan(container, mirrorOptions);
  const output = options.output ?? defaultOutput(file, context);
  const isWritten = result.summary.mirrorTags > 0;
  const issues = validateContainerExport(result.export, container);
  const report = mirrorReport(container, result, isWritten ? output : '', issues);

  if (isWritten) writeExport(output, `${JSON.stringify(result.export, null, 2)}\n`);
  const rendered =
    options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderMirrorText(report);
  // With the export on standard output, the report goes to standard error.
  (output === '-' ? process.stderr : process.stdout).write(rendered);
  process.exitCode = exitCodes.clean;
}

// Options are checked before any file is read, so a typo fails fast.
function checkSettings(options: MirrorCliOptions): Omit<MirrorOptions, 'template' | 'now'> {
  const joinKey = readJoinKey(options);
  if (joinKey && options.server) {
    throw new UsageError(
      '--join-key applies to web containers only',
      'Leave out --join-key with --server; the web mirror run adds the join key.',
    );
  }
  return {
    includeDependencies: options.dependencies,
    ...(options.endpoint === undefined ? {} : { endpoint: checkEndpoint(options.endpoint) }),
    ...(joinKey ? { joinKey } : {}),
  };
}

function readJoinKey(options: MirrorCliOptions): string | undefined {
  if (options.joinKey === undefined || options.joinKey === false) return undefined;
  if (options.joinKey === true) return defaultJoinKey;
  if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(options.joinKey)) {
    throw new UsageError(
      `--join-key ${options.joinKey} is not a GA4 parameter name`,
      'Use letters, digits and underscores, starting with a letter, at most 40 characters (e.g. event_id).',
    );
  }
  return options.joinKey;
}

function checkEndpoint(endpoint: string): string {
  if (/^\{\{[^{}]+\}\}$/.test(endpoint.trim())) return endpoint.trim();
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UsageError(
      `--endpoint ${endpoint} is not an http(s) URL`,
      'Give the collector URL, e.g. --endpoint https://collect.example.com/g/collect, or a GTM variable as {{Name}}.',
    );
  }
  return endpoint;
}

function defaultOutput(file: string, context: 'web' | 'server'): string {
  const stem = basename(file).replace(/\.json$/i, '');
  return `${stem}.${context === 'server' ? 'server-mirror' : 'mirror'}.json`;
}

function writeExport(path: string, text: string): void {
  if (path === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      `the export cannot be written to ${path} (${code})`,
      'Name a file in a folder that exists and that you can write to with -o, or -o - for standard output.',
    );
  }
}
