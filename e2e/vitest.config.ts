import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (Debian's /usr/bin/chromium) against a real server.
// Two files at a time: each starts its own server and browser, and one file alone leaves a core idle.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: true,
    maxWorkers: 2,
    // The default 1 s is too short for a page re-rendering while CI's two cores are busy.
    expect: { poll: { timeout: 10_000 } },
  },
});
