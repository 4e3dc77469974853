import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadedPlanModule } from '../../extension/loaded-plan-plugin.js';
import { loadPlan } from '../../shared/plan/load-plan.js';

const bundledText = readFileSync(
  new URL('../../shared/plans/ga4-recommended.yaml', import.meta.url),
  'utf8',
);
const PREFIX = 'export default JSON.parse(';

/** The value a module made by `loadedPlanModule` exports. */
function exportedValue(moduleText: string): unknown {
  expect(moduleText.startsWith(PREFIX)).toBe(true);
  const literal = moduleText.slice(PREFIX.length, moduleText.lastIndexOf(')'));
  return JSON.parse(JSON.parse(literal) as string);
}

describe('the plan the background is built with', () => {
  it.each([
    ['the bundled GA4 recommended events', bundledText, 'ga4-recommended.yaml'],
    [
      'a small site plan',
      'name: shop plan\nevents:\n  signup:\n    required: [method]\n    properties:\n      method: { type: string }\n',
      'shop.yaml',
    ],
  ])('is %s exactly as loadPlan reads it at run time', (_, text, fileName) => {
    const loaded = loadPlan(text, fileName);
    expect(loaded.ok).toBe(true);
    expect(exportedValue(loadedPlanModule(text, fileName))).toEqual(loaded.ok && loaded.plan);
  });

  it.each([
    ['YAML that does not parse', 'events: [unclosed', 'broken.yaml'],
    ['an event that is not an object', 'name: p\nevents:\n  signup: 3\n', 'odd.yaml'],
  ])('fails the build for %s, naming the file', (_, text, fileName) => {
    expect(loadPlan(text, fileName).ok).toBe(false);
    expect(() => loadedPlanModule(text, fileName)).toThrow(fileName);
  });
});
