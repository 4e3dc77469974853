/**
 * Payment card numbers: 13–19 digits, optionally grouped with spaces or dashes, starting with a
 * known network prefix at a length that network issues, and passing the Luhn check. The prefix
 * check matters: 13-digit millisecond timestamps (`1749196701069`) pass Luhn one time in ten.
 */
const cardShape = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![ -]?\d)/g;

interface Network {
  prefixes: Array<[number, number]>;
  lengths: number[];
}

// Issuer identification ranges (first digits) and lengths, per ISO/IEC 7812 network tables.
const networks: Network[] = [
  { prefixes: [[4, 4]], lengths: [13, 16, 19] },
  {
    prefixes: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
  },
  {
    prefixes: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
  },
  {
    prefixes: [
      [6011, 6011],
      [644, 649],
      [65, 65],
    ],
    lengths: [16, 17, 18, 19],
  },
  { prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19] },
  {
    prefixes: [
      [300, 305],
      [36, 36],
      [38, 39],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { prefixes: [[62, 62]], lengths: [16, 17, 18, 19] },
  {
    prefixes: [
      [5018, 5018],
      [5020, 5020],
      [5038, 5038],
      [5893, 5893],
      [6304, 6304],
      [6759, 6759],
      [6761, 6763],
    ],
    lengths: [13, 14, 15, 16, 17, 18, 19],
  },
];

// The network table flattened to one entry per prefix range, read without allocating.
const issuerRanges = networks.flatMap((network) =>
  network.prefixes.map(([low, high]) => ({
    low,
    high,
    width: String(low).length,
    lengths: network.lengths,
  })),
);

export function detectCardNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(cardShape)) {
    const candidate = match[0];
    const digits = groupedDigits(candidate);
    if (digits !== undefined && isIssuedLength(digits) && passesLuhn(digits)) found.push(candidate);
  }
  return found;
}

// The digits of a candidate grouped with one kind of separator; undefined when it mixes
// spaces and dashes. Written as a loop: the regular-expression version cost about 0.7 µs per
// candidate, and 13-digit timestamps and ids make candidates in ordinary traffic.
function groupedDigits(candidate: string): string | undefined {
  let separator = -1;
  let digits = '';
  for (let index = 0; index < candidate.length; index++) {
    const code = candidate.charCodeAt(index);
    if (code >= 48 && code <= 57) digits += candidate[index];
    else if (separator === -1) separator = code;
    else if (code !== separator) return undefined;
  }
  return separator === -1 ? candidate : digits;
}

function isIssuedLength(digits: string): boolean {
  for (const range of issuerRanges) {
    if (!range.lengths.includes(digits.length)) continue;
    const prefix = leadingNumber(digits, range.width);
    if (prefix >= range.low && prefix <= range.high) return true;
  }
  return false;
}

function leadingNumber(digits: string, width: number): number {
  let value = 0;
  for (let index = 0; index < width; index++) value = value * 10 + digits.charCodeAt(index) - 48;
  return value;
}

/** The Luhn (mod 10) checksum every payment card number carries in its last digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
