// `npm run db:migrate`: applies the schema's migrations to the configured database (DATABASE_URL,
// else DATABASE_PATH) and says where it stands. The bot does the same at start-up; operators run
// this first to upgrade a shared PostgreSQL once, before rolling out the new version to every host.
import { configOrMessage } from "../config.js";
import { openStorage } from "./open.js";

async function main(): Promise<number> {
  const { config, message } = configOrMessage();
  if (!config) {
    console.error(message);
    return 1;
  }
  try {
    const storage = await openStorage(config);
    await storage.close();
    console.log(`${storage.where}: schema version ${storage.version}, up to date.`);
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
}

process.exitCode = await main();
