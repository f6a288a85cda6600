import { defineConfig } from "vitest/config";

// End-to-end tests: the real bot process against the local Discord stand-in (tests/discord).
// One file at a time (each starts its own stand-in and bot); generous timeouts for process start-up.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    env: { APPARAT_E2E: "1" },
  },
});
