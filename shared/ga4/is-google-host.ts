/** google.com and its country domains (google.de, google.co.uk, google.com.br …) */
const GOOGLE_HOST = /(?:^|\.)google\.(?:com|[a-z]{2,3}|com?\.[a-z]{2})$/;

/** True for a lower-cased host name on one of Google's own web domains. */
export function isGoogleHost(host: string): boolean {
  return GOOGLE_HOST.test(host);
}
