/**
 * Events the Google tag sends on its own, with no dataLayer push of that name: the page view
 * of `config`, engagement pings, enhanced measurement and the automatically collected events
 * (Google's "Automatically collected events" and "Enhanced measurement events" help pages).
 * A hit of these names without a push is expected, not an orphan.
 */
export const automaticGa4Events: ReadonlySet<string> = new Set([
  'page_view',
  'user_engagement',
  'scroll',
  'click',
  'file_download',
  'form_start',
  'form_submit',
  'video_start',
  'video_progress',
  'video_complete',
  'view_search_results',
  'session_start',
  'first_visit',
]);
