import { describe, expect, it } from 'vitest';
import { rememberLast } from '../../shared/text/remember-last.js';

describe('rememberLast', () => {
  it('answers the same input again without computing, and a new input by computing', () => {
    const inputs: Array<string | undefined> = [];
    const hostOf = rememberLast((location: string | undefined) => {
      inputs.push(location);
      return location === undefined ? null : new URL(location).hostname;
    });
    const answers = [
      hostOf('https://shop.example.com/cart'),
      hostOf('https://shop.example.com/cart'),
      hostOf('https://www.example.org/'),
      hostOf('https://shop.example.com/cart'),
    ];
    expect(answers).toEqual([
      'shop.example.com',
      'shop.example.com',
      'www.example.org',
      'shop.example.com',
    ]);
    expect(inputs).toEqual([
      'https://shop.example.com/cart',
      'https://www.example.org/',
      'https://shop.example.com/cart',
    ]);
  });

  it('computes the first answer even when the input is undefined', () => {
    let calls = 0;
    const nameOf = rememberLast((value: string | undefined) => {
      calls += 1;
      return value ?? 'none';
    });
    expect([nameOf(undefined), nameOf(undefined), nameOf('a')]).toEqual(['none', 'none', 'a']);
    expect(calls).toBe(2);
  });

  it('tells NaN apart from itself, as === does, so it is computed each time', () => {
    let calls = 0;
    const twice = rememberLast((value: number) => {
      calls += 1;
      return value * 2;
    });
    expect(Number.isNaN(twice(NaN)) && Number.isNaN(twice(NaN))).toBe(true);
    expect(calls).toBe(2);
  });
});
