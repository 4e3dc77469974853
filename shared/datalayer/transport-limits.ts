/**
 * Bounds for walking pushed values and model snapshots. Real dataLayer messages are a few
 * levels deep; these only stop hostile or accidental shapes (cycles, deep chains, huge sparse
 * arrays) from exhausting the stack or memory.
 */
export const TRANSPORT_LIMITS = Object.freeze({
  /** Containers nested deeper than this are summarised as `{"$unclonable": "depth limit"}`. */
  maxDepth: 100,
  /** Values visited per serialised value; past it the rest is summarised. */
  maxNodes: 200_000,
  /** The most arguments an `Arguments` object is rebuilt with (gtag uses up to four). */
  maxArguments: 1_000,
});
