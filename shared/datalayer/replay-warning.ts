import type { Severity } from '../events/event-types.js';
import type { ReplayWarning, ReplayWarningCode } from './replay-types.js';

/** Builds a warning; the level defaults to `warning`, and `key` is the model path concerned. */
export function replayWarning(
  code: ReplayWarningCode,
  message: string,
  options?: { key?: string; severity?: Severity },
): ReplayWarning {
  const warning: ReplayWarning = { code, message, severity: options?.severity ?? 'warning' };
  if (options?.key !== undefined) warning.key = options.key;
  return warning;
}
