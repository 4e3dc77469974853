import pino, { type Logger } from 'pino';

/**
 * The collector's one logger: JSON lines on standard error, named `tagwarden`, `warn` and
 * above unless `--log-level` asks for more, so a healthy server says nothing.
 */
export function createLogger(level: string): Logger {
  return pino({ name: 'tagwarden', level }, pino.destination({ fd: 2, sync: false }));
}
