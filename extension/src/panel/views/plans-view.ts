import { h, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { PlanError, TrackingPlan } from '../../../../shared/plan/plan-types.js';
import { readFileText } from '../../ui/browser-helpers.js';
import { planErrorExcerpt } from '../model/plan-error-excerpt.js';
import type { PlanChoice, StoredPlan } from '../model/plan-choice.js';

export interface PlanAttempt {
  errors: PlanError[];
  /** The text that failed, for the excerpts. */
  text: string;
}

export interface PlansViewProps {
  site: string;
  choice: PlanChoice;
  stored: StoredPlan | undefined;
  attempt: PlanAttempt | null;
  onLoad: (kind: StoredPlan['kind'], name: string, text: string) => void;
  onLoadUrl: (url: string) => void;
  onUseBundled: () => void;
}

/**
 * Plans: the plan judging this site, and three ways to give it its own (a file, a URL, a
 * paste), kept per site; the bundled GA4 recommended-events plan otherwise. A plan that does
 * not load is not kept: its errors show with file, line, column, the text around and a hint.
 */
export function PlansView(props: PlansViewProps): ComponentChild {
  const [url, setUrl] = useState(props.stored?.kind === 'url' ? props.stored.name : '');
  const [pasted, setPasted] = useState('');
  const { choice } = props;
  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file !== undefined) props.onLoad('file', file.name, await readFileText(file));
  };
  return h(
    'div',
    { class: 'view plans-view' },
    h('h2', null, 'Plan for ', h('code', null, props.site)),
    h(
      'p',
      null,
      choice.origin === 'site'
        ? `This site is judged by its own plan: ${choice.label}.`
        : `This site has no plan of its own: the bundled ${choice.label} plan (Google's recommended GA4 events) judges it.`,
    ),
    choice.errors.length === 0
      ? null
      : h(PlanErrors, {
          title: "The site's stored plan no longer loads; the bundled plan is used instead.",
          errors: choice.errors,
          text: props.stored?.text ?? '',
        }),
    props.attempt === null
      ? null
      : h(PlanErrors, {
          title: 'That plan was not loaded:',
          errors: props.attempt.errors,
          text: props.attempt.text,
        }),
    choice.warnings.length === 0
      ? null
      : h(PlanErrors, {
          title: 'Warnings:',
          errors: choice.warnings,
          text: props.stored?.text ?? '',
        }),
    h('h3', null, 'Load a plan for this site'),
    h(
      'div',
      { class: 'actions' },
      h(
        'label',
        null,
        'From a file: ',
        h('input', {
          type: 'file',
          accept: '.yaml,.yml,.json',
          'aria-label': 'Plan file',
          onChange: (event: Event) => void onFile(event),
        }),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('input', {
        type: 'url',
        size: 50,
        placeholder: 'https://…/tracking-plan.yaml',
        'aria-label': 'Plan URL',
        value: url,
        onInput: (event: Event) => setUrl((event.currentTarget as HTMLInputElement).value),
      }),
      h(
        'button',
        { onClick: () => props.onLoadUrl(url.trim()), disabled: url.trim() === '' },
        'Load from URL',
      ),
    ),
    h('textarea', {
      rows: 6,
      cols: 70,
      placeholder: 'Paste a plan (tagwarden YAML/JSON, Segment, JSON Schema map …)',
      'aria-label': 'Pasted plan',
      value: pasted,
      onInput: (event: Event) => setPasted((event.currentTarget as HTMLTextAreaElement).value),
    }),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          onClick: () => props.onLoad('paste', 'pasted plan', pasted),
          disabled: pasted.trim() === '',
        },
        'Use the pasted plan',
      ),
      h(
        'button',
        {
          onClick: props.onUseBundled,
          disabled: choice.origin === 'bundled' && props.stored === undefined,
        },
        'Use the bundled GA4 recommended plan',
      ),
    ),
    h('h3', null, `Planned events (${Object.keys(choice.plan.events).length})`),
    h(PlannedEvents, { plan: choice.plan }),
  );
}

function PlanErrors(props: {
  title: string;
  errors: readonly PlanError[];
  text: string;
}): ComponentChild {
  return h(
    'div',
    { class: 'plan-errors', role: 'alert' },
    h('p', null, h('b', null, props.title)),
    props.errors.map((error, index) => {
      const excerpt = planErrorExcerpt(props.text, error.line, error.column);
      return h(
        'div',
        { key: index, class: 'error-box' },
        h('div', { class: 'where' }, `${error.file}:${error.line}:${error.column}`),
        h('div', null, error.message),
        excerpt === undefined
          ? null
          : h(
              'pre',
              { class: 'raw excerpt' },
              excerpt.lines
                .map((line) => `${String(line.number).padStart(4)} | ${line.text}\n`)
                .join('') + `${' '.repeat(4)} | ${' '.repeat(excerpt.column - 1)}^`,
            ),
        h('div', { class: 'note' }, `→ ${error.hint}`),
      );
    }),
  );
}

function PlannedEvents(props: { plan: TrackingPlan }): ComponentChild {
  const events = Object.values(props.plan.events);
  return h(
    'table',
    null,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['event', 'status', 'layers', 'required'].map((title) => h('th', { key: title }, title)),
      ),
    ),
    h(
      'tbody',
      null,
      events.map((event) =>
        h(
          'tr',
          { key: event.name },
          h('td', { class: 'value' }, event.name),
          h('td', null, event.status),
          h('td', null, event.layers.join(', ')),
          h('td', { class: 'value' }, event.required.join(', ')),
        ),
      ),
    ),
  );
}
