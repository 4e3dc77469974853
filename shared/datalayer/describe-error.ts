/** The message of a thrown value, for a warning; never throws itself. */
export function describeError(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an error that cannot be printed';
  }
}
