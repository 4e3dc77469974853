const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes base64 (standard or URL-safe alphabet, padding optional) into UTF-8 text.
 * Returns undefined when the input is not base64 or the bytes are not UTF-8. Never throws.
 */
export function decodeBase64Text(text: string): string | undefined {
  const standard = text.replaceAll('-', '+').replaceAll('_', '/');
  if (!/^[A-Za-z\d+/]*={0,2}$/.test(standard) || standard.length % 4 === 1) {
    return undefined;
  }
  const padded = standard.padEnd(Math.ceil(standard.length / 4) * 4, '=');
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) {
      bytes[index] = binary.charCodeAt(index);
    }
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
