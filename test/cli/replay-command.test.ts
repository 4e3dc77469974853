import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, makeScratchDirectory, parseStdout, rowsNamedBy, runCli } from './run-cli.js';

interface ReplayStep {
  index: number;
  event: string | null;
  kind: string;
  push: unknown;
  model: { event?: string; ecommerce?: { items?: unknown[] } | null };
  warnings: { code: string; severity: string }[];
}

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

function replay(file: string): ReplayStep[] {
  const run = runCli(['replay', file]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const output = parseStdout<{ steps: ReplayStep[] }>(run);
  expect(Object.keys(output)).toEqual(['steps']);
  return output.steps;
}

const itemCount = (step: ReplayStep | undefined) => step?.model.ecommerce?.items?.length;

describe('tagwarden replay', () => {
  // gtag calls in their {"$arguments": …} form, Google's null-clearing pattern and the broken
  // array shim (corpus D5, D19).
  let steps: ReplayStep[];
  beforeAll(() => {
    steps = replay(fixturePath('pushes.json'));
  });

  it('prints one step per push, in push order, with the event each one carries', () => {
    expect(steps.map((step) => step.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(steps.map((step) => step.event)).toEqual([
      'gtm.js',
      null,
      null,
      'view_item_list',
      null,
      'add_to_cart',
      null,
      'login',
    ]);
    expect(steps.map((step) => step.kind)).toEqual([
      'object',
      'arguments',
      'object',
      'object',
      'object',
      'object',
      'command',
      'arguments',
    ]);
  });

  it.each(
    rowsNamedBy('moment', [
      { moment: 'after the view_item_list push the model holds 2 items', step: 3, items: 2 },
      { moment: 'after ecommerce: null the model holds no items', step: 4, items: undefined },
      { moment: 'after the add_to_cart push that follows, only its 1 item', step: 5, items: 1 },
    ]),
  )('%s', (_, { step, items }) => {
    expect(itemCount(steps[step])).toBe(items);
  });

  it('clears ecommerce to null rather than deleting it', () => {
    expect(steps[4]?.model).toHaveProperty('ecommerce', null);
  });

  it('flags the array push as gtag_array_push and leaves the model as it was', () => {
    const arrayPush = steps[6];

    expect(arrayPush?.warnings.map((warning) => warning.code)).toEqual(['gtag_array_push']);
    expect(arrayPush?.model).toEqual(steps[5]?.model);
    const others = steps.filter((step) => step !== arrayPush);
    expect(others.flatMap((step) => step.warnings)).toEqual([]);
  });

  it('without the null push, the earlier list leaves a stale second item in the cart', () => {
    const pushes = [
      { event: 'view_item_list', ecommerce: { items: [{ item_id: 'A' }, { item_id: 'B' }] } },
      { event: 'add_to_cart', ecommerce: { items: [{ item_id: 'C' }] } },
    ];
    const file = scratch.write('no-clearing.json', JSON.stringify(pushes));

    const [, addToCart] = replay(file);

    expect(addToCart?.model.ecommerce?.items).toEqual([{ item_id: 'C' }, { item_id: 'B' }]);
  });

  it('prints a table with the kind, the event, warnings and the model of each step', () => {
    const run = runCli(['replay', fixturePath('pushes.json'), '--format', 'table']);

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^#3 object +view_item_list$/m);
    expect(run.stdout).toMatch(/^#6 command +—\n +! gtag_array_push: /m);
    expect(run.stdout).toMatch(/^ +model: \{.*"event":"add_to_cart".*\}$/m);
  });
});

describe('tagwarden replay, broken files', () => {
  it.each(
    rowsNamedBy('problem', [
      {
        problem: 'invalid JSON',
        name: 'truncated.json',
        text: '[{"event": "gtm.js"},',
        says: 'is not valid JSON',
      },
      {
        problem: 'an object',
        name: 'object.json',
        text: '{"event": "gtm.js"}',
        says: 'holds JSON but not an array',
      },
      { problem: 'null', name: 'null.json', text: 'null', says: 'holds JSON but not an array' },
    ]),
  )('exits 2 on %s, naming the file and the shape it needs', (_, { name, text, says }) => {
    const file = scratch.write(name, text);

    const run = runCli(['replay', file]);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`tagwarden: ${file} ${says}`);
    expect(run.stderr).toMatch(/→ .*\[/);
  });

  it('exits 2 naming a file that does not exist', () => {
    const file = `${scratch.path}/no-such-pushes.json`;

    const run = runCli(['replay', file]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}: no such file`);
  });
});
