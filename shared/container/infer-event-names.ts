import type { ContainerIndex, TagView } from './container-types.js';
import { asParameterList, parameterFlag, parameterText } from './find-parameter.js';
import { isJsonObject } from './is-json-object.js';
import type { ResolvedText } from './resolve-text.js';
import { resolveVariableReference } from './resolve-variable-reference.js';

/** The event names a tag may send, read statically. */
export interface EventNameReading {
  /** Names the tag certainly sends one of (a fixed name, or names its triggers match exactly). */
  names: string[];
  /** Patterns the name matches at run time (from regex triggers, or a name built around variables). */
  patterns: RegExp[];
  /** Whether every name the tag can send is covered by `names` and `patterns`. */
  isComplete: boolean;
}

/**
 * Reads which event names a GA4 tag sends. A fixed name is itself. A name that is only the
 * built-in `{{Event}}` takes the names its custom event triggers match (GTM's usual "one tag,
 * many events" pattern). Any other name built from variables gives a pattern around its fixed
 * parts, matched against planned names but never complete.
 */
export function inferEventNames(
  container: ContainerIndex,
  tag: TagView,
  eventName: ResolvedText,
): EventNameReading {
  if (eventName.value !== undefined)
    return { names: [eventName.value], patterns: [], isComplete: true };
  if (isEventVariable(container, eventName.raw)) {
    const fromTriggers = namesFromTriggers(container, tag);
    if (fromTriggers) return { ...fromTriggers, isComplete: true };
  }
  const pattern = patternOfName(eventName.raw);
  return { names: [], patterns: pattern ? [pattern] : [], isComplete: false };
}

function isEventVariable(container: ContainerIndex, raw: string): boolean {
  const name = /^\{\{([^{}]+)\}\}$/.exec(raw.trim())?.[1];
  if (name === undefined) return false;
  if (name === '_event') return true;
  const reference = resolveVariableReference(container, name);
  return reference.kind === 'built-in' && reference.builtIn.type === 'EVENT';
}

function namesFromTriggers(
  container: ContainerIndex,
  tag: TagView,
): Omit<EventNameReading, 'isComplete'> | undefined {
  if (tag.firingTriggerIds.length === 0) return undefined;
  const names: string[] = [];
  const patterns: RegExp[] = [];
  for (const id of tag.firingTriggerIds) {
    const trigger = container.triggersById.get(id);
    if (!trigger || trigger.type.replace(/_/g, '').toUpperCase() !== 'CUSTOMEVENT')
      return undefined;
    const conditions = Array.isArray(trigger.raw['customEventFilter'])
      ? trigger.raw['customEventFilter']
      : [];
    const condition = conditions.find(isJsonObject);
    if (conditions.length !== 1 || !condition) return undefined;
    const read = readEventCondition(condition);
    if (!read) return undefined;
    if (typeof read === 'string') names.push(read);
    else patterns.push(read);
  }
  return { names, patterns };
}

// A custom event trigger's one condition on {{_event}}: `equals` gives a name, `matches
// RegEx` a pattern (GTM regex conditions match anywhere in the value unless anchored).
function readEventCondition(condition: { [key: string]: unknown }): string | RegExp | undefined {
  const parameters = asParameterList(condition['parameter']);
  const subject = parameterText(parameters, 'arg0')?.trim();
  const value = parameterText(parameters, 'arg1');
  if (subject !== '{{_event}}' || value === undefined || parameterFlag(parameters, 'negate', false))
    return undefined;

  const type =
    typeof condition['type'] === 'string' ? condition['type'].replace(/_/g, '').toUpperCase() : '';
  if (type === 'EQUALS') return value;
  if (type !== 'MATCHREGEX') return undefined;
  try {
    return new RegExp(value, parameterFlag(parameters, 'ignore_case', false) ? 'iu' : 'u');
  } catch {
    return undefined;
  }
}

// "audio_{{DLV - audioStatus}}" matches audio_start, audio_complete…; a name with no fixed
// part would match every planned event and says nothing, so it gives no pattern.
function patternOfName(raw: string): RegExp | undefined {
  const parts = raw.split(/\{\{[^{}]+\}\}/);
  if (parts.join('').trim() === '') return undefined;
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.+')}$`, 'u');
}
