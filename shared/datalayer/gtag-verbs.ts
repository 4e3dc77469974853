/** The gtag.js commands (`gtag('config', …)` …), in the order Google documents them. */
export const GTAG_VERBS: ReadonlySet<string> = new Set([
  'js',
  'config',
  'event',
  'set',
  'consent',
  'get',
]);
