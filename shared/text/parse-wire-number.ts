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
