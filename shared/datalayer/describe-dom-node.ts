const MAX_SUMMARY_LENGTH = 200;

interface NodeLike {
  window?: unknown;
  localName?: unknown;
  nodeName?: unknown;
  id?: unknown;
  className?: unknown;
}

/**
 * Summarises a DOM node as a CSS-like selector (`a#buy.btn.primary`, `#text`, `window`) for
 * the `{"$node": …}` marker: enough to recognise GTM's `gtm.element` without cloning it.
 * Never throws.
 */
export function describeDomNode(node: object): string {
  try {
    const candidate = node as NodeLike;
    if (candidate.window === candidate) return 'window';

    const id = typeof candidate.id === 'string' && candidate.id !== '' ? `#${candidate.id}` : '';
    const classes = classNamesOf(candidate.className).map((name) => `.${name}`);
    return `${nameOf(candidate)}${id}${classes.join('')}`.slice(0, MAX_SUMMARY_LENGTH);
  } catch {
    return 'node';
  }
}

function nameOf(node: NodeLike): string {
  if (typeof node.localName === 'string' && node.localName !== '') return node.localName;
  if (typeof node.nodeName === 'string' && node.nodeName !== '') return node.nodeName.toLowerCase();
  return 'node';
}

// SVG elements expose `className` as an SVGAnimatedString whose text is in `baseVal`.
function classNamesOf(className: unknown): string[] {
  const text =
    typeof className === 'string'
      ? className
      : (className as { baseVal?: unknown } | null)?.baseVal;
  if (typeof text !== 'string') return [];
  return text.split(/\s+/).filter((name) => name !== '');
}
