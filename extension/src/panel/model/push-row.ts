import type { CheckedEvent } from '../../../../shared/check/check-report.js';
import {
  dataLayerStepToTestInput,
  isGtmInternalEvent,
} from '../../../../shared/check/datalayer-step-to-test-input.js';
import {
  createDataLayerReplay,
  type DataLayerReplay,
  type GtagCall,
  type ReplayStep,
} from '../../../../shared/datalayer/index.js';
import { findPiiInEvent } from '../../../../shared/pii/find-pii-in-event.js';
import type { SessionPush } from '../../common/session-types.js';
import { consentOfDataLayer } from './consent-summary.js';
import { keyParams } from './key-params.js';
import { scopeOf, type RowContext } from './row-context.js';
import { rowStatus } from './row-status.js';
import type { TimelineRow } from './timeline-row.js';

/**
 * The row of one dataLayer push: replayed into its page's model (so gtag calls, consent and
 * command arrays read as GTM reads them), judged by the verdicts `checkCaptures` gave it.
 */
export function buildPushRow(
  context: RowContext,
  push: SessionPush,
  recordIndex: number,
  verdicts: CheckedEvent[],
): TimelineRow {
  const steps = replayOf(context, push).push(push.push);
  const eventStep = steps.find((step) => step.event !== null && !isGtmInternalEvent(step.event));
  const input = eventStep
    ? dataLayerStepToTestInput(eventStep, push.pageUrl || undefined)
    : undefined;
  const scope = scopeOf(context, push.navigationId);
  const consent = readConsent(context, scope, steps);

  return {
    id: `s${push.seq}`,
    recordIndex,
    seq: push.seq,
    time: push.time,
    navigationId: push.navigationId,
    frameId: push.frameId,
    scope,
    pageUrl: push.pageUrl,
    layer: 'datalayer',
    label: pushLabel(steps),
    eventName: eventStep?.event ?? verdicts[0]?.name ?? null,
    status: rowStatus(verdicts),
    verdicts,
    keyParams: keyParams(input?.properties ?? paramsOf(steps[0])),
    vendor: push.dataLayerName,
    ...(consent === undefined ? {} : { consent }),
    pii: input ? findPiiInEvent(input).filter((finding) => !finding.isHashed) : [],
    source: { kind: 'push', push, steps, ...(input === undefined ? {} : { input }) },
  };
}

function replayOf(context: RowContext, push: SessionPush): DataLayerReplay {
  const key = `${push.pageUrl}\u0000${push.dataLayerName || 'dataLayer'}`;
  let replay = context.replays.get(key);
  if (replay === undefined) {
    replay = createDataLayerReplay();
    context.replays.set(key, replay);
  }
  return replay;
}

// The replay's model is per page URL (as in `checkCaptures`), but consent holds for the
// whole document, SPA routes included.
function readConsent(context: RowContext, scope: string, steps: ReplayStep[]) {
  const last = steps[steps.length - 1];
  const consent = last === undefined ? undefined : consentOfDataLayer(last.consent);
  if (consent === undefined) return context.consentByScope.get(scope);
  context.consentByScope.set(scope, consent);
  return consent;
}

function pushLabel(steps: ReplayStep[]): string {
  const [first] = steps;
  if (first === undefined) return '(nothing processed)';
  const more = steps.length > 1 ? ` +${steps.length - 1}` : '';
  return `${stepLabel(first)}${more}`;
}

function stepLabel(step: ReplayStep): string {
  if (step.event !== null) return step.event;
  if (step.gtag !== undefined) return gtagLabel(step.gtag);
  if (step.kind === 'command' && Array.isArray(step.push)) return `command ${String(step.push[0])}`;
  if (step.kind === 'function') return '(function)';
  if (step.kind === 'ignored') return '(ignored push)';
  const keys = isRecord(step.push) ? Object.keys(step.push).slice(0, 3) : [];
  return `{${keys.join(', ')}}`;
}

function gtagLabel(call: GtagCall): string {
  const detail = call.consentMode ?? call.targetId ?? call.field ?? '';
  return `gtag ${call.command}${detail ? ` ${detail}` : ''}`;
}

function paramsOf(step: ReplayStep | undefined): Record<string, unknown> {
  if (step === undefined) return {};
  if (step.gtag !== undefined) return step.gtag.params ?? {};
  return isRecord(step.push) ? step.push : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
