import { ibanLengths } from './iban-lengths.js';

// Country code, check digits, then the account in groups of four, spaced or not.
const ibanShape =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g;

/** IBANs with their country's length and a valid ISO 7064 mod-97 check. */
export function detectIbans(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ibanShape)) {
    const compact = match[0].replace(/ /g, '');
    const expected = ibanLengths[compact.slice(0, 2)];
    if (expected === compact.length && mod97(compact) === 1) found.push(match[0]);
  }
  return found;
}

/** The IBAN remainder: first four characters moved to the end, letters as 10–35. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const code = character.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}
