import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Deadlines for a hung test, not speed checks: CI and development machines are shared, and
    // browser tests that take seconds when quiet take tens of seconds under load.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
