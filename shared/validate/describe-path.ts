import { splitPointer } from '../plan/json-pointer.js';

/** A JSON Pointer as people read it: `/items/0/price` → `items[0].price`. */
export function describePath(pointer: string): string {
  let text = '';
  for (const token of splitPointer(pointer)) {
    if (/^(0|[1-9]\d*)$/.test(token)) text += `[${token}]`;
    else text += text === '' ? token : `.${token}`;
  }
  return text === '' ? 'the event' : text;
}
