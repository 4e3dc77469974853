/**
 * The result of comparing two tracking plans, as data: every difference that changes which
 * events are valid, classified by whether it lets fewer values through (tightened) or more
 * (loosened).
 */

export type ChangeKind = 'added' | 'removed' | 'tightened' | 'loosened' | 'changed';

/** What a change is about: the event or property itself, or one of its constraints. */
export type ChangeSubject =
  | 'event'
  | 'property'
  | 'status'
  | 'required'
  | 'additionalProperties'
  | 'type'
  | 'enum'
  | 'const'
  | 'pattern'
  | 'format'
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'exclusiveMaximum'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'maxItems'
  | 'multipleOf'
  | 'uniqueItems';

export interface PlanChange {
  kind: ChangeKind;
  subject: ChangeSubject;
  event: string;
  /** The property, dotted, with `[]` for list elements (`items[].price`); `''` for the event. */
  property: string;
  before?: unknown;
  after?: unknown;
  /** One sentence saying what changed, for people. */
  message: string;
}

export interface PlanDiff {
  old: { name: string; format: string };
  new: { name: string; format: string };
  changes: PlanChange[];
  summary: Record<ChangeKind, number>;
}
