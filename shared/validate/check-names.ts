import type { Violation } from '../events/event-types.js';
import { listsOwnKeysOnly } from '../pii/lists-own-keys-only.js';
import { appendPointer } from '../plan/json-pointer.js';
import {
  checkCustomItemCount,
  checkEventLimits,
  checkItemCount,
  checkParameterLimits,
} from './check-ga4-limits.js';
import { checkEventNaming, namingViolation, type NamingRules } from './check-naming.js';
import { checkReservedEventName, reservedParameterViolation } from './check-reserved-names.js';
import { ga4Limits } from './ga4-rules.js';
import type { EventNameFacts } from './event-name-facts.js';
import type { NameFactsLookup, ParameterNameFacts } from './parameter-name-facts.js';

/** Which name checks apply to an event: they depend on its layer and on the plan. */
export interface NameChecks {
  naming: NamingRules;
  limits: boolean;
  reserved: boolean;
  facts: NameFactsLookup;
}

/** Findings of the name checks, one list per check, each in the order a verdict shows it. */
export interface NameFindings {
  naming: Violation[];
  limits: Violation[];
  reserved: Violation[];
}

/**
 * Naming, GA4-limit and reserved-name findings for the event name, its parameters and its
 * item parameters, in one pass over the parameter names with one remembered lookup per name.
 * Three passes, each asking about every name, took 0.72 µs per event on the bundled
 * captures; this one takes 0.30.
 */
export function checkNames(
  name: string | null,
  nameFacts: EventNameFacts | undefined,
  properties: Record<string, unknown>,
  checks: NameChecks,
): NameFindings {
  const findings: NameFindings = { naming: [], limits: [], reserved: [] };
  const event = name ?? 'this event';
  const keys = Object.keys(properties);
  // The name's facts say whether a check has anything to report; the check writes it.
  if (nameFacts && !nameFacts.isConventional)
    checkEventNaming(name, checks.naming, findings.naming);
  if (checks.limits) {
    const parameterCount = keys.length - (Object.hasOwn(properties, 'items') ? 1 : 0);
    checkEventLimits(name, parameterCount, findings.limits);
  }
  if (checks.reserved && nameFacts && mayBeReserved(nameFacts))
    checkReservedEventName(name, nameFacts.planned !== undefined, findings.reserved);

  const parameterRule = checks.naming.parameters;
  const isOwnOnly = listsOwnKeysOnly(properties);
  for (const key in properties) {
    if (!isOwnOnly && !Object.hasOwn(properties, key)) continue;
    const facts = checks.facts(key);
    if (parameterRule && !facts.isConventional) {
      const subject = `The parameter "${key}" in ${event}`;
      findings.naming.push(namingViolation(appendPointer('', key), subject, key, parameterRule));
    }
    const value = properties[key];
    if (checks.limits && key !== 'items' && mayExceedLimits(facts, value))
      checkParameterLimits(key, value, facts, undefined, event, findings.limits);
    if (checks.reserved && facts.reservedPrefix !== undefined)
      findings.reserved.push(reservedParameterViolation(key, facts.reservedPrefix));
  }

  const items = properties['items'];
  if (Array.isArray(items) && (parameterRule || checks.limits))
    checkItems(items, event, checks, findings);
  return findings;
}

function checkItems(
  items: unknown[],
  event: string,
  checks: NameChecks,
  findings: NameFindings,
): void {
  const parameterRule = checks.naming.parameters;
  if (checks.limits) checkItemCount(items, event, findings.limits);
  // Both sets stay unmade while every item key is conventional and standard.
  let reportedNames: Set<string> | undefined;
  let customNames: Set<string> | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    const record = item as Record<string, unknown>;
    const isOwnOnly = listsOwnKeysOnly(record);
    for (const key in record) {
      if (!isOwnOnly && !Object.hasOwn(record, key)) continue;
      const facts = checks.facts(key);
      if (parameterRule && !facts.isConventional && !reportedNames?.has(key)) {
        (reportedNames ??= new Set()).add(key);
        const path = appendPointer(appendPointer('/items', index), key);
        const subject = `The item parameter "${key}" in ${event}`;
        findings.naming.push(namingViolation(path, subject, key, parameterRule));
      }
      if (!checks.limits) continue;
      if (!facts.isStandardItemField) (customNames ??= new Set()).add(key);
      const value = record[key];
      if (mayExceedLimits(facts, value))
        checkParameterLimits(key, value, facts, index, event, findings.limits);
    }
  }
  if (checks.limits) checkCustomItemCount(customNames?.size ?? 0, event, findings.limits);
}

// What `checkParameterLimits` reports on needs a long name or a long string value. Asked
// before calling it: most parameters have neither, and the call for each of them showed among
// the item walk's top costs when profiling validation of the bundled captures.
function mayExceedLimits(facts: ParameterNameFacts, value: unknown): boolean {
  return (
    facts.isTooLong || (typeof value === 'string' && value.length > ga4Limits.parameterValueLength)
  );
}

// What `checkReservedEventName` reports on: a reserved prefix, or a reserved name not planned.
function mayBeReserved(facts: EventNameFacts): boolean {
  return (
    facts.reservedPrefix !== undefined || (facts.isReservedName && facts.planned === undefined)
  );
}
