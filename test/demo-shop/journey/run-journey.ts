import type { Page } from 'puppeteer-core';
import type { Journey, JourneyStep } from './journey-types.js';

export interface RunJourneyOptions {
  /** How long one step may wait for its element or page, in milliseconds. */
  stepTimeoutMs?: number;
}

/** Where a journey stopped: the step (1-based, with its file line) and why. */
export class JourneyStepError extends Error {
  constructor(
    readonly step: number,
    readonly line: number | undefined,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`journey step ${step}${line ? ` (line ${line})` : ''} failed: ${reason}`);
    this.name = 'JourneyStepError';
  }
}

/**
 * Walks a journey in a puppeteer page, step by step, against the site at `baseUrl`. Each
 * step first waits for its element to be visible; a click marked `navigates` also waits for
 * the next page to load. A failing step throws a JourneyStepError naming it.
 */
export async function runJourney(
  page: Page,
  journey: Journey,
  baseUrl: string,
  options: RunJourneyOptions = {},
): Promise<void> {
  const timeout = options.stepTimeoutMs ?? 10_000;
  for (const [index, step] of journey.steps.entries()) {
    try {
      await runStep(page, step, baseUrl, timeout);
    } catch (error) {
      throw new JourneyStepError(index + 1, step.line, error);
    }
  }
}

async function runStep(
  page: Page,
  step: JourneyStep,
  baseUrl: string,
  timeout: number,
): Promise<void> {
  switch (step.kind) {
    case 'visit':
      await page.goto(new URL(step.path, baseUrl).href, { waitUntil: 'load', timeout });
      return;
    case 'consent':
      await click(
        page,
        step.answer === 'accept' ? 'consent-accept' : 'consent-reject',
        false,
        timeout,
      );
      return;
    case 'click':
      await click(page, step.testId, step.navigates, timeout);
      return;
    case 'fill':
      for (const field of step.fields) {
        await page.locator(selectorOf(field.testId)).setTimeout(timeout).fill(field.value);
      }
      return;
    case 'wait':
      await page.waitForFunction(
        isShown,
        { timeout, polling: 50 },
        selectorOf(step.testId),
        step.text ?? null,
      );
      return;
  }
}

async function click(
  page: Page,
  testId: string,
  navigates: boolean,
  timeout: number,
): Promise<void> {
  const selector = selectorOf(testId);
  await page.waitForSelector(selector, { visible: true, timeout });
  if (navigates) {
    // GTM runs a tag when its event is pushed, before any click can leave the page; the demo
    // shop's mirror runs the template asynchronously, so let it finish first, as a tester's
    // pause would. Pages without the demo's mirror are idle at once.
    await page.waitForFunction(isMirrorIdle, { timeout, polling: 50 });
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load', timeout }),
      page.click(selector),
    ]);
    return;
  }
  await page.click(selector);
}

// Runs in the page: no demo mirror, a mirror that cannot run, or one that ran every event.
function isMirrorIdle(): boolean {
  const mirror = (
    window as { tagwardenMirror?: { fired?: number; runs?: unknown[]; problem?: string } }
  ).tagwardenMirror;
  if (mirror === undefined || mirror.problem !== undefined) return true;
  return (mirror.runs?.length ?? 0) >= (mirror.fired ?? 0);
}

// Runs in the page: the element is rendered and, when a text is given, shows exactly it.
function isShown(selector: string, text: string | null): boolean {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element || element.hidden || element.getClientRects().length === 0) return false;
  return text === null || element.textContent?.trim() === text;
}

function selectorOf(testId: string): string {
  return `[data-testid="${testId.replace(/["\\]/g, '\\$&')}"]`;
}
