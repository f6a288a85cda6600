import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

const Snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17–20 digits)");

const ConfigSchema = z.object({
  DISCORD_TOKEN: z.string().min(50, "looks too short for a Discord bot token").optional(),
  DISCORD_CLIENT_ID: Snowflake.optional(),
  DISCORD_GUILD_ID: Snowflake.optional(),
  DISCORD_API_BASE: z.url("must be a URL such as https://discord.com/api").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_PATH: z.string().min(1).optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads KEY=value lines; the real environment wins over the file. */
export function readDotEnv(path = resolve(process.cwd(), ".env")): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const m = line.match(/^\s*(?:export\s+)?([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (!m) continue;
    out[m[1] as string] = (m[2] as string).replace(/^(['"])(.*)\1$/, "$2");
  }
  return out;
}

/** Validates the environment, with a message naming each bad variable (never its value). */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  dotenv: Record<string, string> = readDotEnv(),
): Config {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...dotenv, ...env })) if (v !== undefined && v !== "") merged[k] = v;
  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new ConfigError(`The environment is not valid (see .env.example):\n${problems}`);
  }
  return result.data;
}

/**
 * For the entry points (`npm start`, deploy-commands): the configuration, or the message to print
 * before exiting with status 1 when the environment is not valid.
 */
export function configOrMessage():
  | { config: Config; message?: undefined }
  | { config?: undefined; message: string } {
  try {
    return { config: loadConfig() };
  } catch (err) {
    return { message: err instanceof ConfigError ? err.message : String(err) };
  }
}
