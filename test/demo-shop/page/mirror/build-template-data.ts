import { mirrorFields } from '../../../../shared/container/mirror-fields.js';
import type { MirrorEvent } from './mirror-host.js';

/**
 * The `data` a tag of this template gets when it mirrors `event`, as if a GTM user had set it
 * up beside the GA4 tag: every declared field starts at its default value, then the mirror
 * fields the template declares (shared/container/mirror-fields.ts) get the event's values and
 * the collector URL. Fields the template does not declare are left out, as GTM leaves them.
 */
export function buildTemplateData(
  parameters: unknown[],
  event: MirrorEvent,
  collectorUrl: string,
): Record<string, unknown> {
  const declared = new Map<string, unknown>();
  collectFields(parameters, declared);

  const data: Record<string, unknown> = {};
  for (const [name, defaultValue] of declared) {
    if (defaultValue !== undefined) data[name] = defaultValue;
  }
  const mirrorValues: Record<string, unknown> = {
    [mirrorFields.measurementId]: event.measurementId,
    [mirrorFields.eventName]: event.name,
    [mirrorFields.eventParameters]: Object.entries(event.params).map(([name, value]) => ({
      [mirrorFields.rowName]: name,
      [mirrorFields.rowValue]: value,
    })),
    [mirrorFields.userProperties]: [],
    [mirrorFields.sendEcommerceData]: true,
    [mirrorFields.endpoint]: collectorUrl,
  };
  for (const [name, value] of Object.entries(mirrorValues)) {
    if (declared.has(name)) data[name] = value;
  }
  return data;
}

// GROUP fields hold their sub-fields; every other field with a name is one data key.
function collectFields(parameters: unknown[], declared: Map<string, unknown>): void {
  for (const parameter of parameters) {
    if (parameter === null || typeof parameter !== 'object') continue;
    const field = parameter as {
      type?: unknown;
      name?: unknown;
      defaultValue?: unknown;
      subParams?: unknown;
    };
    if (field.type === 'GROUP') {
      if (Array.isArray(field.subParams)) collectFields(field.subParams, declared);
      continue;
    }
    if (typeof field.name === 'string' && field.name !== '__proto__')
      declared.set(field.name, field.defaultValue);
  }
}
