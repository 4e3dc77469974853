// Local part and domain as RFC 5321 allows them in practice; the look-arounds stop a match
// from starting or ending inside a longer token.
const emailPattern =
  /(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])/g;

// Retina asset names such as `logo@2x.png` have the shape of an address.
const retinaSuffix = /@\d+(?:\.\d+)?x\./i;

/** Email addresses in `text`. */
export function detectEmails(text: string): string[] {
  if (!text.includes('@')) return [];
  return Array.from(text.matchAll(emailPattern), (match) => match[0]).filter(
    (email) => !retinaSuffix.test(email),
  );
}
