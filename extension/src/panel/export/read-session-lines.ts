import type { InputError } from '../../../../shared/capture/captured-input.js';
import type { TransportValue } from '../../../../shared/datalayer/replay-types.js';
import { summariseHit } from '../../background/summarise-hit.js';
import type { BodyKind } from '../../common/page-record.js';
import type { HitState, SessionHit, SessionPush, TabSession } from '../../common/session-types.js';
import { SESSION_FORMAT } from './session-to-ndjson.js';

const HIT_STATES: readonly HitState[] = ['pending', 'completed', 'failed', 'not-sent'];

/** True when the text is a session the panel exported (its first line has the header). */
export function isSessionExport(text: string): boolean {
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  const first = parseObject(firstLine);
  const header = first?.['session'];
  return isRecord(header) && header['format'] === SESSION_FORMAT;
}

/**
 * Reads a session the panel exported back into the same session. Every line is checked field
 * by field (the file may have been edited, or made by hand); a line that is not a push or a
 * hit is reported with its number and skipped, and a hit's summary is decoded afresh.
 */
export function readSessionLines(
  text: string,
  file: string,
  tabId: number,
): { session: TabSession; errors: InputError[] } {
  const lines = text.split(/\r?\n/);
  const header = parseObject(lines.find((line) => line.trim() !== '') ?? '')?.['session'];
  const session = sessionOf(isRecord(header) ? header : {}, tabId);
  const errors: InputError[] = [];

  lines.forEach((lineText, index) => {
    if (lineText.trim() === '') return;
    const line = parseObject(lineText);
    const entry =
      line === undefined ? undefined : line['type'] === 'push' ? readPush(line) : readHit(line);
    if (entry === undefined) {
      errors.push({
        source: { file, line: index + 1 },
        message: `${file}:${index + 1}: not a push or a hit of a tagwarden session`,
        hint: 'The line was skipped; export the session again from the panel if the file was edited.',
      });
      return;
    }
    if ('push' in entry) session.pushes.push(entry);
    else session.hits.push(entry);
    session.seq = Math.max(session.seq, entry.seq);
  });
  return { session, errors };
}

function sessionOf(header: Record<string, unknown>, tabId: number): TabSession {
  const dropped = isRecord(header['dropped']) ? header['dropped'] : {};
  return {
    tabId,
    createdAt: numberOr(header['createdAt'], 0),
    seq: 0,
    navigations: arrayOf(header['navigations']).flatMap(readNavigation),
    frames: arrayOf(header['frames']).filter(isRecord) as unknown as TabSession['frames'],
    pushes: [],
    hits: [],
    notices: arrayOf(header['notices']).filter(isRecord) as unknown as TabSession['notices'],
    dropped: {
      pushes: numberOr(dropped['pushes'], 0),
      hits: numberOr(dropped['hits'], 0),
      notices: numberOr(dropped['notices'], 0),
      invalid: numberOr(dropped['invalid'], 0),
    },
  };
}

const NAVIGATION_KINDS = ['document', 'history', 'fragment', 'bfcache-restore'] as const;

function readNavigation(value: unknown): TabSession['navigations'] {
  if (!isRecord(value) || typeof value['id'] !== 'number' || typeof value['url'] !== 'string')
    return [];
  const kind = NAVIGATION_KINDS.find((name) => name === value['kind']) ?? 'document';
  const qualifiers = value['transitionQualifiers'];
  return [
    {
      id: value['id'],
      kind,
      url: value['url'],
      time: numberOr(value['time'], 0),
      ...(typeof value['transitionType'] === 'string'
        ? { transitionType: value['transitionType'] }
        : {}),
      ...(Array.isArray(qualifiers) && qualifiers.every((entry) => typeof entry === 'string')
        ? { transitionQualifiers: qualifiers as string[] }
        : {}),
      ...(typeof value['documentId'] === 'string' ? { documentId: value['documentId'] } : {}),
    },
  ];
}

