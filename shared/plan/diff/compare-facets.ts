import type { Facets } from './flatten-event.js';
import type { ChangeKind, ChangeSubject, PlanChange } from './plan-diff-types.js';

type Change = Omit<PlanChange, 'event' | 'property' | 'message'> & { what: string };

const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'] as const;
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'] as const;

/**
 * How the constraints of one place differ between two plans, each classified: a constraint
 * added or narrowed tightens, one removed or widened loosens, one replaced by an unrelated
 * one changes.
 */
export function compareFacets(before: Facets, after: Facets): Change[] {
  const changes: Change[] = [];
  const push = (
    kind: ChangeKind,
    subject: ChangeSubject,
    what: string,
    from: unknown,
    to: unknown,
  ) =>
    changes.push({
      kind,
      subject,
      what,
      ...(from === undefined ? {} : { before: from }),
      ...(to === undefined ? {} : { after: to }),
    });

  if (
    before.required !== undefined &&
    after.required !== undefined &&
    before.required !== after.required
  )
    push(
      after.required ? 'tightened' : 'loosened',
      'required',
      after.required ? 'now required' : 'no longer required',
      before.required,
      after.required,
    );
  if ((before.additionalProperties ?? true) !== (after.additionalProperties ?? true))
    push(
      after.additionalProperties === false ? 'tightened' : 'loosened',
      'additionalProperties',
      after.additionalProperties === false
        ? 'no longer accepts unplanned properties'
        : 'now accepts unplanned properties',
      before.additionalProperties ?? true,
      after.additionalProperties ?? true,
    );

  compareSets('type', before.types, after.types, push, typeContains);
  compareSets('enum', before.enum, after.enum, push, (set, value) =>
    set.some((entry) => JSON.stringify(entry) === JSON.stringify(value)),
  );
  compareSingle('const', before.const, after.const, push);
  compareSingle('pattern', before.pattern, after.pattern, push);
  compareSingle('format', before.format, after.format, push);
  compareSingle('multipleOf', before.multipleOf, after.multipleOf, push);
  compareSingle(
    'uniqueItems',
    before.uniqueItems || undefined,
    after.uniqueItems || undefined,
    push,
  );
  for (const bound of lowerBounds) compareBound(bound, before[bound], after[bound], 'lower', push);
  for (const bound of upperBounds) compareBound(bound, before[bound], after[bound], 'upper', push);
  return changes;
}

type Push = (
  kind: ChangeKind,
  subject: ChangeSubject,
  what: string,
  from: unknown,
  to: unknown,
) => void;

function typeContains(set: unknown[], value: unknown): boolean {
  return set.includes(value) || (value === 'integer' && set.includes('number'));
}

// No list means "anything": adding one tightens, removing one loosens.
function compareSets(
  subject: 'type' | 'enum',
  before: unknown[] | undefined,
  after: unknown[] | undefined,
  push: Push,
  contains: (set: unknown[], value: unknown) => boolean,
) {
  const show = (set: unknown[] | undefined) =>
    set === undefined ? 'any' : set.map((value) => JSON.stringify(value)).join(', ');
  if (before === undefined && after === undefined) return;
  const what = `${subject} ${show(before)} → ${show(after)}`;
  if (before === undefined) return push('tightened', subject, what, undefined, after);
  if (after === undefined) return push('loosened', subject, what, before, undefined);
  const narrower = after.every((value) => contains(before, value));
  const wider = before.every((value) => contains(after, value));
  if (narrower && wider) return;
  push(narrower ? 'tightened' : wider ? 'loosened' : 'changed', subject, what, before, after);
}

function compareSingle(subject: ChangeSubject, before: unknown, after: unknown, push: Push) {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const show = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value));
  const what = `${subject} ${show(before)} → ${show(after)}`;
  if (before === undefined) return push('tightened', subject, what, before, after);
  if (after === undefined) return push('loosened', subject, what, before, after);
  push('changed', subject, what, before, after);
}

function compareBound(
  subject: ChangeSubject,
  before: number | undefined,
  after: number | undefined,
  side: 'lower' | 'upper',
  push: Push,
) {
  if (before === after) return;
  const what = `${subject} ${before ?? 'none'} → ${after ?? 'none'}`;
  if (before === undefined) return push('tightened', subject, what, before, after);
  if (after === undefined) return push('loosened', subject, what, before, after);
  const isTighter = side === 'lower' ? after > before : after < before;
  push(isTighter ? 'tightened' : 'loosened', subject, what, before, after);
}
