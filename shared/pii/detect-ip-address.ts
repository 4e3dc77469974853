/**
 * IP addresses of people's devices.
 *
 * Four dotted numbers are also how browsers and libraries write versions: `136.0.7103.114`
 * and `99.0.0.0` sit in every client-hints `uafvl` value (corpus A6–A28). An IPv4 address is
 * therefore reported only when it cannot be such a version:
 * - exactly four parts, each 0–255 with no leading zero (`7103` rules out most versions);
 * - not glued to a longer dotted run, a word, or a `/`, `;` or `:` before it (`Chrome/120.0.0.0`,
 *   `Brand;99.0.0.0`, a URL's own host);
 * - a unicast host address: first part 1–223 and not 127, last part 1–254 (frozen versions
 *   end in `.0`: `99.0.0.0`, `8.0.0.0`);
 * - and the caller skips keys that hold versions (`isVersionKey`).
 */
const ipv4Shape = /(?<![\w./;:-])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w]|\.\d)/g;
const ipv6Shape = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;

export function detectIpAddresses(text: string): string[] {
  const found: string[] = [];
  if (text.includes('.')) {
    for (const match of text.matchAll(ipv4Shape)) {
      if (isHostIpv4(match.slice(1, 5) as string[])) found.push(match[0]);
    }
  }
  if (text.includes('::') || text.split(':').length > 7) {
    for (const match of text.matchAll(ipv6Shape)) if (isHostIpv6(match[0])) found.push(match[0]);
  }
  return found;
}

/** Keys whose values are versions, where four dotted numbers are not addresses. */
export function isVersionKey(key: string | undefined): boolean {
  if (key === undefined) return false;
  return /version|(?:^|_)ver$|^_?ua[a-z]{0,4}$/i.test(key);
}

function isHostIpv4(parts: string[]): boolean {
  if (parts.some((part) => part.length > 1 && part.startsWith('0'))) return false;
  const [first, , , last] = parts.map(Number) as [number, number, number, number];
  if (parts.map(Number).some((part) => part > 255)) return false;
  return first >= 1 && first <= 223 && first !== 127 && last >= 1 && last <= 254;
}

function isHostIpv6(candidate: string): boolean {
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (groups.some((group) => group === '' || group.length > 4)) return false;
  if (halves.length === 1 && groups.length !== 8) return false;
  if (halves.length === 2 && groups.length > 7) return false;
  if (groups.length < 3 || groups.every((group) => /^0+$/.test(group))) return false;
  return !/^::1$/.test(candidate);
}
