import type { Layer, Severity, ViolationCode } from '../events/event-types.js';
import { appendPointer } from './json-pointer.js';
import type { PlanIssues } from './plan-issues.js';
import type { NamingRule, NamingStyle, PlanGlobals } from './plan-types.js';
import {
  isRecord,
  readBoolean,
  readChoice,
  readStringList,
  typeName,
  warnUnknownKeys,
} from './read-plan-values.js';

export const allLayers: readonly Layer[] = ['datalayer', 'ga4', 'warehouse', 'other'];
export const severities: readonly Severity[] = ['error', 'warning', 'info'];
export const namingStyles: readonly NamingStyle[] = [
  'snake_case',
  'camelCase',
  'PascalCase',
  'kebab-case',
  'ga4',
];
const violationCodes: readonly ViolationCode[] = [
  'unplanned_event',
  'missing_required',
  'type_mismatch',
  'enum_mismatch',
  'pattern_mismatch',
  'out_of_range',
  'unexpected_property',
  'naming_convention',
  'ga4_limit',
  'reserved_name',
  'pii_suspected',
  'duplicate_event',
  'schema_violation',
  'deprecated_event',
];

/** The settings a plan gets when it says nothing (imported formats always get these). */
export function defaultGlobals(): PlanGlobals {
  return {
    naming: { events: null, parameters: null },
    ga4Limits: true,
    reservedNames: true,
    pii: { enabled: true, allow: [], layers: [...allLayers] },
    additionalProperties: true,
    unplannedEvents: 'warning',
    severity: {},
  };
}

const knownGlobals = [
  'naming',
  'ga4Limits',
  'reservedNames',
  'pii',
  'additionalProperties',
  'unplannedEvents',
  'severity',
];

/** The `globals` section of a tagwarden plan, defaults filled in. */
export function readPlanGlobals(value: unknown, pointer: string, issues: PlanIssues): PlanGlobals {
  const globals = defaultGlobals();
  if (value === undefined || value === null) return globals;
  if (!isRecord(value)) {
    issues.error(
      pointer,
      `"globals" must be a map of settings, not ${typeName(value)}.`,
      'Write "globals:" followed by indented settings such as "naming: snake_case".',
    );
    return globals;
  }

  warnUnknownKeys(value, knownGlobals, pointer, issues, 'globals');
  const at = (key: string) => appendPointer(pointer, key);
  globals.naming = readNaming(value['naming'], at('naming'), issues);
  globals.ga4Limits = readBoolean(value['ga4Limits'], at('ga4Limits'), issues, '"ga4Limits"', true);
  globals.reservedNames = readBoolean(
    value['reservedNames'],
    at('reservedNames'),
    issues,
    '"reservedNames"',
    true,
  );
  globals.pii = readPii(value['pii'], at('pii'), issues, globals.pii);
  globals.additionalProperties = readBoolean(
    value['additionalProperties'],
    at('additionalProperties'),
    issues,
    '"additionalProperties"',
    true,
  );
  globals.unplannedEvents =
    readChoice(
      value['unplannedEvents'],
      at('unplannedEvents'),
      issues,
      '"unplannedEvents"',
      severities,
    ) ?? 'warning';
  globals.severity = readSeverityOverrides(value['severity'], at('severity'), issues);
  return globals;
}

function readNaming(value: unknown, pointer: string, issues: PlanIssues): PlanGlobals['naming'] {
  if (value === undefined || value === null) return { events: null, parameters: null };
  if (isRecord(value) && ('events' in value || 'parameters' in value)) {
    warnUnknownKeys(value, ['events', 'parameters'], pointer, issues, '"naming"');
    return {
      events: readNamingRule(value['events'], appendPointer(pointer, 'events'), issues),
      parameters: readNamingRule(value['parameters'], appendPointer(pointer, 'parameters'), issues),
    };
  }
  const rule = readNamingRule(value, pointer, issues);
  return { events: rule, parameters: rule };
}

const namingHint = `Use a style (${namingStyles.join(', ')}) or a regular expression starting with "^", e.g. '^[a-z][a-z0-9_]*$'.`;

function readNamingRule(value: unknown, pointer: string, issues: PlanIssues): NamingRule | null {
  if (value === undefined || value === null || value === false) return null;
  const text =
    typeof value === 'string'
      ? value
      : isRecord(value)
        ? (value['style'] ?? value['pattern'])
        : undefined;
  const isPattern = isRecord(value)
    ? 'pattern' in value
    : typeof text === 'string' && text.startsWith('^');
  if (typeof text !== 'string') {
    issues.error(
      pointer,
      `The naming convention must be a style name or a pattern, not ${typeName(value)}.`,
      namingHint,
    );
    return null;
  }
  if (!isPattern) {
    const style = readChoice(text, pointer, issues, 'The naming style', namingStyles);
    return style ? { style } : null;
  }
  try {
    new RegExp(text, 'u');
    return { pattern: text };
  } catch (error) {
    issues.error(
      pointer,
      `The naming pattern ${JSON.stringify(text)} is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}.`,
      namingHint,
    );
    return null;
  }
}

function readPii(
  value: unknown,
  pointer: string,
  issues: PlanIssues,
  fallback: PlanGlobals['pii'],
): PlanGlobals['pii'] {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return { ...fallback, enabled: value };
  if (!isRecord(value)) {
    issues.error(
      pointer,
      `"pii" must be true, false or a map, not ${typeName(value)}.`,
      'Write "pii: {enabled: true, allow: [user_email_hash]}".',
    );
    return fallback;
  }
  warnUnknownKeys(value, ['enabled', 'allow', 'layers'], pointer, issues, '"pii"');
  const layers = readStringList(
    value['layers'],
    appendPointer(pointer, 'layers'),
    issues,
    '"pii.layers"',
  );
  return {
    enabled: readBoolean(
      value['enabled'],
      appendPointer(pointer, 'enabled'),
      issues,
      '"pii.enabled"',
      true,
    ),
    allow:
      readStringList(value['allow'], appendPointer(pointer, 'allow'), issues, '"pii.allow"') ?? [],
    layers: layers
      ? readLayerList(layers, appendPointer(pointer, 'layers'), issues)
      : fallback.layers,
  };
}

/** The layer names of a list, reporting unknown ones. */
export function readLayerList(names: string[], pointer: string, issues: PlanIssues): Layer[] {
  const layers: Layer[] = [];
  names.forEach((name, index) => {
    const layer = readChoice(name, appendPointer(pointer, index), issues, 'The layer', allLayers);
    if (layer && !layers.includes(layer)) layers.push(layer);
  });
  return layers;
}

function readSeverityOverrides(
  value: unknown,
  pointer: string,
  issues: PlanIssues,
): PlanGlobals['severity'] {
  const overrides: PlanGlobals['severity'] = {};
  if (value === undefined || value === null) return overrides;
  if (!isRecord(value)) {
    issues.error(
      pointer,
      `"severity" must map violation codes to severities, not ${typeName(value)}.`,
      'Write "severity: {naming_convention: error}".',
    );
    return overrides;
  }
  for (const [code, level] of Object.entries(value)) {
    const codePointer = appendPointer(pointer, code);
    const known = readChoice(code, codePointer, issues, 'The violation code', violationCodes);
    const severity = readChoice(level, codePointer, issues, `The severity of ${code}`, severities);
    if (known && severity) overrides[known] = severity;
  }
  return overrides;
}
