import type { Layer } from '../events/event-types.js';
import { appendPointer } from './json-pointer.js';
import type { PlanIssues } from './plan-issues.js';
import type { LayerMapping } from './plan-types.js';
import { allLayers } from './read-plan-globals.js';
import {
  isRecord,
  readChoice,
  readStringList,
  typeName,
  warnUnknownKeys,
} from './read-plan-values.js';

/**
 * How each layer's events are read when the plan says nothing. GA4 ecommerce pushes nest their
 * parameters under `ecommerce` (ga4-protocol.md §12, corpus D5–D7), and GTM adds `event`,
 * `gtm.*` keys and callbacks to every push (corpus D1, D12, D16, D21): none of those are
 * event parameters.
 */
export function defaultLayerMappings(): Record<Layer, LayerMapping> {
  return {
    datalayer: {
      lift: ['ecommerce'],
      ignore: ['event', 'gtm', 'gtm.*', 'eventCallback', 'eventTimeout', 'eventReporter'],
    },
    ga4: { lift: [], ignore: [] },
    warehouse: { lift: [], ignore: [] },
    other: { lift: [], ignore: [] },
  };
}

/** The `layers` section: each listed layer's `lift` and `ignore` replace that default. */
export function readPlanLayers(
  value: unknown,
  pointer: string,
  issues: PlanIssues,
): Record<Layer, LayerMapping> {
  const mappings = defaultLayerMappings();
  if (value === undefined || value === null) return mappings;
  if (!isRecord(value)) {
    issues.error(
      pointer,
      `"layers" must map layer names to mappings, not ${typeName(value)}.`,
      'Write "layers: {datalayer: {lift: [ecommerce]}}".',
    );
    return mappings;
  }

  for (const [name, entry] of Object.entries(value)) {
    const entryPointer = appendPointer(pointer, name);
    const layer = readChoice(name, entryPointer, issues, 'The layer', allLayers);
    if (!layer) continue;
    if (!isRecord(entry)) {
      issues.error(
        entryPointer,
        `The mapping for layer "${layer}" must be a map, not ${typeName(entry)}.`,
        'Write "{lift: [ecommerce], ignore: [event]}".',
      );
      continue;
    }
    warnUnknownKeys(entry, ['lift', 'ignore'], entryPointer, issues, `layer "${layer}"`);
    const lift = readStringList(
      entry['lift'],
      appendPointer(entryPointer, 'lift'),
      issues,
      '"lift"',
    );
    const ignore = readStringList(
      entry['ignore'],
      appendPointer(entryPointer, 'ignore'),
      issues,
      '"ignore"',
    );
    mappings[layer] = {
      lift: lift ?? mappings[layer].lift,
      ignore: ignore ?? mappings[layer].ignore,
    };
  }
  return mappings;
}
