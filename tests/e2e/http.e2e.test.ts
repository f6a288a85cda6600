// `npm start` with HTTP_PORT against the Discord stand-in: /readyz is 503 until READY and while
// PostgreSQL is away, 200 otherwise, without a restart; /metrics counts exactly the interactions
// sent, by command; the teacher's page link from /settings page opens over the real port. (With
// SHARD_COUNT=2, one endpoint for both shards: shards.e2e.test.ts, whose processes are running.)
import { PermissionFlagsBits } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildOnce, type NodeProcess, processTree, spawnNpmStart } from "../discord/bot-process.js";
import { FakeDiscord } from "../discord/fake-discord.js";
import { MEMBER_PERMISSIONS } from "../discord/fixtures.js";
import { freePort, series } from "../support/http.js";
import { startPostgres, type TestPostgres } from "../support/postgres.js";
import { deploy, textOf } from "./harness.js";

const describeLinux = describe.skipIf(process.env.APPARAT_E2E !== "1" || process.platform !== "linux");

/** Asks until `check` holds (each answer to it), or fails with the last answer after `ms`. */
async function until<T>(ask: () => Promise<T>, check: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await ask();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function killTree(npm: NodeProcess | undefined) {
  if (!npm || npm.child.exitCode !== null) return;
  for (const p of processTree(npm.pid).reverse()) {
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

describeLinux("npm start with HTTP_PORT", () => {
  let server: TestPostgres;
  let fake: FakeDiscord;
  let npm: NodeProcess;
  let base = "";
  let letReady: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    letReady = resolve;
  });
  const ready = async () => {
    const res = await fetch(`${base}/readyz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    buildOnce();
    server = await startPostgres();
    const [url, port] = await Promise.all([server.createDatabase("http_e2e"), freePort()]);
    base = `http://127.0.0.1:${port}`;
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 2000, readyGate: () => gate });
    const deployed = await deploy(fake);
    expect(deployed.exit.code, deployed.output).toBe(0);
    npm = spawnNpmStart({ env: fake.env({ DATABASE_URL: url, HTTP_PORT: String(port) }) });
  }, 60_000);

  afterAll(async () => {
    letReady();
    killTree(npm);
    await fake?.stop();
    await server?.stop();
  });

  test("/readyz is 503 until the gateway's READY, then 200; /healthz answers throughout", async () => {
    await npm.waitForLine("HTTP server listening", 30_000);
    await fake.waitForIdentify(1, 30_000);
    const before = await ready();
    expect(before).toEqual({
      status: 503,
      body: { ready: false, reason: "shard 0 is not connected to Discord", shard: 0 },
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    letReady();
    await npm.waitForLine("connected to Discord", 30_000);
    expect(await until(ready, (r) => r.status === 200, 10_000)).toEqual({
      status: 200,
      body: { ready: true, shards: [0] },
    });
  });

  test("/metrics counts exactly the interactions sent, by command", async () => {
    const sent = [
      fake.chatInput("who", { name: "krushchev" }),
      fake.chatInput("who", { name: "andropov" }),
      fake.chatInput("when", { date: "May 1983" }),
      fake.chatInput("help", {}),
    ];
    for (const interaction of sent) await fake.dispatchInteraction(interaction);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(series(text, 'apparat_interactions_total{command="who",outcome="ok"}')).toBe(2);
    expect(series(text, 'apparat_interactions_total{command="when",outcome="ok"}')).toBe(1);
    expect(series(text, 'apparat_interactions_total{command="help",outcome="ok"}')).toBe(1);
    const all = text
      .split("\n")
      .filter((l) => l.startsWith("apparat_interactions_total{"))
      .reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
    expect(all).toBe(4);
    expect(series(text, 'apparat_handler_seconds_count{command="who"}')).toBe(2);
    expect(series(text, 'apparat_gateway_connected{shard="0"}')).toBe(1);
    expect(series(text, "apparat_trivia_rounds_running")).toBe(0);
    expect(series(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  test("/settings page enable answers privately with a link that opens the page; /settings page revoke makes it 404", async () => {
    const admin = { permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild };
    const interaction = fake.chatInput("settings page enable", {}, admin);
    // As Discord nests a group's subcommand: the group (type 2) holding the subcommand (type 1).
    expect(interaction.data.options).toEqual([
      { name: "page", type: 2, options: [{ name: "enable", type: 1, options: [] }] },
    ]);
    const enabled = await fake.dispatchInteraction(interaction);
    const path = textOf(enabled.data).match(/http:\/\/127\.0\.0\.1:\d+(\/p\/[A-Za-z0-9_-]{43})/)?.[1];
    if (!path) throw new Error(`no link in ${textOf(enabled.data)}\n${npm.output(30)}`);
    const page = await fetch(`${base}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Trivia progress");
    await fake.dispatchInteraction(fake.chatInput("settings page revoke", {}, admin));
    expect((await fetch(`${base}${path}`)).status).toBe(404);
  });

  test("/readyz is 503 while PostgreSQL is stopped and 200 once it is back, the same process throughout", async () => {
    const pid = npm.pid;
    await server.outage();
    try {
      const away = await until(ready, (r) => r.status === 503, 15_000);
      expect(away.body).toEqual({
        ready: false,
        reason: "the database does not answer",
        database: "unreachable",
      });
    } finally {
      await server.restart();
    }
    expect((await until(ready, (r) => r.status === 200, 20_000)).body).toEqual({ ready: true, shards: [0] });
    expect(npm.pid).toBe(pid);
    expect(npm.child.exitCode).toBeNull();
    expect(npm.lines.filter((l) => l.msg === "connected to Discord")).toHaveLength(1);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(series(text, "apparat_database_errors_total")).toBeGreaterThan(0);
  }, 60_000);
});
