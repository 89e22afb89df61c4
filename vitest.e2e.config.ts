import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Chromium against the sandbox. One browser per file,
// files run one at a time (two cores; Chromium wants them).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
