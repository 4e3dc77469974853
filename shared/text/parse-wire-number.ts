/**
 * Reads a number the way it travels in analytics beacons: a decimal JavaScript number
 * turned into text (`30.03`, `-1`, `1e+21`). Returns undefined for anything else, including
 * `''`, `NaN`, `Infinity`, hex and padded text, which `Number()` alone would accept or
 * turn into 0.
 */
export function parseWireNumber(text: string): number | undefined {
  if (text.length === 0 || !isDecimalText(text)) {
    return undefined;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
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
