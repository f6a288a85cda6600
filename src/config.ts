import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { projectPath } from "./paths.js";

const Snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17–20 digits)");

const ConfigSchema = z.object({
  DISCORD_TOKEN: z.string().min(50, "looks too short for a Discord bot token").optional(),
  DISCORD_CLIENT_ID: Snowflake.optional(),
  DISCORD_GUILD_ID: Snowflake.optional(),
  DISCORD_API_BASE: z.url("must be a URL such as https://discord.com/api").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_PATH: z.string().min(1).optional(),
  /** PostgreSQL instead of SQLite, for processes or hosts that share one database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for SQLite)")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Shards in all: "auto" (Discord's recommendation) or a number. Unset: one process, no manager. */
  SHARD_COUNT: z
    .string()
    .regex(/^(auto|[1-9]\d{0,4})$/, 'must be "auto" or a number of shards such as 4')
    .optional(),
  /** The shards this host runs, of SHARD_COUNT, for several hosts sharing the work: "0,1" or "0-3". */
  SHARD_IDS: z
    .string()
    .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'must list shard ids such as "0,1" or "0-3"')
    .optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Variables whose values are secret: a message about them never shows what was read. */
const SECRETS = new Set(["DISCORD_TOKEN", "DATABASE_URL"]);

/** One `.env` value: quotes removed; after an unquoted value, ` # a comment` is not part of it. */
function dotEnvValue(raw: string): string {
  const quoted = raw.match(/^(['"])(.*?)\1/);
  if (quoted) return quoted[2] as string;
  return raw.replace(/(^|\s+)#.*$/, "").trim();
}

/**
 * Reads KEY=value lines from the project's `.env` (beside package.json, whatever the working
 * directory); the real environment wins over the file.
 */
export const DOTENV_PATH = projectPath(".env");

export function readDotEnv(path = DOTENV_PATH): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const m = line.match(/^\s*(?:export\s+)?([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (!m) continue;
    out[m[1] as string] = dotEnvValue(m[2] as string);
  }
  return out;
}

/** Validates the environment, with a message naming each bad variable and what was read (never a secret). */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  dotenv: Record<string, string> = readDotEnv(),
): Config {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...dotenv, ...env })) if (v !== undefined && v !== "") merged[k] = v;
  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => {
        const key = i.path.join(".");
        const value = merged[key];
        const origin = env[key] !== undefined && env[key] !== "" ? "the environment" : ".env";
        const read =
          value === undefined
            ? ""
            : SECRETS.has(key)
              ? ` (read ${value.length} characters from ${origin})`
              : ` (read ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} from ${origin})`;
        return `  ${key}: ${i.message}${read}`;
      })
      .join("\n");
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
