import { rememberPerName } from '../text/remember-per-name.js';
import type { NamingRule, NamingStyle } from '../plan/plan-types.js';

const stylePatterns: Record<NamingStyle, RegExp> = {
  snake_case: /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
  'kebab-case': /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
  // GA4's own rule: a letter first, then letters, digits and underscores (answer 13316687).
  ga4: /^[A-Za-z][A-Za-z0-9_]*$/,
};

export interface CompiledNamingRule {
  accepts(name: string): boolean;
  /** How the rule reads in a message: `snake_case` or `the pattern ^…$`. */
  label: string;
  /** A conforming spelling of `name`, when the rule is a style. */
  suggest(name: string): string | undefined;
}

/**
 * A naming rule ready to test names. Results are remembered: real traffic repeats a few
 * hundred names millions of times.
 */
export function compileNamingRule(rule: NamingRule | null): CompiledNamingRule | null {
  if (rule === null) return null;
  const pattern = 'style' in rule ? stylePatterns[rule.style] : safeRegex(rule.pattern);
  if (!pattern) return null;
  return {
    accepts: rememberPerName((name) => pattern.test(name)),
    label: 'style' in rule ? rule.style : `the pattern ${rule.pattern}`,
    suggest: (name) => ('style' in rule ? restyle(name, rule.style) : undefined),
  };
}

/** `name` rewritten in `style`, from its words (`websiteCountry` → `website_country`). */
export function restyle(name: string, style: NamingStyle): string | undefined {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
  if (words.length === 0) return undefined;
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  switch (style) {
    case 'snake_case':
    case 'ga4':
      return words.join('_');
    case 'kebab-case':
      return words.join('-');
    case 'camelCase':
      return (words[0] ?? '') + words.slice(1).map(capital).join('');
    case 'PascalCase':
      return words.map(capital).join('');
  }
}

function safeRegex(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}
