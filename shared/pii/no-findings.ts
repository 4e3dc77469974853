import type { PiiFinding } from './pii-types.js';

/**
 * The result of a scan that found nothing, shared so the common case allocates nothing
 * (most values hold no personal data). Frozen: a caller cannot add to it by mistake.
 */
export const noFindings: readonly PiiFinding[] = Object.freeze([]);
