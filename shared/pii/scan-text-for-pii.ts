import { detectCardNumbers } from './detect-card-number.js';
import { detectEmails } from './detect-email.js';
import { detectIbans } from './detect-iban.js';
import { detectIpAddresses } from './detect-ip-address.js';
import { detectPhones } from './detect-phone.js';
import { maskCardNumber, maskEmail, maskIban, maskIpAddress, maskPhone } from './mask-excerpt.js';
import { noFindings } from './no-findings.js';
import type { PiiFinding, PiiKind } from './pii-types.js';
import {
  hasAtOrFourDigits,
  readDigitShape,
  readTextShape,
  type DigitShape,
  type TextShape,
} from './text-shape.js';

export interface TextScanOptions {
  skipIpAddresses?: boolean;
  skipPhones?: boolean;
}

const maxFindings = 10;

/**
 * Personal data inside free text, by value alone: emails, IBANs, card numbers, phone numbers
 * and IP addresses. One pass over the characters decides which detectors could match, so
 * ordinary values cost that pass alone. A match contained in an earlier one is not reported
 * twice. `knownShape` is the text's shape when the caller has read it already (whitespace
 * around the text does not change it). The shared empty result must not be modified.
 */
export function scanTextForPii(
  text: string,
  options: TextScanOptions = {},
  knownShape?: TextShape,
): readonly PiiFinding[] {
  if (knownShape === undefined && !hasAtOrFourDigits(text)) return noFindings;
  const shape = knownShape ?? readTextShape(text);
  const mayBeEmail = shape.hasAt;
  const mayBeIp = shape.digits >= 4 && !options.skipIpAddresses && mayHoldIpAddress(shape);
  // Phones, cards and IBANs all need seven digits or more.
  const digitShape = shape.digits >= 7 ? readDigitShape(text) : undefined;
  const mayBeIban = digitShape !== undefined && digitShape.hasIbanStart;
  const mayBeCard =
    shape.digits >= 13 &&
    digitShape !== undefined &&
    digitShape.longestCardRun >= 13 &&
    digitShape.hasIssuerStart;
  const mayBePhone =
    digitShape !== undefined && !options.skipPhones && mayHoldPhone(shape, digitShape);
  if (!mayBeEmail && !mayBeIban && !mayBeCard && !mayBePhone && !mayBeIp) return noFindings;

  const findings: PiiFinding[] = [];
  const seen: string[] = [];
  const report = (kind: PiiKind, matches: string[], mask: (value: string) => string) => {
    for (const match of matches) {
      if (findings.length >= maxFindings || seen.some((earlier) => earlier.includes(match)))
        continue;
      seen.push(match);
      findings.push({ kind, path: '', excerpt: mask(match), isHashed: false });
    }
  };

  if (mayBeEmail) report('email', detectEmails(text), maskEmail);
  if (mayBeIban) report('iban', detectIbans(text), maskIban);
  if (mayBeCard) report('card_number', detectCardNumbers(text), maskCardNumber);
  if (mayBePhone) report('phone', detectPhones(text), maskPhone);
  if (mayBeIp) report('ip_address', detectIpAddresses(text), maskIpAddress);
  return findings;
}

// International numbers start `+digit`; national ones `0digit` and are grouped; North
// American ones have ten digits and are grouped (the three patterns in detect-phone.ts). The
// starts include each pattern's look-behind: in `fb.1.1700000000000.1234567890123456789`
// (corpus A27's fbp) no run can start a phone number.
function mayHoldPhone(shape: TextShape, digitShape: DigitShape): boolean {
  if (digitShape.hasPlusDigit) return true;
  if (!digitShape.hasGroupSeparator) return false;
  return digitShape.hasNationalStart || (shape.digits >= 10 && digitShape.hasNorthAmericanStart);
}

// IPv4 needs three dots between digits; IPv6 a `::` or seven colons (detect-ip-address.ts).
function mayHoldIpAddress(shape: TextShape): boolean {
  return shape.dotsBetweenDigits >= 3 || shape.colons >= 2;
}
