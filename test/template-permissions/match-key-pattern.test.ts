import { describe, expect, it } from 'vitest';
import { matchesKeyPattern } from '../../gtm-template/sandbox/permissions/match-key-pattern.js';

describe('key patterns', () => {
  it.each([
    ['event', 'event', true],
    ['ecommerce', 'ecommerce.*', true],
    ['ecommerce.items', 'ecommerce.*', true],
    ['ecommerce.items.0.price', 'ecommerce.*', true],
    ['anything.at.all', '*', true],
    ['ecommerceX', 'ecommerce.*', false],
    ['ecom', 'ecommerce.*', false],
    ['event.name', 'event', false],
    ['user_data', 'user_data.email', false],
  ])('says %s against %s is %s', (key, pattern, expected) => {
    expect(matchesKeyPattern(key, pattern)).toBe(expected);
  });
});
