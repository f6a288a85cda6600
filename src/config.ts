import { existsSync, readFileSync } from "node:fs";
import { projectPath } from "./paths.js";

// The environment is checked by a small table of rules rather than a schema library: the bot
// reads it at every start, and zod alone is three quarters of a megabyte of JavaScript to load.

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export interface Config {
  DISCORD_TOKEN?: string;
  DISCORD_CLIENT_ID?: string;
  DISCORD_GUILD_ID?: string;
  DISCORD_API_BASE?: string;
  /** How long a request to Discord's API may take before it is given up (and, where safe, retried). */
  DISCORD_REST_TIMEOUT_MS: number;
  LOG_LEVEL: (typeof LOG_LEVELS)[number];
  DATABASE_PATH?: string;
  /** PostgreSQL instead of SQLite, for processes or hosts that share one database. */
  DATABASE_URL?: string;
  DATABASE_POOL_SIZE: number;
  /** Shards in all: "auto" (Discord's recommendation) or a number. Unset: one process, no manager. */
  SHARD_COUNT?: string;
  /** The shards this host runs, of SHARD_COUNT, for several hosts sharing the work: "0,1" or "0-3". */
  SHARD_IDS?: string;
  /** The operator's endpoints and the teacher's page are served only when this is set. */
  HTTP_PORT?: number;
  HTTP_HOST: string;
  /** Where people reach the server from outside (a reverse proxy's https:// address), for links. */
  HTTP_PUBLIC_URL?: string;
}

/** Each variable: what is wrong with a value (null when it is fine), and how to read it. */
const RULES: Record<string, { problem: (v: string) => string | null; read?: (v: string) => unknown }> = {
  DISCORD_TOKEN: { problem: (v) => (v.length < 50 ? "looks too short for a Discord bot token" : null) },
  DISCORD_CLIENT_ID: {
    problem: (v) => (/^\d{17,20}$/.test(v) ? null : "must be a Discord id (17–20 digits)"),
  },
  DISCORD_GUILD_ID: {
    problem: (v) => (/^\d{17,20}$/.test(v) ? null : "must be a Discord id (17–20 digits)"),
  },
  DISCORD_API_BASE: {
    problem: (v) =>
      URL.canParse(v) && /^https?:/.test(v) ? null : "must be a URL such as https://discord.com/api",
  },
  DISCORD_REST_TIMEOUT_MS: {
    problem: (v) =>
      /^\d{1,6}$/.test(v) && Number(v) >= 1000 && Number(v) <= 120_000
        ? null
        : "must be a number of milliseconds from 1000 to 120000",
    read: Number,
  },
  LOG_LEVEL: {
    problem: (v) =>
      (LOG_LEVELS as readonly string[]).includes(v) ? null : `must be one of ${LOG_LEVELS.join(", ")}`,
  },
  DATABASE_PATH: { problem: () => null },
  DATABASE_URL: {
    problem: (v) =>
      /^postgres(ql)?:\/\//.test(v) ? null : "must be a postgres:// URL (leave it unset for SQLite)",
  },
  DATABASE_POOL_SIZE: {
    problem: (v) =>
      /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 200 ? null : "must be a number from 1 to 200",
    read: Number,
  },
  SHARD_COUNT: {
    problem: (v) =>
      /^(auto|[1-9]\d{0,4})$/.test(v) ? null : 'must be "auto" or a number of shards such as 4',
  },
  SHARD_IDS: {
    problem: (v) =>
      /^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(v) ? null : 'must list shard ids such as "0,1" or "0-3"',
  },
  HTTP_PORT: {
    problem: (v) =>
      /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65_535
        ? null
        : "must be a port number from 1 to 65535",
    read: Number,
  },
  HTTP_HOST: {
    problem: (v) =>
      /^[A-Za-z0-9.:_-]+$/.test(v) ? null : "must be an address or host name such as 127.0.0.1",
  },
  HTTP_PUBLIC_URL: {
    problem: (v) =>
      URL.canParse(v) && /^https?:\/\//.test(v) && !v.includes("?") && !v.includes("#")
        ? null
        : "must be an http:// or https:// address without ? or #, such as https://apparat.example.org",
  },
};

const DEFAULTS = {
  LOG_LEVEL: "info",
  DATABASE_POOL_SIZE: 10,
  DISCORD_REST_TIMEOUT_MS: 15_000,
  HTTP_HOST: "127.0.0.1",
} as const;

/** The address links to the teacher's page start with: HTTP_PUBLIC_URL, or where the server listens. */
export function publicBaseUrl(config: Pick<Config, "HTTP_PORT" | "HTTP_HOST" | "HTTP_PUBLIC_URL">): string {
  if (config.HTTP_PUBLIC_URL) return config.HTTP_PUBLIC_URL.replace(/\/+$/, "");
  const host = config.HTTP_HOST.includes(":") ? `[${config.HTTP_HOST}]` : config.HTTP_HOST;
  return `http://${host}:${config.HTTP_PORT}`;
}

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
  const config: Record<string, unknown> = { ...DEFAULTS };
  const problems: string[] = [];
  for (const [key, rule] of Object.entries(RULES)) {
    const value = merged[key];
    if (value === undefined) continue;
    const problem = rule.problem(value);
    if (problem === null) {
      config[key] = rule.read ? rule.read(value) : value;
      continue;
    }
    const origin = env[key] !== undefined && env[key] !== "" ? "the environment" : ".env";
    const read = SECRETS.has(key)
      ? ` (read ${value.length} characters from ${origin})`
      : ` (read ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} from ${origin})`;
    problems.push(`  ${key}: ${problem}${read}`);
  }
  if (problems.length > 0)
    throw new ConfigError(`The environment is not valid (see .env.example):\n${problems.join("\n")}`);
  return config as unknown as Config;
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
