// Flags and placeholders that sit under personal-sounding names without being personal data
// (`has_email=true`, `phone=n/a`).
const placeholders = new Set([
  'true',
  'false',
  'yes',
  'no',
  'null',
  'undefined',
  'none',
  'n/a',
  'na',
  'on',
  'off',
  '0',
  '1',
  '-',
]);

/** Whether a value under a personal-data name could itself be personal data. */
export function isMeaningfulValue(value: string): boolean {
  const trimmed = value.trim();
  return (
    trimmed.length >= 2 && !placeholders.has(trimmed.toLowerCase()) && /[\p{L}\p{N}]/u.test(trimmed)
  );
}
