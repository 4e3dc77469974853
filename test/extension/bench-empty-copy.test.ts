import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyScriptsCopy } from '../../bench/build-extension.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A built extension's shape: a manifest, two content scripts and a worker. */
function builtExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagwarden-empty-copy-test-'));
  made.push(dir);
  mkdirSync(join(dir, 'src'));
  const manifest = {
    manifest_version: 3,
    background: { service_worker: 'worker.js' },
    content_scripts: [{ js: ['src/relay.js'] }, { js: ['src/hook.js'], world: 'MAIN' }],
    permissions: ['webRequest', 'webNavigation', 'storage'],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const file of ['worker.js', 'src/relay.js', 'src/hook.js', 'src/panel.js'])
    writeFileSync(join(dir, file), `console.log(${JSON.stringify(file)});`);
  return dir;
}

describe('the floor builds the extension bench compares with', () => {
  it('empties the content scripts and the worker and keeps everything else', () => {
    const copy = emptyScriptsCopy(builtExtension());
    made.push(copy);
    for (const file of ['worker.js', 'src/relay.js', 'src/hook.js'])
      expect(readFileSync(join(copy, file), 'utf8')).toBe('// emptied for the benchmark\n');
    expect(readFileSync(join(copy, 'src/panel.js'), 'utf8')).toContain('panel');
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['webRequest', 'webNavigation', 'storage']);
  });

  it('takes the permissions it is asked to out of the manifest, and only those', () => {
    const copy = emptyScriptsCopy(builtExtension(), { withoutPermissions: ['webRequest'] });
    made.push(copy);
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['webNavigation', 'storage']);
    expect(manifest.content_scripts).toHaveLength(2);
  });
});
