import { appendPointer } from '../json-pointer.js';
import type { PlannedEvent, TrackingPlan } from '../plan-types.js';
import { exceedsCharacters } from '../../validate/count-characters.js';
import {
  ga4Limits,
  reservedEventPrefixes,
  reservedParameterPrefixes,
  reservedUserPropertyNames,
  reservedUserPropertyPrefixes,
  standardItemFields,
} from '../../validate/ga4-rules.js';
import type { ReportFinding } from './lint-finding.js';
import { itemParameterNames, parameterNames, reachesGa4 } from './plan-names.js';

// Events GA4 collects by itself (ga4-protocol.md §7 and §8): a site sending one of its own
// doubles GA4's counts. Enhanced measurement's events are sent by GA4's tag when switched on.
const collectedByGa4 = new Set([
  'first_open',
  'first_visit',
  'session_start',
  'user_engagement',
  'app_remove',
  'app_store_refund',
  'app_store_subscription_cancel',
  'app_store_subscription_renew',
  'in_app_purchase',
]);
const enhancedMeasurement = new Set([
  'page_view',
  'scroll',
  'click',
  'file_download',
  'form_start',
  'form_submit',
  'view_search_results',
  'video_start',
  'video_progress',
  'video_complete',
]);
const otherReserved = new Set(['ad_impression', 'error', 'view_complete']);

/**
 * GA4's collection limits and reserved names, checked on the plan itself so a plan cannot
 * promise what GA4 will cut or drop: name lengths, parameters per event, custom item
 * parameters, reserved prefixes, and reserved event names planned as the site's own.
 */
export function lintGa4Rules(plan: TrackingPlan, report: ReportFinding): void {
  const events = Object.values(plan.events).filter(reachesGa4);
  if (plan.globals.ga4Limits) lintLimits(plan, events, report);
  if (plan.globals.reservedNames) lintReserved(plan, report);
}

function lintLimits(plan: TrackingPlan, events: PlannedEvent[], report: ReportFinding): void {
  for (const event of events) {
    const path = appendPointer('/events', event.name);
    if (exceedsCharacters(event.name, ga4Limits.eventNameLength))
      report(
        limit(
          'ga4-event-name-length',
          path,
          `The event name "${event.name}" is longer than GA4's ${ga4Limits.eventNameLength} characters.`,
        ),
      );
    const parameters = Object.keys(event.properties).filter((name) => name !== 'items');
    if (parameters.length > ga4Limits.parametersPerEvent)
      report(
        limit(
          'ga4-too-many-parameters',
          appendPointer(path, 'properties'),
          `"${event.name}" plans ${parameters.length} parameters; GA4 keeps ${ga4Limits.parametersPerEvent} per event.`,
        ),
      );
    for (const [name, schema] of Object.entries(event.userProperties)) {
      if (schema !== undefined && exceedsCharacters(name, ga4Limits.userPropertyNameLength))
        report(
          limit(
            'ga4-user-property-name-length',
            appendPointer(appendPointer(path, 'userProperties'), name),
            `The user property name "${name}" is longer than GA4's ${ga4Limits.userPropertyNameLength} characters.`,
          ),
        );
    }
  }
  const reachable = (entry: { event: PlannedEvent }) => reachesGa4(entry.event);
  for (const entry of [...parameterNames(plan), ...itemParameterNames(plan)].filter(reachable)) {
    if (exceedsCharacters(entry.name, ga4Limits.parameterNameLength))
      report(
        limit(
          'ga4-parameter-name-length',
          entry.path,
          `The parameter name "${entry.name}" is longer than GA4's ${ga4Limits.parameterNameLength} characters.`,
        ),
      );
  }
  const customBySchema = new Map<string, string[]>();
  for (const entry of itemParameterNames(plan)) {
    if (!reachable(entry) || standardItemFields.has(entry.name)) continue;
    const schemaPath = entry.path.replace(/\/properties\/[^/]+$/, '');
    customBySchema.set(schemaPath, [...(customBySchema.get(schemaPath) ?? []), entry.name]);
  }
  for (const [schemaPath, names] of customBySchema) {
    if (names.length <= ga4Limits.customItemParametersPerEvent) continue;
    report({
      ...limit(
        'ga4-too-many-item-parameters',
        schemaPath,
        `Items plan ${names.length} custom parameters; GA4 keeps ${ga4Limits.customItemParametersPerEvent}.`,
      ),
      severity: 'warning',
    });
  }
}

function limit(ruleId: string, path: string, message: string) {
  return {
    ruleId,
    severity: 'error' as const,
    path,
    message,
    hint: 'GA4 truncates or drops what goes past its limits (support.google.com/analytics/answer/9267744): shorten or split it.',
  };
}

function lintReserved(plan: TrackingPlan, report: ReportFinding): void {
  for (const event of Object.values(plan.events)) {
    const path = appendPointer('/events', event.name);
    const prefix = reservedEventPrefixes.find((candidate) => event.name.startsWith(candidate));
    if (prefix !== undefined && reachesGa4(event)) {
      report(
        reserved(
          path,
          `The event name "${event.name}" starts with "${prefix}", which GA4 reserves.`,
          'error',
        ),
      );
    }
    if (event.layers.includes('datalayer')) lintReservedEventName(event, path, report);
    for (const name of Object.keys(event.userProperties)) {
      const userPrefix = reservedUserPropertyPrefixes.find((candidate) =>
        name.startsWith(candidate),
      );
      if (userPrefix === undefined && !reservedUserPropertyNames.has(name)) continue;
      report(
        reserved(
          appendPointer(appendPointer(path, 'userProperties'), name),
          `The user property "${name}" is a name GA4 reserves.`,
          'error',
        ),
      );
    }
  }
  for (const entry of [...parameterNames(plan), ...itemParameterNames(plan)]) {
    const prefix = reservedParameterPrefixes.find((candidate) => entry.name.startsWith(candidate));
    if (prefix === undefined || !reachesGa4(entry.event)) continue;
    report(
      reserved(
        entry.path,
        `The parameter "${entry.name}" starts with "${prefix}", which GA4 reserves.`,
        'error',
      ),
    );
  }
}

// Planned on the dataLayer, the event is the site's own: for a name GA4 collects itself that
// means counting it twice.
function lintReservedEventName(event: PlannedEvent, path: string, report: ReportFinding): void {
  if (collectedByGa4.has(event.name)) {
    report(
      reserved(
        path,
        `"${event.name}" is collected by GA4 itself; planned on the dataLayer, the site would send it a second time.`,
        'error',
        'Plan it only for the ga4 and warehouse layers ("layers: [ga4, warehouse]"), or rename the site\'s event.',
      ),
    );
  } else if (enhancedMeasurement.has(event.name)) {
    report(
      reserved(
        path,
        `"${event.name}" is also sent by GA4's enhanced measurement; make sure the site and GA4 do not both send it.`,
        'info',
        'Turn the enhanced-measurement toggle off, or stop pushing the event.',
      ),
    );
  } else if (otherReserved.has(event.name)) {
    report(reserved(path, `"${event.name}" is an event name GA4 reserves.`, 'warning'));
  }
}

function reserved(
  path: string,
  message: string,
  severity: 'error' | 'warning' | 'info',
  hint?: string,
) {
  return {
    ruleId: 'ga4-reserved-name',
    severity,
    path,
    message,
    hint:
      hint ??
      'Rename it: GA4 drops or overrides reserved names (support.google.com/analytics/answer/13316687).',
  };
}
