/**
 * Masked forms of detected values: enough to recognise which value is meant, never enough to
 * recover it.
 */

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** Keeps a leading `+`, the first two and the last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const prefix = phone.trimStart().startsWith('+') ? '+' : '';
  if (digits.length <= 4) return `${prefix}${'*'.repeat(digits.length)}`;
  return `${prefix}${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}

/** Keeps the last four digits, as card receipts do. */
export function maskCardNumber(card: string): string {
  const digits = card.replace(/\D/g, '');
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** Keeps the country code and the last four characters. */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s/g, '');
  return `${compact.slice(0, 2)}${'*'.repeat(Math.max(compact.length - 6, 0))}${compact.slice(-4)}`;
}

/** Keeps the network half of the address. */
export function maskIpAddress(address: string): string {
  if (address.includes(':')) return `${address.split(':')[0] ?? ''}:****`;
  const octets = address.split('.');
  return `${octets[0]}.${octets[1]}.*.*`;
}

export function maskHash(hash: string): string {
  return `${hash.slice(0, 6)}…(${hash.length} hex)`;
}

/** First character, then stars: for names, addresses and other free text. */
export function maskText(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? '' : `${Array.from(trimmed)[0]}***`;
}
