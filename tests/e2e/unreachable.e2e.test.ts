// An API that cannot be reached, at start and in deploy-commands: a clear message naming the host
// and what went wrong, well within 15 s, and exit status 1 (never a minute of silence).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runDeploy, spawnBot } from "../discord/bot-process.js";
import { makeToken } from "../discord/fixtures.js";
import { describeE2E } from "./harness.js";

const APP_ID = "1100000000000000001";

describeE2E("an unreachable Discord API", () => {
  let silent: Server;
  let silentBase = "";
  let closedBase = "";
  beforeAll(async () => {
    // Accepts connections and never answers: a firewall that drops, a hung proxy.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    silentBase = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api`;
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    closedBase = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/api`;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  const env = (base: string) => ({
    DISCORD_TOKEN: makeToken(APP_ID),
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_API_BASE: base,
  });

  test("npm start against a host that never answers: says so within 15 s and exits 1", async () => {
    const bot = spawnBot({ env: env(silentBase) });
    const exit = await bot.exited;
    expect(exit.code, bot.output()).toBe(1);
    expect(exit.at - bot.startedAt).toBeLessThan(15_000);
    const host = new URL(silentBase).host;
    expect(bot.output()).toContain(`Could not reach the Discord API at ${host} (no answer within 10 s)`);
  });

  test("npm start against a closed port: says so at once and exits 1", async () => {
    const bot = spawnBot({ env: env(closedBase) });
    const exit = await bot.exited;
    expect(exit.code, bot.output()).toBe(1);
    expect(exit.at - bot.startedAt).toBeLessThan(5_000);
    expect(bot.output()).toMatch(/Could not reach the Discord API at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  test("deploy-commands against a host that never answers: says so within 15 s and exits 1", async () => {
    const started = performance.now();
    const { exit, output } = await runDeploy({ env: env(silentBase) });
    expect(exit.code, output).toBe(1);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(output).toContain("Could not reach the Discord API");
    expect(output).toContain("no answer within 10 s");
  });
});
