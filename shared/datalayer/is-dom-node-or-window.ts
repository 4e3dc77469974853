/**
 * True for DOM nodes (anything with a truthy `nodeType`) and window objects, the two kinds
 * data-layer-helper refuses to treat as plain objects (protocol notes §11.1). Never throws.
 */
export function isDomNodeOrWindow(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;

  try {
    const candidate = value as { nodeType?: unknown; window?: unknown };
    return Boolean(candidate.nodeType) || candidate.window === candidate;
  } catch {
    return false;
  }
}
