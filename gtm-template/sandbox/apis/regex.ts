import type { ApiDefinition } from '../contract.js';
import { gtmString } from './gtm-conversions.js';

/**
 * True when a pattern uses what RE2 (GTM's regex engine, §2.7) lacks but JavaScript has:
 * lookahead, lookbehind, backreferences. Escapes and character classes are skipped, so
 * `\\1` (a backslash, then 1) and `[(?=]` stay allowed.
 */
export function usesWhatRe2Lacks(pattern: string): boolean {
  let isInClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\') {
      const next = pattern[index + 1] ?? '';
      if (!isInClass && (/[1-9]/.test(next) || next === 'k')) return true;
      index++;
    } else if (character === '[') isInClass = true;
    else if (character === ']') isInClass = false;
    else if (
      character === '(' &&
      !isInClass &&
      /^\?<?[=!]/.test(pattern.slice(index + 1, index + 4))
    )
      return true;
  }
  return false;
}

/**
 * `createRegex(pattern, flags?)` → a regex for testRegex and the string methods, or null when
 * the pattern is invalid, uses what RE2 lacks (lookahead, lookbehind, backreferences), or the
 * flags are anything but `g` and `i`. The value is a host RegExp the interpreter passes through.
 */
export const createRegexApi: ApiDefinition = {
  name: 'createRegex',
  contexts: ['server'],
  create: () => (pattern, flags) => {
    if (typeof pattern !== 'string') return null;
    const flagText = flags === undefined ? '' : flags;
    if (typeof flagText !== 'string' || !/^(?!.*(.).*\1)[gi]*$/.test(flagText)) return null;
    if (usesWhatRe2Lacks(pattern)) return null;
    try {
      return new RegExp(pattern, flagText);
    } catch {
      return null;
    }
  },
};

/**
 * `testRegex(regex, text)` → whether the regex matches. A `g` regex keeps its lastIndex between
 * calls, as GTM warns.
 */
export const testRegexApi: ApiDefinition = {
  name: 'testRegex',
  contexts: ['server'],
  create: () => (regex, text) => {
    if (!(regex instanceof RegExp)) return false;
    return regex.test(gtmString(text));
  },
};
