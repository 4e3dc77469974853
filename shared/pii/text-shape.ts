/**
 * What one pass over a text learns about its characters: enough to tell which detectors
 * cannot match, so they are not run. Each field is a necessary condition of a detector's
 * pattern, never a sufficient one: the detector still decides.
 */
export interface TextShape {
  digits: number;
  dots: number;
  /** Dots with a digit on each side: an IPv4 address has three. */
  dotsBetweenDigits: number;
  colons: number;
  hasAt: boolean;
  /** A `/`: every URL has one. */
  hasSlash: boolean;
  /**
   * No ASCII character other than hex digits and whitespace, so the trimmed text may be a
   * digest (characters past ASCII are left to the digest check itself).
   */
  mayBeHex: boolean;
}

/** The shape of `text`, read in one pass of a few comparisons per character. */
export function readTextShape(text: string): TextShape {
  let digits = 0;
  let dots = 0;
  let dotsBetweenDigits = 0;
  let colons = 0;
  let hasAt = false;
  let hasSlash = false;
  let mayBeHex = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      digits++;
      if (index >= 2 && text.charCodeAt(index - 1) === dot && isDigit(text.charCodeAt(index - 2)))
        dotsBetweenDigits++;
    } else if (code === 46) dots++;
    else if (code === 58) colons++;
    else if (code === 64) hasAt = true;
    else if (code === 47) hasSlash = true;
    if (mayBeHex && code < 128 && !isHexOrSpace(code)) mayBeHex = false;
  }
  return { digits, dots, dotsBetweenDigits, colons, hasAt, hasSlash, mayBeHex };
}

/**
 * Whether `text` holds an `@` or four digits, stopping at the first sign of either. Without
 * them no detector of scan-text-for-pii.ts can match: emails need the `@`, IP addresses four
 * digits, phones, cards and IBANs seven. A letter costs one comparison (every letter sits above
 * `@`), where `readTextShape` makes six: URL paths and query values are mostly words.
 */
export function hasAtOrFourDigits(text: string): boolean {
  let digits = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 64) continue;
    if (code === 64) return true;
    if (code >= 48 && code <= 57 && ++digits >= 4) return true;
  }
  return false;
}

/**
 * Where phone numbers, card numbers and IBANs could start, for texts with enough digits to
 * hold one (the patterns in detect-phone.ts, detect-card-number.ts and detect-iban.ts).
 */
export interface DigitShape {
  /** `+` then a digit: where an international phone number starts. */
  hasPlusDigit: boolean;
  /**
   * `0` then a digit, the `0` not following a letter, digit, `_`, `.`, `,`, `/`, `+` or `-`:
   * where a national phone number starts.
   */
  hasNationalStart: boolean;
  /**
   * A digit, or `(` then a digit, not following a letter, digit, `_`, `.`, `(` or `-`: where a
   * North American phone number starts.
   */
  hasNorthAmericanStart: boolean;
  /** A space, `.`, `/` or `-`: what phone numbers are grouped with. */
  hasGroupSeparator: boolean;
  /** The most digits in one run where single spaces or dashes may sit between digits. */
  longestCardRun: number;
  /**
   * A digit from 2 to 6 not following a digit or `-`: where a card number can start. Every
   * issuer range starts with one of them; millisecond timestamps and most ids start with 1.
   */
  hasIssuerStart: boolean;
  /** Two capitals then two digits: where an IBAN starts. */
  hasIbanStart: boolean;
}

export function readDigitShape(text: string): DigitShape {
  let hasPlusDigit = false;
  let hasNationalStart = false;
  let hasNorthAmericanStart = false;
  let hasGroupSeparator = false;
  let hasIssuerStart = false;
  let hasIbanStart = false;
  let cardRun = 0;
  let longestCardRun = 0;
  let previous = 0;
  let second = 0;
  let third = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isDigit(code)) {
      const continuesRun = isDigit(previous) || (isCardSeparator(previous) && isDigit(second));
      cardRun = continuesRun ? cardRun + 1 : 1;
      if (cardRun > longestCardRun) longestCardRun = cardRun;
      if (previous === plus) hasPlusDigit = true;
      else if (previous === zero && !isBeforeNational(second)) hasNationalStart = true;
      if (!isBeforeNorthAmerican(previous)) hasNorthAmericanStart = true;
      else if (previous === openParen && !isBeforeNorthAmerican(second))
        hasNorthAmericanStart = true;
      if (code >= 50 && code <= 54 && !isDigit(previous) && previous !== dash)
        hasIssuerStart = true;
      if (isDigit(previous) && isCapital(second) && isCapital(third)) hasIbanStart = true;
    } else if (code === dot || code === space || code === slash || code === dash) {
      hasGroupSeparator = true;
    }
    third = second;
    second = previous;
    previous = code;
  }
  return {
    hasPlusDigit,
    hasNationalStart,
    hasNorthAmericanStart,
    hasGroupSeparator,
    longestCardRun,
    hasIssuerStart,
    hasIbanStart,
  };
}

// What may not come before a national number's `0`: the look-behind `[\w.,/+-]` of the
// national pattern in detect-phone.ts.
function isBeforeNational(code: number): boolean {
  return (
    isWordCharacter(code) ||
    code === dot ||
    code === comma ||
    code === slash ||
    code === plus ||
    code === dash
  );
}

// The look-behind `[\w.(-]` of the North American pattern in detect-phone.ts.
function isBeforeNorthAmerican(code: number): boolean {
  return isWordCharacter(code) || code === dot || code === openParen || code === dash;
}

// `\w` without the `u` flag: ASCII letters, digits and `_`.
function isWordCharacter(code: number): boolean {
  return isDigit(code) || isCapital(code) || (code >= 97 && code <= 122) || code === underscore;
}

const zero = 48;
const plus = 43;
const dot = 46;
const space = 32;
const slash = 47;
const dash = 45;
const comma = 44;
const openParen = 40;
const underscore = 95;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isCardSeparator(code: number): boolean {
  return code === space || code === dash;
}

// Hex digits, and the ASCII whitespace `trim` removes from a digest's ends.
function isHexOrSpace(code: number): boolean {
  if (code >= 48 && code <= 57) return true;
  if ((code >= 97 && code <= 102) || (code >= 65 && code <= 70)) return true;
  return code === space || (code >= 9 && code <= 13);
}
