/** Exit codes shared by every verb; documented in the README. */
export const exitCodes = {
  clean: 0,
  violations: 1,
  usageOrInput: 2,
} as const;
