import type { FieldDifference, FieldValue } from './lineage-types.js';

/**
 * The fields a GA4 hit and its mirror copy disagree on, by JSON Pointer, sorted by path:
 * a value only one side carries, or a value that differs in content or in type (`"7.77"`
 * is not `7.77`: the warehouse column would differ). `ignored` paths are skipped.
 */
export function diffMirrorFields(
  hit: Readonly<Record<string, FieldValue>>,
  mirror: Readonly<Record<string, FieldValue>>,
  ignored: ReadonlySet<string>,
): FieldDifference[] {
  const paths = new Set([...Object.keys(hit), ...Object.keys(mirror)]);
  const differences: FieldDifference[] = [];

  for (const path of [...paths].sort()) {
    if (ignored.has(path)) continue;
    const hasHit = Object.hasOwn(hit, path);
    const hasMirror = Object.hasOwn(mirror, path);
    const hitValue = hasHit ? hit[path] : undefined;
    const mirrorValue = hasMirror ? mirror[path] : undefined;
    if (hasHit && hasMirror && hitValue === mirrorValue) continue;
    differences.push({
      path,
      ...(hitValue === undefined ? {} : { hit: hitValue }),
      ...(mirrorValue === undefined ? {} : { mirror: mirrorValue }),
    });
  }
  return differences;
}
