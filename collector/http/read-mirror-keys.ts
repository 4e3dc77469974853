import { percentDecode } from '../../shared/text/percent-decode.js';
import { MIRROR_SOURCES, type MirrorSource } from '../../shared/warehouse/mirror-row.js';

/** The collector's own query keys, read and removed before the GA4 decoder sees the query. */
export interface MirrorKeys {
  /** The query without any `tw_*` pair, raw text kept. */
  query: string;
  source: MirrorSource;
  templateVersion?: string;
  split?: { messageId: string; index: number; count: number; data: string };
  problem?: string;
}

/**
 * Reads `tw_src` (who sent the hit: `web_mirror`, `server_mirror`; absent means `collector`),
 * `tw_tv` (the template version) and the split-hit keys `tw_msg`, `tw_part` (`i/n`) and
 * `tw_data` (one slice of the full query string, percent-encoded once more). Every other pair is
 * kept as sent, so the decoder sees exactly what gtag or the template built.
 */
export function readMirrorKeys(query: string): MirrorKeys {
  const kept: string[] = [];
  const values = new Map<string, string>();
  for (const pair of query.split('&')) {
    const equalsAt = pair.indexOf('=');
    const rawKey = equalsAt === -1 ? pair : pair.slice(0, equalsAt);
    if (!rawKey.startsWith('tw_')) {
      if (pair !== '') kept.push(pair);
      continue;
    }
    const rawValue = equalsAt === -1 ? '' : pair.slice(equalsAt + 1);
    values.set(rawKey, percentDecode(rawValue, { plusAsSpace: true }).value);
  }

  const keys: MirrorKeys = { query: kept.join('&'), source: 'collector' };
  const source = values.get('tw_src');
  if (source !== undefined) {
    if (!MIRROR_SOURCES.includes(source as MirrorSource)) {
      return { ...keys, problem: `tw_src must be one of ${MIRROR_SOURCES.join(', ')}` };
    }
    keys.source = source as MirrorSource;
  }
  const version = values.get('tw_tv');
  if (version !== undefined && version !== '') {
    keys.templateVersion = version.slice(0, 64);
  }
  return readSplit(keys, values);
}

function readSplit(keys: MirrorKeys, values: Map<string, string>): MirrorKeys {
  const part = values.get('tw_part');
  const messageId = values.get('tw_msg');
  if (part === undefined && messageId === undefined) {
    return keys;
  }
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(part ?? '');
  if (match === null || messageId === undefined) {
    return { ...keys, problem: 'a split hit needs tw_msg and tw_part=i/n together' };
  }
  if (keys.query !== '') {
    return { ...keys, problem: 'a split hit carries its data only in tw_data' };
  }
  return {
    ...keys,
    split: {
      messageId,
      index: Number(match[1]),
      count: Number(match[2]),
      data: values.get('tw_data') ?? '',
    },
  };
}
