import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (Debian's /usr/bin/chromium) against a real server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
