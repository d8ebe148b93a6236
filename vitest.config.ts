import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
