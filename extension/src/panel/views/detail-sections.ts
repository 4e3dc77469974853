import { h, type ComponentChild } from 'preact';
import type { ReplayConsentState } from '../../../../shared/datalayer/index.js';
import type { DecodedConsent, Violation } from '../../../../shared/events/event-types.js';
import type { PiiFinding } from '../../../../shared/pii/pii-types.js';
import { JsonView } from '../../ui/json-view.js';
import type { SessionHit, SessionPush } from '../../common/session-types.js';
import { CONSENT_SIGNALS, type ConsentSummary } from '../model/timeline-row.js';

/** Violations, each with its path as a button that brings the marked value into view. */
export function ViolationList(props: {
  violations: readonly Violation[];
  onShowPath: (path: string) => void;
}): ComponentChild {
  if (props.violations.length === 0) return h('p', { class: 'note' }, 'No violations.');
  return props.violations.map((violation, index) =>
    h(
      'div',
      {
        key: index,
        class: `violation severity-${violation.severity}`,
        'data-code': violation.code,
      },
      h('span', { class: 'code' }, violation.code),
      ' ',
      h('span', { class: 'note' }, violation.severity),
      violation.path === ''
        ? null
        : h(
            'button',
            {
              class: 'mono',
              onClick: () => props.onShowPath(violation.path),
              title: 'Show in the payload',
            },
            violation.path,
          ),
      h('div', null, violation.message),
      violation.expected === undefined
        ? null
        : h('div', { class: 'note' }, 'expected: ', h('code', null, textOf(violation.expected))),
      violation.actual === undefined
        ? null
        : h('div', { class: 'note' }, 'actual: ', h('code', null, textOf(violation.actual))),
    ),
  );
}

/** GA4 consent as decoded from gcs/gcd, signal by signal, with the raw strings beside. */
export function HitConsentTable(props: { consent: DecodedConsent }): ComponentChild {
  const { consent } = props;
  const raw = (['gcs', 'gcd', 'dma', 'dmaCps', 'npa', 'gcu', 'pscdl'] as const).flatMap((key) =>
    consent[key] === undefined ? [] : [`${key}=${consent[key]}`],
  );
  return h(
    'div',
    null,
    h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['signal', 'default', 'update', 'effective', 'from'].map((title) =>
            h('th', { key: title }, title),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        CONSENT_SIGNALS.map((name) => {
          const signal = consent[name];
          return h(
            'tr',
            { key: name },
            h('td', null, name),
            h('td', null, signal?.default ?? ''),
            h('td', null, signal?.update ?? ''),
            h(
              'td',
              null,
              h(
                'span',
                { class: `pill ${signal?.effective ?? 'unset'}` },
                signal?.effective ?? 'not sent',
              ),
            ),
            h('td', null, signal?.source ?? ''),
          );
        }),
      ),
    ),
    raw.length === 0 ? null : h('p', { class: 'note mono' }, raw.join('  ')),
  );
}

/** The dataLayer's consent state after a push, as `gtag('consent', …)` commands left it. */
export function DataLayerConsentTable(props: { consent: ReplayConsentState }): ComponentChild {
  const names = Object.keys(props.consent.signals);
  if (names.length === 0)
    return h('p', { class: 'note' }, 'No gtag consent command on this page yet.');
  return h(
    'table',
    null,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['signal', 'default', 'update', 'effective'].map((title) => h('th', { key: title }, title)),
      ),
    ),
    h(
      'tbody',
      null,
      names.map((name) => {
        const signal = props.consent.signals[name];
        return h(
          'tr',
          { key: name },
          h('td', null, name),
          h('td', null, signal?.default ?? ''),
          h('td', null, signal?.update ?? ''),
          h(
            'td',
            null,
            h('span', { class: `pill ${signal?.effective ?? 'unset'}` }, signal?.effective ?? ''),
          ),
        );
      }),
    ),
  );
}

/** The consent state a row fired under, when only the document's state is known. */
export function ConsentSummaryTable(props: {
  consent: ConsentSummary | undefined;
}): ComponentChild {
  const { consent } = props;
  if (consent === undefined)
    return h('p', { class: 'note' }, 'No gtag consent command in this document yet.');
  return h(
    'div',
    null,
    h('p', { class: 'note' }, 'The state the last gtag consent command of this document left:'),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        CONSENT_SIGNALS.flatMap((name) =>
          consent.signals[name] === undefined
            ? []
            : [
                h(
                  'tr',
                  { key: name },
                  h('td', null, name),
                  h(
                    'td',
                    null,
                    h('span', { class: `pill ${consent.signals[name]}` }, consent.signals[name]),
                  ),
                ),
              ],
        ),
      ),
    ),
  );
}

/** The request as it left: method, URL, body, how it was sent and what came back. */
export function RawRequest(props: { hit: SessionHit }): ComponentChild {
  const { hit } = props;
  const body = hit.page?.body ?? hit.network?.body;
  const facts: Array<[string, string | undefined]> = [
    ['state', hit.state],
    ['transport', hit.page?.transport ?? hit.network?.type],
    ['status', hit.network?.statusCode === undefined ? undefined : String(hit.network.statusCode)],
    ['network error', hit.network?.error],
    [
      'body',
      hit.page?.bodyTruncated
        ? `first ${body?.length ?? 0} of ${hit.page.bodyLength ?? '?'} characters`
        : undefined,
    ],
    ['page call threw', hit.page?.threw],
  ];
  return h(
    'div',
    null,
    h('pre', { class: 'raw', 'aria-label': 'Request URL' }, `${hit.method} ${hit.url}`),
    body === undefined
      ? h('p', { class: 'note' }, 'No body (or the browser gave none).')
      : h('pre', { class: 'raw', 'aria-label': 'Request body' }, body),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        facts
          .filter(([, value]) => value !== undefined)
          .map(([label, value]) =>
            h('tr', { key: label }, h('th', null, label), h('td', { class: 'value' }, value)),
          ),
      ),
    ),
  );
}

/** The push as the page made it (transport form), and where it came from. */
export function RawPush(props: {
  push: SessionPush;
  highlightKeys: ReadonlySet<string>;
}): ComponentChild {
  const { push } = props;
  return h(
    'div',
    null,
    h(
      'p',
      { class: 'note' },
      `${push.dataLayerName} · ${push.origin} · frame ${push.frameId}${push.threw ? ` · the page's push threw: ${push.threw}` : ''}`,
    ),
    h(JsonView, { value: push.push, highlightKeys: props.highlightKeys, label: 'Raw push' }),
  );
}

/** Suspected personal data, masked as the scan masks it. */
export function PiiList(props: { findings: readonly PiiFinding[] }): ComponentChild {
  return h(
    'ul',
    null,
    props.findings.map((finding, index) =>
      h(
        'li',
        { key: index },
        h('b', null, finding.kind),
        ' at ',
        h('code', null, finding.path || '(value)'),
        ': ',
        h('code', null, finding.excerpt),
      ),
    ),
  );
}

function textOf(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
