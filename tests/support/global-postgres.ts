// Vitest global setup: one throwaway PostgreSQL server for the whole run (each test file makes its
// own database on it). Without the server programs, a developer's run says so and skips those
// tests; under CI that is a failure, never a skip.
import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test server's URL, or "" when none could be started (never under CI). */
    postgresUrl: string;
    postgresMissing: string;
  }
}

export default async function setup(project: TestProject) {
  try {
    const server = await startPostgres();
    project.provide("postgresUrl", server.url);
    project.provide("postgresMissing", "");
    return () => server.stop();
  } catch (err) {
    if (process.env.CI) throw err;
    const why = (err as Error).message;
    process.stderr.write(`\n[apparat] PostgreSQL tests will be skipped: ${why}\n\n`);
    project.provide("postgresUrl", "");
    project.provide("postgresMissing", why);
    return undefined;
  }
}
