import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test (`foo.test.ts`) and run in plain Node.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Set-up hooks build bundles and start processes; on a loaded machine that takes longer than the default 10 s.
    hookTimeout: 60_000,
    // Both cores: the default keeps one free, which on a two-core machine runs the files one at a time.
    maxWorkers: 2,
    // Test files share a worker's modules instead of importing every module afresh for each file: that import took
    // a third of the run. No test file relies on a fresh module: each makes its own folders, services and state.
    isolate: false,
  },
});
