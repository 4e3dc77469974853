import type {
  CapturedPush,
  CapturedRecord,
  CapturedRequest,
  InputError,
} from '../capture/captured-input.js';
import { decodeRequest } from '../beacons/decode-request.js';
import {
  createDataLayerReplay,
  type DataLayerReplay,
  type ReplayStep,
} from '../datalayer/index.js';
import type { Violation } from '../events/event-types.js';
import type { TrackingPlan } from '../plan/plan-types.js';
import { createPlanValidator } from '../validate/create-plan-validator.js';
import type { EventUnderTest } from '../validate/event-under-test.js';
import { ga4EventToTestInput } from '../validate/ga4-event-to-test-input.js';
import { describeSource } from '../capture/describe-source.js';
import type { CheckReport, CheckedEvent } from './check-report.js';
import { dataLayerStepToTestInput, isGtmInternalEvent } from './datalayer-step-to-test-input.js';
import { findStaleModelValues } from './find-stale-model-values.js';
import { finishEvent, summarise, findMissingEvents } from './summarise-check.js';
import { warningsToViolations } from './warnings-to-violations.js';

/** An event waiting for the plan's verdict, with what the capture already says about it. */
export interface PendingEvent {
  input: EventUnderTest;
  context: Omit<CheckedEvent, 'name' | 'layer' | 'status' | 'violations'>;
  violations: Violation[];
  /** Messages that are no event (a gtag call GTM ignores): shown, but not judged by the plan. */
  isOutsidePlan?: boolean;
}

export interface CheckCapturesOptions {
  inputs: string[];
  inputErrors?: InputError[];
}

/**
 * The main job as a pure function: capture records and a plan in, a report out. Requests are
 * decoded and classified; dataLayer pushes are replayed into GTM's model per page; every event
 * gets the plan's verdict, and the session as a whole is checked for duplicates and for
 * planned events that never came.
 */
export function checkCaptures(
  records: CapturedRecord[],
  plan: TrackingPlan,
  options: CheckCapturesOptions,
): CheckReport {
  const report: CheckReport = {
    plan: { name: plan.name, format: plan.source.format },
    inputs: options.inputs,
    summary: {
      events: 0,
      valid: 0,
      invalid: 0,
      unplanned: 0,
      violations: { error: 0, warning: 0, info: 0 },
    },
    events: [],
    otherBeacons: [],
    auxiliary: [],
    unrecognised: 0,
    missing: [],
    inputErrors: options.inputErrors ?? [],
  };
  const pending: PendingEvent[] = [];
  const replays = new Map<string, DataLayerReplay>();

  for (const record of records) {
    if (record.kind === 'request') pending.push(...eventsOfRequest(record, report));
    else pending.push(...eventsOfPush(record, replays, plan));
  }

  const judged = pending.filter((event) => !event.isOutsidePlan);
  const verdicts = createPlanValidator(plan).validateAll(
    judged.map((event) => event.input),
    { describe: (index) => describeSource(judged[index]?.context.source ?? { file: '?' }) },
  );
  const verdictOf = new Map(judged.map((event, index) => [event, verdicts[index]]));
  report.events = pending.map((event) => finishEvent(event, verdictOf.get(event)));
  report.summary = summarise(report.events);
  report.missing = findMissingEvents(plan, report.events);
  return report;
}

function eventsOfRequest(record: CapturedRequest, report: CheckReport): PendingEvent[] {
  const decoded = decodeRequest(
    {
      url: record.url,
      ...(record.body === undefined ? {} : { body: record.body }),
      ...(record.method ? { method: record.method } : {}),
    },
    { pasted: record.isPasted === true },
  );
  if (decoded.kind === 'vendor') {
    const { beacon } = decoded;
    report.otherBeacons.push({
      vendor: beacon.vendor,
      name: beacon.name,
      ...(beacon.accountId ? { accountId: beacon.accountId } : {}),
      source: record.source,
    });
    return [];
  }
  if (decoded.kind === 'auxiliary') {
    report.auxiliary.push({
      kind: decoded.request.kind,
      endpoint: decoded.request.endpoint,
      source: record.source,
    });
    return [];
  }
  if (decoded.kind === 'unrecognised') {
    report.unrecognised++;
    return [];
  }
  return decoded.events.map((event) => ({
    input: ga4EventToTestInput(event),
    context: {
      source: record.source,
      endpoint: event.endpoint,
      ...(event.ids.measurementId ? { measurementId: event.ids.measurementId } : {}),
      ...(event.page.location
        ? { page: event.page.location }
        : record.pageUrl
          ? { page: record.pageUrl }
          : {}),
    },
    violations: warningsToViolations(event.warnings),
  }));
}

function eventsOfPush(
  record: CapturedPush,
  replays: Map<string, DataLayerReplay>,
  plan: TrackingPlan,
): PendingEvent[] {
  // Each page load starts GTM's model afresh, so pushes replay into one model per page.
  const key = `${record.source.file}\u0000${record.pageUrl ?? ''}\u0000${record.dataLayerName ?? 'dataLayer'}`;
  let replay = replays.get(key);
  if (!replay) {
    replay = createDataLayerReplay();
    replays.set(key, replay);
  }
  return replay.push(record.push).flatMap((step) => eventOfStep(step, record, plan));
}

function eventOfStep(step: ReplayStep, record: CapturedPush, plan: TrackingPlan): PendingEvent[] {
  const context = { source: record.source, ...(record.pageUrl ? { page: record.pageUrl } : {}) };
  const violations = warningsToViolations(step.warnings);

  if (step.event !== null) {
    if (isGtmInternalEvent(step.event)) return [];
    violations.push(...findStaleModelValues(step, plan.layers.datalayer.lift));
    return [{ input: dataLayerStepToTestInput(step, record.pageUrl), context, violations }];
  }
  // A message that is no event still earns a row when it hides a mistake, such as a gtag call
  // pushed as an array: GTM ignores it, so the event it meant never reaches GA4.
  const lostEvent = lostGtagEventName(step);
  const isWorthShowing = violations.some((violation) => violation.severity !== 'info');
  if (lostEvent === undefined && !isWorthShowing) return [];
  return [
    {
      input: { name: lostEvent ?? null, layer: 'datalayer', properties: {} },
      context,
      violations:
        lostEvent === undefined
          ? violations
          : violations.map((violation) =>
              violation.code === 'gtag_array_push'
                ? { ...violation, severity: 'error' }
                : violation,
            ),
    },
  ];
}

function lostGtagEventName(step: ReplayStep): string | undefined {
  if (step.kind !== 'command' || !Array.isArray(step.push)) return undefined;
  const [verb, name] = step.push as unknown[];
  return verb === 'event' && typeof name === 'string' ? name : undefined;
}
