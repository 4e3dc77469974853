import type { AnyNode } from 'acorn';

/**
 * Whether a path through a tag has called `data.gtmOnSuccess()` / `data.gtmOnFailure()` yet:
 * certainly (`yes`), certainly not (`no`), or the check cannot tell (`maybe`).
 */
export type Reach = 'yes' | 'no' | 'maybe';

/** The states of every path that arrives at one point; empty when no path does. */
export type States = ReadonlySet<Reach>;

/** What evaluating a piece of code does to a path: completes it, might, or leaves it alone. */
export type Effect = 'yes' | 'maybe' | 'none';

/** Where paths go after a statement: on, back out through `return`, or out of a loop. */
export interface Flow {
  normal: States;
  returns: Array<{ states: States; node: AnyNode }>;
  breaks: States;
  continues: States;
}

export const nowhere: States = new Set();

export function union(...sets: States[]): States {
  return new Set(sets.flatMap((set) => [...set]));
}

/** The states after an effect: a completion makes every path `yes`; a possible one, `maybe`. */
export function applyEffect(states: States, effect: Effect): States {
  if (effect === 'none' || states.size === 0) return states;
  if (effect === 'yes') return new Set<Reach>(['yes']);
  return new Set([...states].map((state): Reach => (state === 'no' ? 'maybe' : state)));
}

/** Two effects one after the other. */
export function sequence(first: Effect, second: Effect): Effect {
  if (first === 'yes' || second === 'yes') return 'yes';
  return first === 'maybe' || second === 'maybe' ? 'maybe' : 'none';
}

/** An effect that may or may not happen (the right side of `&&`, one branch of a `?:`). */
export function weaken(effect: Effect): Effect {
  return effect === 'yes' ? 'maybe' : effect;
}

/** A function's body summarised: every path completes, none does, or some may. */
export type Summary = 'always' | 'never' | 'sometimes';

// A function none of whose paths ends normally (it always throws) is left undecided.
export function summaryOf(endStates: States): Summary {
  if (endStates.size === 1 && endStates.has('yes')) return 'always';
  if (endStates.size === 1 && endStates.has('no')) return 'never';
  return 'sometimes';
}

export function effectOfSummary(summary: Summary): Effect {
  return summary === 'always' ? 'yes' : summary === 'sometimes' ? 'maybe' : 'none';
}

export function emptyFlow(normal: States): Flow {
  return { normal, returns: [], breaks: nowhere, continues: nowhere };
}
