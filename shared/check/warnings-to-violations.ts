import type { DecodeWarning, Violation, ViolationCode } from '../events/event-types.js';

const warningCodesThatAreViolations = new Set<string>(['gtag_array_push']);

/**
 * Decoder and replay warnings become violations on the event they belong to, so a report
 * shows a malformed value (`_et=NaN`, a lost gtag `arguments` type) where the tester looks.
 */
export function warningsToViolations(warnings: readonly DecodeWarning[]): Violation[] {
  return warnings.map((warning) => {
    const isOwnCode = warningCodesThatAreViolations.has(warning.code);
    return {
      code: (isOwnCode ? warning.code : 'decode_warning') as ViolationCode,
      severity: warning.severity ?? 'warning',
      path: warning.key ? `/${warning.key}` : '',
      message: isOwnCode ? warning.message : `${warning.code}: ${warning.message}`,
    };
  });
}
