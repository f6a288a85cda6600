import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The end-to-end suite spawns the bot against a local Discord stand-in: `npm run test:e2e`.
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    testTimeout: 20_000,
    // A throwaway PostgreSQL server for the storage tests that run on both databases.
    globalSetup: ["tests/support/global-postgres.ts"],
  },
});
