import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The end-to-end suite spawns the bot against a local Discord stand-in: `npm run test:e2e`.
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    testTimeout: 20_000,
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine (CI's),
    // where much of the suite waits on child processes and PostgreSQL. Two there halve its time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A throwaway PostgreSQL server for the storage tests that run on both databases.
    globalSetup: ["tests/support/global-postgres.ts"],
  },
});
