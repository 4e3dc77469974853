import fc from 'fast-check';

/** Pairs with keys that pollute prototypes or break naive decoders, each also as its own pair. */
const HOSTILE_PAIRS = [
  'ep.__proto__=x',
  'epn.__proto__=1',
  'up.constructor=y',
  '__proto__=polluted',
  '__proto__[polluted]=1',
  'constructor.prototype.polluted=1',
  'sst.__proto__=1',
  'pr1=k__proto__~v0x',
  'pr1=k0__proto__~v0polluted',
  'pr2=k0constructor~v0x~kprototype',
  'cd[__proto__]=1',
  'cd[contents]=%7B%22__proto__%22%3A%7B%22polluted%22%3A1%7D%7D',
  'gcd=13',
  'gcd=13P3Q3r',
  'gcs=G1',
  '_et=NaN',
  'epn.value=1e999',
  'uafvl=%25%7C%3B',
  'pr99999999999999999999=idX',
];

/** Fragments that have broken naive decoders: escapes, separators, prototype keys. */
export const HOSTILE_FRAGMENTS = [
  '%',
  '%E2%8',
  '%E2%80',
  '%FF',
  '%zz',
  '~',
  '~~',
  '&',
  '&&',
  '=',
  '==',
  '\r\n',
  '\n',
  '\\r\\',
  ' en=',
  '+',
  '&amp;amp;',
  'en=',
  '&en=x',
  ...HOSTILE_PAIRS,
  ...HOSTILE_PAIRS.map((pair) => `&${pair}&`),
];

/** A real capture, truncated, cut or with hostile fragments dropped in at random places. */
export function mutatedText(originals: string[]): fc.Arbitrary<string> {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), length: fc.nat(20) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ unit: 'binary' })),
    }),
  );
  return fc
    .tuple(fc.constantFrom(...originals), fc.array(mutation, { maxLength: 6 }))
    .map(([original, mutations]) =>
      mutations.reduce((text, step) => {
        const at = text.length === 0 ? 0 : step.at % (text.length + 1);
        if (step.kind === 'truncate') return text.slice(0, at);
        if (step.kind === 'remove') return text.slice(0, at) + text.slice(at + step.length);
        return text.slice(0, at) + step.text + text.slice(at);
      }, original),
    );
}

/** A body of random lines made of hostile fragments and random text. */
export const randomBody: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ unit: 'binary' }), fc.string()),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** Fails the test if anything reached `Object.prototype`. */
export function expectPrototypeUntouched(namesBefore: string[]): void {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || probe.x !== undefined) {
    throw new Error('Object.prototype was polluted');
  }
  const namesAfter = Object.getOwnPropertyNames(Object.prototype);
  if (namesAfter.length !== namesBefore.length) {
    throw new Error(`Object.prototype changed: ${namesAfter.join(', ')}`);
  }
}

/** Walks decoded output: every object must be plain (or an array) and JSON must round-trip. */
export function expectPlainData(value: unknown): void {
  const text = JSON.stringify(value);
  if (typeof text !== 'string') {
    throw new Error('output is not JSON-serialisable');
  }
  visit(value);
}

function visit(value: unknown): void {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error('a non-finite number reached the output');
    }
    return;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype) {
    throw new Error('an output object lost its plain prototype');
  }
  for (const key of Object.keys(value)) {
    visit((value as Record<string, unknown>)[key]);
  }
}
