import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects, so a test boots only what it uses:
// - sandbox: the sandbox's contract tests, plain Node against real HTTP (no fake browser);
// - unit: the extension's logic with WXT's fake browser and fake-indexeddb (tests/unit/setup.ts),
//   in Node. A file that renders or reads a DOM says so on its first line with
//   `// @vitest-environment happy-dom` (and why), so only those files pay for happy-dom.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'sandbox', include: ['tests/sandbox/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/security/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
    ],
  },
});
