import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, DOTENV_PATH, loadConfig, readDotEnv } from "../src/config.js";
import { createLogger } from "../src/log.js";

const TOKEN = `${"M".repeat(24)}.${"x".repeat(6)}.${"y".repeat(38)}`;

describe("config", () => {
  it("accepts a complete environment and defaults the log level", () => {
    const c = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: "123456789012345678" }, {});
    expect(c).toMatchObject({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: "123456789012345678",
      LOG_LEVEL: "info",
    });
  });

  it("names every bad variable with what was read, and never echoes the token", () => {
    try {
      loadConfig(
        {
          DISCORD_TOKEN: "short-secret",
          DISCORD_GUILD_ID: "abc",
          LOG_LEVEL: "loud",
          DISCORD_API_BASE: "nope",
        },
        {},
      );
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      for (const name of ["DISCORD_TOKEN", "DISCORD_GUILD_ID", "LOG_LEVEL", "DISCORD_API_BASE"])
        expect(message).toContain(name);
      expect(message).not.toContain("short-secret");
      expect(message).toContain(
        "DISCORD_TOKEN: looks too short for a Discord bot token (read 12 characters from the environment)",
      );
      expect(message).toContain(
        'DISCORD_GUILD_ID: must be a Discord id (17–20 digits) (read "abc" from the environment)',
      );
      expect(message).toContain('"loud"');
    }
  });

  it("reads .env, and the real environment wins", () => {
    const dir = mkdtempSync(join(tmpdir(), "apparat-env-"));
    writeFileSync(join(dir, ".env"), `# comment\nLOG_LEVEL=debug\nDISCORD_CLIENT_ID="123456789012345678"\n`);
    const dotenv = readDotEnv(join(dir, ".env"));
    expect(loadConfig({ LOG_LEVEL: "warn" }, dotenv)).toMatchObject({
      LOG_LEVEL: "warn",
      DISCORD_CLIENT_ID: "123456789012345678",
    });
  });

  it("strips inline comments after unquoted values, keeps # inside quotes, and says where a bad value came from", () => {
    const dir = mkdtempSync(join(tmpdir(), "apparat-env-"));
    writeFileSync(
      join(dir, ".env"),
      'LOG_LEVEL=debug   # chatty while developing\nDATABASE_PATH="var/#1.sqlite" # quoted\nDISCORD_GUILD_ID=12 # wrong\n',
    );
    const dotenv = readDotEnv(join(dir, ".env"));
    expect(dotenv).toMatchObject({
      LOG_LEVEL: "debug",
      DATABASE_PATH: "var/#1.sqlite",
      DISCORD_GUILD_ID: "12",
    });
    expect(() => loadConfig({}, dotenv)).toThrow(
      'DISCORD_GUILD_ID: must be a Discord id (17–20 digits) (read "12" from .env)',
    );
  });

  it("reads .env beside package.json, whatever the working directory", () => {
    expect(DOTENV_PATH).toBe(join(fileURLToPath(new URL("..", import.meta.url)), ".env"));
  });
});

describe("logging", () => {
  it("redacts the token wherever it appears", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "info", destination: { write: (s: string) => lines.push(s) } });
    log.info(
      { token: TOKEN, config: { DISCORD_TOKEN: TOKEN }, headers: { authorization: `Bot ${TOKEN}` } },
      "hello",
    );
    expect(lines.join("")).not.toContain(TOKEN);
    expect(lines.join("")).toContain("[redacted]");
  });
});

describe("npm start without a token or a terminal", () => {
  it("exits with status 1 and says what to set", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      encoding: "utf8",
      input: "",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "silent" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DISCORD_TOKEN is not set/);
    expect(r.stderr).toMatch(/\.env/);
  });
});
