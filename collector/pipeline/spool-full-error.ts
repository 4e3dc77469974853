/** The spool holds as much as it may: the request is refused with 503 and Retry-After. */
export class SpoolFullError extends Error {
  constructor(
    readonly spoolBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `the spool holds ${spoolBytes} of ${limitBytes} bytes while the warehouse catches up; retry later`,
    );
    this.name = 'SpoolFullError';
  }
}
