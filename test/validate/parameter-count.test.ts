import { describe, expect, it } from 'vitest';
import { stanAndFriendsTee } from './corpus-events.js';
import { bundledValidator } from './plans.js';

function parameters(count: number): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`p${index}`, index]));
}

function countViolations(properties: Record<string, unknown>) {
  const verdict = bundledValidator().validate({ name: 'page_view', layer: 'ga4', properties });
  return verdict.violations.filter((violation) => violation.message.includes('parameters;'));
}

describe('the GA4 limit on parameters per event', () => {
  it.each([
    ['25 parameters', parameters(25), []],
    [
      '25 parameters and items, which do not count',
      { ...parameters(25), items: [stanAndFriendsTee] },
      [],
    ],
    ['26 parameters', parameters(26), [26]],
    ['26 parameters and items', { ...parameters(26), items: [stanAndFriendsTee] }, [26]],
    ['a parameter named like an inherited key', { ...parameters(25), constructor: 'x' }, [26]],
  ])('counts %s', (_, properties, expected) => {
    expect(countViolations(properties).map((violation) => violation.actual)).toEqual(expected);
  });
});
