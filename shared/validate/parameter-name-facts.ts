import { rememberPerName } from '../text/remember-per-name.js';
import { exceedsCharacters } from './count-characters.js';
import {
  ga4Limits,
  longValueLimits,
  reservedParameterPrefixes,
  standardItemFields,
} from './ga4-rules.js';
import type { CompiledNamingRule } from './naming-rules.js';

/** What the name checks need to know about one parameter name. */
export interface ParameterNameFacts {
  /** Follows the plan's parameter naming rule (or the plan has none). */
  isConventional: boolean;
  /** The GA4-reserved prefix the name starts with, if any. */
  reservedPrefix: string | undefined;
  /** Longer than GA4 keeps a parameter name. */
  isTooLong: boolean;
  /** The most characters GA4 keeps of a string value under this name. */
  valueLimit: number;
  /** A field GA4 defines for items; any other item key is a custom item parameter. */
  isStandardItemField: boolean;
}

export type NameFactsLookup = (name: string) => ParameterNameFacts;

/**
 * Parameter-name facts for one plan, remembered per name: real traffic repeats a few hundred
 * names, and the naming, GA4-limit and reserved-name checks each asked about every one of
 * them in every event. Only names are remembered, never values.
 */
export function createNameFacts(parameterRule: CompiledNamingRule | null): NameFactsLookup {
  return rememberPerName((name) => ({
    isConventional: parameterRule === null || parameterRule.accepts(name),
    reservedPrefix: reservedParameterPrefixes.find((prefix) => name.startsWith(prefix)),
    isTooLong: exceedsCharacters(name, ga4Limits.parameterNameLength),
    valueLimit: Object.hasOwn(longValueLimits, name)
      ? (longValueLimits[name] ?? ga4Limits.parameterValueLength)
      : ga4Limits.parameterValueLength,
    isStandardItemField: standardItemFields.has(name),
  }));
}
