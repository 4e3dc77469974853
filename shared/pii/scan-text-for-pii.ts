import { detectCardNumbers } from './detect-card-number.js';
import { detectEmails } from './detect-email.js';
import { detectIbans } from './detect-iban.js';
import { detectIpAddresses } from './detect-ip-address.js';
import { detectPhones } from './detect-phone.js';
import { maskCardNumber, maskEmail, maskIban, maskIpAddress, maskPhone } from './mask-excerpt.js';
import type { PiiFinding, PiiKind } from './pii-types.js';

export interface TextScanOptions {
  skipIpAddresses?: boolean;
  skipPhones?: boolean;
}

const maxFindings = 10;

/**
 * Personal data inside free text, by value alone: emails, IBANs, card numbers, phone numbers
 * and IP addresses. Cheap character tests decide which detectors run, so ordinary short
 * values cost a single pass. A match contained in an earlier one is not reported twice.
 */
export function scanTextForPii(text: string, options: TextScanOptions = {}): PiiFinding[] {
  const digits = countDigits(text);
  const hasAt = text.includes('@');
  const mayBeIp =
    digits >= 4 && !options.skipIpAddresses && (text.includes('.') || text.includes(':'));
  if (!hasAt && digits < 7 && !mayBeIp) return [];

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

  if (hasAt) report('email', detectEmails(text), maskEmail);
  if (digits >= 7) {
    report('iban', detectIbans(text), maskIban);
    if (digits >= 13) report('card_number', detectCardNumbers(text), maskCardNumber);
    if (!options.skipPhones) report('phone', detectPhones(text), maskPhone);
  }
  if (mayBeIp) report('ip_address', detectIpAddresses(text), maskIpAddress);
  return findings;
}

function countDigits(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}
