/** One request the stand-in Google endpoint received, as it arrived. */
export interface RecordedHit {
  method: string;
  /** The full URL, as a capture records it: `http://127.0.0.1:<port>/g/collect?v=2&…`. */
  url: string;
  /** The body as text; `''` for a GET or an empty POST. */
  body: string;
  /** The headers that say where the hit came from: content-type, origin, referer, user-agent. */
  headers: Record<string, string>;
  /** Milliseconds since the epoch when the request was received. */
  time: number;
}
