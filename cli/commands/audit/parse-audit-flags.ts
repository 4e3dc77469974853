import { InvalidArgumentError } from 'commander';
import { UsageError } from '../../usage-error.js';

/** A commander parser for a whole number of at least `minimum`, naming the option on failure. */
export function wholeNumberAtLeast(minimum: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < minimum)
      throw new InvalidArgumentError(
        `expected a whole number of at least ${minimum}, got "${text}"`,
      );
    return value;
  };
}

/** Collects a repeatable option's values in order. */
export function collectValues(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The start URLs as absolute http(s) URLs without their fragment, or a UsageError naming the first bad one. */
export function parseStartUrls(texts: string[]): string[] {
  return texts.map((text) => {
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      throw new UsageError(
        `start URL ${text} is not an http(s) URL`,
        'Give absolute addresses such as https://www.example.com/ (scheme included).',
      );
    url.hash = '';
    return url.href;
  });
}
