/** `14:03:07.412`: the wall-clock time of a record, to the millisecond, in local time. */
export function formatTime(time: number): string {
  if (!Number.isFinite(time)) return '--:--:--.---';
  const date = new Date(time);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** `+1.2 s` / `-350 ms`: the delay between two linked records. */
export function formatDelay(delayMs: number): string {
  const sign = delayMs < 0 ? '-' : '+';
  const size = Math.abs(delayMs);
  return size < 1_000 ? `${sign}${Math.round(size)} ms` : `${sign}${(size / 1_000).toFixed(1)} s`;
}
