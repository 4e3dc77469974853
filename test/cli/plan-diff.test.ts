import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScratchDirectory, parseStdout, runCli } from './run-cli.js';

const plans = 'test/fixtures/plans';
const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

const shop = readFileSync(`${plans}/tagwarden/shop.yaml`, 'utf8');
const next = scratch.write(
  'shop-next.yaml',
  shop
    .replace('enum: [new, returning]', 'enum: [new, returning, guest]')
    .replace('required: [search_term]', 'required: []')
    .replace('      tax: { type: number, minimum: 0 }\n', ''),
);

describe('tagwarden plan diff', () => {
  it('lists the changes grouped by event, as text', () => {
    const run = runCli(['plan', 'diff', `${plans}/tagwarden/shop.yaml`, next]);

    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'Plan diff: shop-web (tagwarden) → shop-web (tagwarden)',
        '1 removed, 0 tightened, 0 changed, 0 added, 2 loosened',
        '',
        'purchase',
        '  < loosened  "customer_type" of "purchase": enum "new", "returning" → "new", "returning", "guest".',
        '  - removed   Property "tax" of "purchase" was removed.',
        '',
        'search',
        '  < loosened  "search_term" of "search": no longer required.',
        '',
      ].join('\n'),
    );
  });

  it('writes Markdown for a pull-request comment', () => {
    const run = runCli([
      'plan',
      'diff',
      `${plans}/tagwarden/shop.yaml`,
      next,
      '--format',
      'markdown',
    ]);

    expect(run.stdout).toContain('### Tracking plan changes: `shop-web` → `shop-web`');
    expect(run.stdout).toContain('| 1 | 0 | 0 | 0 | 2 |');
    expect(run.stdout).toContain('**Loosened**: events that failed before may now pass');
    expect(run.stdout).toContain('- `search` · `search_term`: no longer required');
    expect(run.stdout).toContain('- `purchase` · `tax`: removed');
  });

  it('compares a Segment plan with its RudderStack counterpart and finds nothing', () => {
    const run = runCli([
      'plan',
      'diff',
      `${plans}/segment/typewriter-plan.json`,
      `${plans}/rudderstack/project`,
      '--format',
      'json',
    ]);
    const diff = parseStdout<{
      old: { format: string };
      new: { format: string };
      changes: unknown[];
    }>(run);

    expect(run.status).toBe(0);
    expect(diff.old.format).toBe('segment-protocols');
    expect(diff.new.format).toBe('rudderstack');
    expect(diff.changes).toEqual([]);
  });
});
