import type { Violation } from '../events/event-types.js';
import type { PiiFinding, PiiKind } from '../pii/pii-types.js';
import { describePath } from './describe-path.js';

const kindLabels: Record<PiiKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  card_number: 'a payment card number',
  iban: 'a bank account number (IBAN)',
  ip_address: 'an IP address',
  url_parameter: 'personal data in the URL',
  personal_field: 'personal data (by its name)',
  hashed: 'a hashed value',
};

/**
 * `pii_suspected` violations, quoting only the masked excerpt. Personal data is an error;
 * a hashed value is information (hashing is what Google asks for user-provided data).
 */
export function piiFindingsToViolations(findings: PiiFinding[], eventName: string): Violation[] {
  return findings.map((finding) => {
    const where = `"${describePath(finding.path)}" in ${eventName}`;
    const message = finding.isHashed
      ? `${where} holds a hashed value (${finding.excerpt}): not personal data itself; check it was meant to be sent.`
      : `${where} looks like ${kindLabels[finding.kind]} (${finding.excerpt}): remove it, or hash it before sending.`;
    return {
      code: 'pii_suspected',
      severity: finding.isHashed ? 'info' : 'error',
      path: finding.path,
      message,
      expected: finding.kind,
      actual: finding.excerpt,
    };
  });
}
