import type { VendorBeacon } from '../events/event-types.js';
import { addWarning } from '../ga4/add-warning.js';
import type { QueryPair } from '../text/parse-query.js';
import { parseWireNumber } from '../text/parse-wire-number.js';
import { setEntry } from '../text/set-entry.js';

/** What a wire key means: the parameter name it gets, and whether its value is a number. */
export interface ParamRule {
  name: string;
  isNumeric?: boolean;
}

/** A family of wire keys (`cd1`, `cd2` …), named from the match. */
export interface PatternRule {
  pattern: RegExp;
  name: (match: RegExpExecArray) => string;
  isNumeric?: boolean;
}

/** A vendor's key → meaning table. Keys it does not list are kept in `raw` only. */
export interface ParamRules {
  keys: Record<string, string | ParamRule>;
  patterns?: PatternRule[];
}

/** Starts a beacon with nothing decoded yet. */
export function createVendorBeacon(vendor: string, endpoint: string): VendorBeacon {
  return { layer: 'other', vendor, name: null, params: {}, raw: {}, endpoint, warnings: [] };
}

/**
 * Applies pairs to a beacon through a vendor's table: every pair's raw text goes to `raw`,
 * and listed keys go to `params` under their meaning, numbers as numbers. Later pairs win.
 */
export function applyVendorPairs(
  beacon: VendorBeacon,
  pairs: QueryPair[],
  rules: ParamRules,
): void {
  for (const pair of pairs) {
    setEntry(beacon.raw, pair.key, pair.rawValue);
    if (pair.isMalformed) {
      const message = `${pair.key} holds an invalid percent-escape, kept as written`;
      addWarning(beacon.warnings, 'malformed_escape', message, pair.key);
    }
    const rule = findRule(pair.key, rules);
    if (rule !== undefined) {
      setParam(beacon, pair.key, rule, pair.value);
    }
  }
}

/** Stores one value under a rule's name, as a number when the rule says so and it is one. */
export function setParam(beacon: VendorBeacon, key: string, rule: ParamRule, value: string): void {
  if (rule.isNumeric !== true || value === '') {
    setEntry(beacon.params, rule.name, value);
    return;
  }
  const number = parseWireNumber(value);
  if (number === undefined) {
    addWarning(beacon.warnings, 'not_a_number', `${key} "${value}" is not a number`, key);
  }
  setEntry(beacon.params, rule.name, number ?? value);
}

function findRule(key: string, rules: ParamRules): ParamRule | undefined {
  if (Object.hasOwn(rules.keys, key)) {
    const rule = rules.keys[key];
    return typeof rule === 'string' ? { name: rule } : rule;
  }
  for (const patternRule of rules.patterns ?? []) {
    const match = patternRule.pattern.exec(key);
    if (match !== null) {
      return { name: patternRule.name(match), isNumeric: patternRule.isNumeric };
    }
  }
  return undefined;
}
