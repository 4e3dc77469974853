import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentDecode } from '../../shared/text/percent-decode.js';

describe('percentDecode', () => {
  it.each([
    ['text without escapes as is', 'Mod DB', 'Mod DB'],
    ['ASCII escapes', 'Sesamy%20Demo%20Page', 'Sesamy Demo Page'],
    ['an escaped plus as a plus (13%2B5MP, protocol §2.1)', '13%2B5MP', '13+5MP'],
    [
      'an en dash (sample A17)',
      'Formatos%20Institucionales%20%E2%80%93%20ITM',
      'Formatos Institucionales – ITM',
    ],
    ['CJK (sample A30)', '%E6%B0%B4%E9%A3%BD%E9%A3%BD', '水飽飽'],
    ['a four-byte character', '%F0%9F%98%80', '😀'],
    ['lowercase hex digits', '%e2%80%93', '–'],
    ['a double-encoded value exactly once (sample A30)', '%25E7%25B2%25BE', '%E7%B2%BE'],
    [
      'a raw non-ASCII character left unencoded (sample B3)',
      'Hazenet.dk%20–%20VMware',
      'Hazenet.dk – VMware',
    ],
  ])('decodes %s', (_, input, expected) => {
    expect(percentDecode(input)).toEqual({ value: expected, isMalformed: false });
  });

  it.each([
    ['a lone percent sign', '100%', '100%'],
    ['a percent sign before non-hex text', '%zz%20ok', '%zz ok'],
    ['a truncated escape at the end', 'abc%2', 'abc%2'],
    ['a multi-byte character cut short (%E2%8)', 'x%E2%8', 'x%E2%8'],
    ['a lead byte without its continuation bytes', '%E2%80 ok %20', '%E2%80 ok  '],
    ['a byte that is never valid UTF-8', 'caf%FF%C3%A9', 'caf%FFé'],
    ['a stray continuation byte next to valid CJK', '%80%E6%B0%B4', '%80水'],
    ['an overlong encoding of "/"', '%C0%AF%2F', '%C0%AF/'],
    ['an encoded surrogate half', '%ED%A0%80x', '%ED%A0%80x'],
    ['a code point past U+10FFFF', '%F4%90%80%80', '%F4%90%80%80'],
  ])('keeps %s literally and flags it as malformed', (_, input, expected) => {
    expect(percentDecode(input)).toEqual({ value: expected, isMalformed: true });
  });

  it('reads + as a space only when asked', () => {
    expect(percentDecode('a+b%2Bc').value).toBe('a+b+c');
    expect(percentDecode('a+b%2Bc', { plusAsSpace: true }).value).toBe('a b+c');
  });

  it('agrees with decodeURIComponent wherever that accepts the input', () => {
    const escapeOrText = fc.oneof(
      fc.string(),
      fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, '0')}`),
      fc.string({ unit: 'grapheme' }).map((text) => encodeURIComponent(text)),
    );
    fc.assert(
      fc.property(fc.array(escapeOrText, { maxLength: 12 }), (pieces) => {
        const input = pieces.join('');
        let expected: string | undefined;
        try {
          expected = decodeURIComponent(input);
        } catch {
          expected = undefined;
        }
        const decoded = percentDecode(input);
        expect(decoded.isMalformed).toBe(expected === undefined);
        if (expected !== undefined) {
          expect(decoded.value).toBe(expected);
        }
      }),
    );
  });

  it('never throws, and decodes the valid escapes around malformed ones', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (garbage, text) => {
        const input = `${garbage}%zz${encodeURIComponent(text)}`;
        const decoded = percentDecode(input);
        expect(decoded.value.endsWith(`%zz${text}`)).toBe(true);
      }),
    );
  });
});
