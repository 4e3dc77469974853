/**
 * The longest the page's records wait while it loads before they go anyway (ms). The hook
 * holds its records until just after DOMContentLoaded, the load event or this long
 * (`createFlushSchedule`); the relay leaves its own deferred work for the same moment
 * (`afterParsing`), so both wake together.
 */
export const LOADING_WAIT_MS = 250;