function readPush(line: Record<string, unknown>): SessionPush | undefined {
  if (!Object.hasOwn(line, 'push') || typeof line['seq'] !== 'number') return undefined;
  return {
    seq: line['seq'],
    time: numberOr(line['time'], 0),
    pageUrl: stringOr(line['pageUrl'], ''),
    dataLayerName: stringOr(line['dataLayerName'], 'dataLayer'),
    arrayIndex: numberOr(line['arrayIndex'], 1),
    origin: line['origin'] === 'preexisting' ? 'preexisting' : 'live',
    push: line['push'] as TransportValue,
    frameId: numberOr(line['frameId'], 0),
    navigationId: numberOr(line['navigationId'], 0),
    ...(typeof line['documentId'] === 'string' ? { documentId: line['documentId'] } : {}),
    ...(typeof line['threw'] === 'string' ? { threw: line['threw'] } : {}),
  };
}

function readHit(line: Record<string, unknown>): SessionHit | undefined {
  if (
    line['type'] !== 'request' ||
    typeof line['url'] !== 'string' ||
    typeof line['seq'] !== 'number'
  )
    return undefined;
  const body = typeof line['body'] === 'string' ? line['body'] : undefined;
  const method = stringOr(line['method'], body === undefined ? 'GET' : 'POST');
  const page = isRecord(line['page']) ? line['page'] : undefined;
  const network = isRecord(line['network']) ? line['network'] : undefined;
  return {
    seq: line['seq'],
    time: numberOr(line['time'], 0),
    url: line['url'],
    method,
    state: HIT_STATES.includes(line['state'] as HitState)
      ? (line['state'] as HitState)
      : 'completed',
    frameId: numberOr(line['frameId'], 0),
    navigationId: numberOr(line['navigationId'], 0),
    ...(typeof line['documentId'] === 'string' ? { documentId: line['documentId'] } : {}),
    page: pageViewOf(line, page, body),
    ...(network === undefined ? {} : { network: networkViewOf(network) }),
    summary: summariseHit(line['url'], body, method),
  };
}

const TRANSPORTS = ['fetch', 'xhr', 'beacon', 'image'] as const;
const BODY_KINDS: readonly BodyKind[] = [
  'text',
  'form',
  'binary',
  'blob',
  'form-data',
  'stream',
  'other',
];

// Only known fields, each of its type: the body is the line's own, as the CLI reads it.
function pageViewOf(
  line: Record<string, unknown>,
  page: Record<string, unknown> | undefined,
  body: string | undefined,
): NonNullable<SessionHit['page']> {
  const transport = TRANSPORTS.find((name) => name === page?.['transport']) ?? 'fetch';
  return {
    transport,
    time: numberOr(page?.['time'], numberOr(line['time'], 0)),
    pageUrl: stringOr(line['pageUrl'], stringOr(page?.['pageUrl'], '')),
    frameId: numberOr(page?.['frameId'], numberOr(line['frameId'], 0)),
    ...(body === undefined ? {} : { body }),
    ...(BODY_KINDS.includes(page?.['bodyKind'] as BodyKind)
      ? { bodyKind: page?.['bodyKind'] as BodyKind }
      : {}),
    ...(typeof page?.['bodyLength'] === 'number' ? { bodyLength: page['bodyLength'] } : {}),
    ...(typeof page?.['bodyTruncated'] === 'boolean'
      ? { bodyTruncated: page['bodyTruncated'] }
      : {}),
    ...(typeof page?.['queued'] === 'boolean' ? { queued: page['queued'] } : {}),
    ...(typeof page?.['threw'] === 'string' ? { threw: page['threw'] } : {}),
  };
}

function networkViewOf(network: Record<string, unknown>): NonNullable<SessionHit['network']> {
  return {
    requestId: stringOr(network['requestId'], ''),
    type: stringOr(network['type'], 'other'),
    time: numberOr(network['time'], 0),
    frameId: numberOr(network['frameId'], 0),
    ...(typeof network['statusCode'] === 'number' ? { statusCode: network['statusCode'] } : {}),
    ...(typeof network['error'] === 'string' ? { error: network['error'] } : {}),
    ...(typeof network['completedAt'] === 'number' ? { completedAt: network['completedAt'] } : {}),
    ...(typeof network['initiator'] === 'string' ? { initiator: network['initiator'] } : {}),
    ...(typeof network['documentId'] === 'string' ? { documentId: network['documentId'] } : {}),
    ...(typeof network['bodyError'] === 'string' ? { bodyError: network['bodyError'] } : {}),
    ...(typeof network['fromCache'] === 'boolean' ? { fromCache: network['fromCache'] } : {}),
  };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
