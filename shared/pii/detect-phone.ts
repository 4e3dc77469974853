/**
 * Phone numbers: international (`+32 471 23 45 67`, `+1 (555) 010-0199`), national with a
 * trunk `0` and separators (`0471 23 45 67`, `06 12 34 56 78`, `020 7946 0958`), and North
 * American `(555) 010-0199` / `555-010-0199`. Bare digit runs are not phones: they are far
 * more often prices, timestamps and ids (`1749196701069`, `111111105.1700000005`).
 */
const international = /(?<![\w+])\+\d[\d ().-]{6,22}\d(?!\d)/g;
const national = /(?<![\w.,/+-])0\d{1,4}(?:[ ./-]\d{2,8}){1,5}(?![\d]|[ ./-]\d)/g;
const northAmerican = /(?<![\w.(-])(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\d]|[ .-]\d)/g;

// Dates share the shape of short grouped numbers: 01-02-2024, 2024.02.01, 01/02/2024.
const dateShape = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;

export function detectPhones(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(international)) {
    if (isPlausible(match[0], 8, 15) && hasBalancedSeparators(match[0])) found.push(match[0]);
  }
  for (const match of text.matchAll(national)) {
    if (isPlausible(match[0], 8, 13) && !dateShape.test(match[0])) found.push(match[0]);
  }
  for (const match of text.matchAll(northAmerican)) found.push(match[0]);
  return found;
}

/** Whether a value under a phone-named key is a phone number, with or without separators. */
export function isPhoneShaped(text: string): boolean {
  return /^\+?[\d ().-]+$/.test(text.trim()) && isPlausible(text, 7, 15);
}

function isPlausible(candidate: string, minDigits: number, maxDigits: number): boolean {
  let digits = 0;
  for (const character of candidate) if (character >= '0' && character <= '9') digits++;
  return digits >= minDigits && digits <= maxDigits;
}

function hasBalancedSeparators(candidate: string): boolean {
  if (/[ .-]{2}|\.\d*\.\d*\.\d*\./.test(candidate)) return false;
  const opened = candidate.split('(').length - 1;
  return opened === candidate.split(')').length - 1 && opened <= 1;
}
