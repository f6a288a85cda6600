import pino, { type Logger } from "pino";

/** Paths pino blanks out wherever they appear in a log line, so secrets never reach logs. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "DISCORD_TOKEN",
  "*.DISCORD_TOKEN",
  "config.token",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.authorization",
  // A PostgreSQL URL carries its password.
  "DATABASE_URL",
  "*.DATABASE_URL",
  "connectionString",
  "*.connectionString",
  "password",
  "*.password",
  // discord.js's API errors carry the request URL: an interaction's or webhook's token is in it.
  "err.url",
  "*.err.url",
];

export interface LoggerOptions {
  level?: string;
  /** Pretty lines in a terminal, JSON otherwise (default: whether stdout is a TTY). */
  pretty?: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  const base: pino.LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  if (options.destination) return pino(base, options.destination);
  if (pretty) {
    return pino({
      ...base,
      transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss" } },
    });
  }
  return pino(base);
}
