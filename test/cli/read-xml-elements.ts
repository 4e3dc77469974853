export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Index of the enclosing element in the returned list; -1 at the root. */
  parent: number;
  text: string;
}

const declaration = '<?xml version="1.0" encoding="UTF-8"?>';
const tagPattern = /^<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"<>]*")*)\s*(\/?)>$/;
const attributePattern = /([\w:.-]+)="([^"]*)"/g;
const entityPattern = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;
// XML 1.0 forbids these even when escaped (https://www.w3.org/TR/xml/#charsets).
// eslint-disable-next-line no-control-regex
const forbiddenCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * A strict reader for the small XML the JUnit report writes: it throws on an unbalanced or
 * malformed tag, a bare `&`, `<` or `"`, or a character XML cannot carry, and returns every
 * element in document order with its decoded attributes and text.
 */
export function readXmlElements(xml: string): XmlElement[] {
  if (!xml.startsWith(`${declaration}\n`)) throw new Error('the XML declaration is missing');
  if (forbiddenCharacters.test(xml)) throw new Error('a control character XML cannot carry');

  const body = xml.slice(declaration.length);
  const elements: XmlElement[] = [];
  const open: number[] = [];
  let position = 0;
  for (const match of body.matchAll(/<[^>]*>/g)) {
    appendText(body.slice(position, match.index), elements, open);
    position = match.index + match[0].length;
    readTag(match[0], elements, open);
  }
  appendText(body.slice(position), elements, open);

  if (open.length > 0) throw new Error(`unclosed <${elements[open.at(-1) ?? 0]?.name}>`);
  return elements;
}

function readTag(tag: string, elements: XmlElement[], open: number[]): void {
  const parts = tagPattern.exec(tag);
  if (!parts) throw new Error(`malformed tag: ${tag}`);
  const [, closing, name = '', attributeText = '', selfClosing] = parts;

  if (closing) {
    const innermost = elements[open.pop() ?? -1];
    if (innermost?.name !== name) throw new Error(`</${name}> closes <${innermost?.name}>`);
    return;
  }

  const attributes: Record<string, string> = {};
  for (const [, key = '', value = ''] of attributeText.matchAll(attributePattern)) {
    if (entityPattern.test(value)) throw new Error(`bare & in ${key}="${value}"`);
    attributes[key] = decodeEntities(value);
  }
  elements.push({ name, attributes, parent: open.at(-1) ?? -1, text: '' });
  if (!selfClosing) open.push(elements.length - 1);
}

function appendText(text: string, elements: XmlElement[], open: number[]): void {
  if (text.trim() === '') return;
  if (entityPattern.test(text)) throw new Error(`bare & in text: ${text}`);
  const element = elements[open.at(-1) ?? -1];
  if (!element) throw new Error(`text outside the root element: ${text}`);
  element.text += decodeEntities(text);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
