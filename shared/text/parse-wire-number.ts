/** Digit strings up to this length are below 2^53, so adding digit by digit is exact. */
const MAX_EXACT_DIGITS = 15;

/**
 * Reads a number the way it travels in analytics beacons: a decimal JavaScript number
 * turned into text (`30.03`, `-1`, `1e+21`). Returns undefined for anything else, including
 * `''`, `NaN`, `Infinity`, hex and padded text, which `Number()` alone would accept or
 * turn into 0.
 */
export function parseWireNumber(text: string): number | undefined {
  if (text.length === 0) {
    return undefined;
  }
  const integer = readDigits(text);
  if (integer !== undefined) {
    return integer;
  }
  const decimal = readShortDecimal(text);
  if (decimal !== undefined) {
    return decimal;
  }
  if (!isDecimalText(text)) {
    return undefined;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The value of a short run of plain digits (`_s`, `sct`, `_et`, quantities), or undefined.
 * Most wire numbers are such; reading them here skips `Number()`, which goes through the
 * engine's general number parser.
 */
function readDigits(text: string): number | undefined {
  if (text.length > MAX_EXACT_DIGITS) {
    return undefined;
  }
  let value = 0;
  for (let index = 0; index < text.length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) {
      return undefined;
    }
    value = value * 10 + digit;
  }
  return value;
}

/** Exact powers of ten, as many as a short decimal can have fraction digits. */
const POWERS_OF_TEN = Array.from({ length: MAX_EXACT_DIGITS + 1 }, (_, power) => 10 ** power);

/**
 * The value of `-12.34`-shaped text with at most fifteen digits, or undefined. Both the digits
 * as one integer and the power of ten are exact doubles, so one correctly rounded division
 * gives the double nearest the decimal, which is what `Number()` returns (Clinger's fast path).
 * Prices are such; `Number()` went through the engine's runtime for each one.
 */
function readShortDecimal(text: string): number | undefined {
  const isNegative = text.charCodeAt(0) === 45;
  const integerStart = isNegative ? 1 : 0;
  const pointAt = text.indexOf('.', integerStart);
  if (pointAt <= integerStart || pointAt === text.length - 1) {
    return undefined;
  }
  const fractionDigits = text.length - pointAt - 1;
  if (text.length - integerStart - 1 > MAX_EXACT_DIGITS) {
    return undefined;
  }
  let mantissa = 0;
  for (let index = integerStart; index < text.length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (index !== pointAt && (digit < 0 || digit > 9)) {
      return undefined;
    }
    mantissa = index === pointAt ? mantissa : mantissa * 10 + digit;
  }
  const value = mantissa / (POWERS_OF_TEN[fractionDigits] ?? 1);
  return isNegative ? -value : value;
}

/** Digits, sign, decimal point and exponent only: Number() does the real grammar check. */
function isDecimalText(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const isDigit = code >= 48 && code <= 57;
    const isNumberMark = code === 43 || code === 45 || code === 46 || code === 69 || code === 101;
    if (!isDigit && !isNumberMark) {
      return false;
    }
  }
  return true;
}
