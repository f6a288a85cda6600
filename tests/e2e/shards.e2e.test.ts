// `SHARD_COUNT=2 npm start` with PostgreSQL, against a stand-in that speaks shards: discord.js's
// ShardingManager runs one process per shard, each IDENTIFYs as its shard and is sent only its
// servers; interactions and trivia rounds work in servers of both; a shard killed mid-round is
// respawned and its round is revealed exactly once; SIGTERM to npm stops the whole tree in 5 s.
// With HTTP_PORT, the supervisor's one endpoint speaks for both shards.
import { readFileSync } from "node:fs";
import { type APIButtonComponentWithCustomId, ComponentType } from "discord-api-types/v10";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anyAlive, buildOnce, type NodeProcess, processTree, spawnNpmStart } from "../discord/bot-process.js";
import { type CallbackRecord, FakeDiscord, shardOf } from "../discord/fake-discord.js";
import { freePort, series } from "../support/http.js";
import { startPostgres, type TestPostgres } from "../support/postgres.js";
import { deploy, textOf } from "./harness.js";

/** Waits until the wall clock reaches `at` (a fault timed against a question's deadline). */
const until = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

const describeLinux = describe.skipIf(process.env.APPARAT_E2E !== "1" || process.platform !== "linux");

const buttonsOf = (data: CallbackRecord["data"]) =>
  (data?.components ?? [])
    .flatMap((row) => row.components)
    .filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && "custom_id" in c);

describeLinux("two shards with PostgreSQL", () => {
  let server: TestPostgres;
  let url = "";
  let fake: FakeDiscord;
  let npm: NodeProcess;
  let http = "";

  const shardProcesses = () => processTree(npm.pid).filter((p) => p.command.includes("launch.mjs bot"));
  const query = async <T>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    buildOnce();
    // Durable (fsync on, synchronous commits), as a real server is: an immediate shutdown below
    // must not lose what the bot was told was committed.
    server = await startPostgres({ durable: true });
    url = await server.createDatabase("shards_e2e");
    // Two servers, one on each shard; both shards may IDENTIFY at once (max_concurrency 2).
    fake = await FakeDiscord.start({
      heartbeatIntervalMs: 2000,
      shards: 2,
      maxConcurrency: 2,
      guildCount: 2,
    });
    const deployed = await deploy(fake);
    expect(deployed.exit.code, deployed.output).toBe(0);
    const port = await freePort();
    http = `http://127.0.0.1:${port}`;
    npm = spawnNpmStart({ env: fake.env({ SHARD_COUNT: "2", DATABASE_URL: url, HTTP_PORT: String(port) }) });
    await npm.waitForLine("all shards ready", 60_000);
  }, 90_000);

  afterAll(async () => {
    if (npm && npm.child.exitCode === null) {
      // The whole tree, read before anything dies: a killed parent's children are re-parented.
      for (const p of processTree(npm.pid).reverse()) {
        try {
          process.kill(p.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
    await fake?.stop();
    await server?.stop();
  });

  test("each shard process identifies as its shard and receives only its own servers", async () => {
    expect(fake.guilds.map((g) => shardOf(g.id, 2))).toEqual([0, 1]);
    const shards = fake.gateway.identifies.map((i) => i.shard).sort();
    expect(shards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.gateway.liveShards).toEqual([0, 1]);
    // The supervisor (npm → launcher) and one child process per shard.
    expect(shardProcesses()).toHaveLength(3);
  });

  test("interactions in servers of both shards are answered", async () => {
    for (const guild of fake.guilds) {
      const cb = await fake.dispatchInteraction(fake.chatInput("who", { name: "andropov" }, { guild }));
      expect(textOf(cb.data)).toContain("Andropov");
    }
  });

  test("one HTTP endpoint reports both shards: ready, connected, and the interactions above summed", async () => {
    const ready = await fetch(`${http}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, shards: [0, 1] });
    const text = await (await fetch(`${http}/metrics`)).text();
    expect(series(text, 'apparat_gateway_connected{shard="0"}')).toBe(1);
    expect(series(text, 'apparat_gateway_connected{shard="1"}')).toBe(1);
    expect(series(text, 'apparat_interactions_total{command="who",outcome="ok"}')).toBe(2);
  });

  test("a trivia round on each shard: answered, revealed once each, scores in PostgreSQL", async () => {
    const postsBefore = fake.channelPosts.length;
    for (const [i, guild] of fake.guilds.entries()) {
      const start = await fake.dispatchInteraction(
        fake.chatInput("trivia start", { questions: 1, seconds: 10 }, { guild }),
      );
      const original = fake.interactions.get(start.interactionId)?.original;
      const first = buttonsOf(start.data)[0];
      if (!original || !first) throw new Error(`no question in server ${i + 1}: ${textOf(start.data)}`);
      const pressed = await fake.dispatchInteraction(fake.button(original, first.custom_id, { guild }));
      expect(textOf(pressed.data)).toMatch(/Locked in/);
    }
    // Each channel: its reveal, then its standings; nothing twice.
    const posts = await fake.waitFor(
      () => {
        const p = fake.channelPosts.slice(postsBefore);
        return p.length >= 4 ? p : null;
      },
      40_000,
      "two reveals and two standings",
    );
    await new Promise((r) => setTimeout(r, 1000));
    for (const guild of fake.guilds) {
      const here = fake.channelPosts.slice(postsBefore).filter((p) => p.channelId === guild.channels[0]?.id);
      expect(here.map((p) => p.status)).toEqual([200, 200]);
    }
    expect(posts).toHaveLength(4);
    const rounds = await query<{ status: string; n: number }>(
      "SELECT status, COUNT(*)::int AS n FROM rounds GROUP BY status",
    );
    expect(rounds).toEqual([{ status: "finished", n: 2 }]);
    const answers = await query<{ n: number }>("SELECT COUNT(*)::int AS n FROM answers");
    expect(answers[0]?.n).toBe(2);
  }, 60_000);

  test("a shard killed mid-round is respawned and reveals its round exactly once", async () => {
    const guild = fake.guilds[1];
    if (!guild) throw new Error("no second server");
    const channelId = guild.channels[0]?.id;
    const start = await fake.dispatchInteraction(
      fake.chatInput("trivia start", { questions: 1, seconds: 10 }, { guild }),
    );
    expect(buttonsOf(start.data).length).toBeGreaterThanOrEqual(2);
    const postsBefore = fake.channelPosts.length;
    const identifiesBefore = fake.gateway.identifies.length;
    // The child the ShardingManager started for shard 1 (its SHARDS variable says which).
    const shardOne = shardProcesses().filter((p) => shardEnv(p.pid) === "1");
    expect(shardOne).toHaveLength(1);
    process.kill(shardOne[0]?.pid as number, "SIGKILL");
    // The supervisor respawns it; the new process IDENTIFYs as shard 1 again.
    await fake.waitFor(
      () => fake.gateway.identifies.slice(identifiesBefore).find((i) => i.shard[0] === 1) ?? null,
      30_000,
      "shard 1 identifying again",
    );
    // The round it left open is picked up and revealed once, then its standings.
    await fake.waitFor(
      () => {
        const here = fake.channelPosts.slice(postsBefore).filter((p) => p.channelId === channelId);
        return here.length >= 2 ? here : null;
      },
      40_000,
      "the resumed round's reveal and standings",
    );
    await new Promise((r) => setTimeout(r, 1500));
    const here = fake.channelPosts.slice(postsBefore).filter((p) => p.channelId === channelId);
    expect(here).toHaveLength(2);
    expect(textOf(here[0]?.message ?? undefined)).toMatch(/answer/i);
    const open = await query<{ n: number }>("SELECT COUNT(*)::int AS n FROM rounds WHERE status = 'running'");
    expect(open[0]?.n).toBe(0);
  }, 90_000);

  test("PostgreSQL stopped mid-question and back 8 s later, then stopped during /trivia stop: each post once, the round closed, the channel free", async ({
    onTestFailed,
  }) => {
    onTestFailed(() => console.error(`--- bot output ---\n${npm.output(60)}`));
    const guild = fake.guilds[0];
    const channelId = guild?.channels[0]?.id;
    if (!guild || !channelId) throw new Error("no first server");
    const posted = () =>
      fake.channelPosts.filter((p) => p.channelId === channelId && p.status === 200 && !p.deduplicated);
    const before = posted().length;
    const asked = Date.now();
    const start = await fake.dispatchInteraction(
      fake.chatInput("trivia start", { questions: 2, seconds: 10 }, { guild }),
    );
    const original = fake.interactions.get(start.interactionId)?.original;
    const buttons = buttonsOf(start.data);
    if (!original || buttons.length < 2) throw new Error(`no question: ${textOf(start.data)}`);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fake.dispatchInteraction(
          fake.button(original, buttons[i % buttons.length]?.custom_id ?? "", {
            guild,
            user: fake.makeUser(`pg-player${i}`),
          }),
        ),
      ),
    );
    expect(replies.filter((r) => /Locked in/.test(textOf(r.data)))).toHaveLength(20);
    // Immediate shutdown 8 s into the question; back 3 s later, 1 s after the reveal was due.
    await until(asked + 8_000);
    await server.outage();
    await until(asked + 11_000);
    expect(posted().length).toBe(before);
    await server.restart();
    const [reveal, next] = (
      await fake.waitFor(() => (posted().length >= before + 2 ? posted() : null), 30_000, "the reveal")
    ).slice(before);
    expect(textOf(reveal?.message ?? undefined)).toMatch(/Answer/);
    expect(next?.message?.embeds?.[0]?.title).toBe("Question 2 of 2");

    await server.outage();
    const stop = await fake.dispatchInteraction(fake.chatInput("trivia stop", {}, { guild }));
    expect(textOf(stop.data)).toContain("will be closed as soon as it answers again");
    await server.restart();
    const all = (
      await fake.waitFor(() => (posted().length >= before + 4 ? posted() : null), 30_000, "the standings")
    ).slice(before);
    expect(all.map((p) => p.message?.embeds?.[0]?.title)).toEqual([
      expect.stringMatching(/^Answer/),
      "Question 2 of 2",
      expect.stringMatching(/^Answer/),
      "Standings",
    ]);
    expect(textOf(all[3]?.message ?? undefined)).toContain("The round was stopped.");
    const answers = await query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM answers a JOIN asked q ON q.id = a.asked_id WHERE q.round_id = (SELECT MAX(id) FROM rounds)",
    );
    expect(answers[0]?.n).toBe(20);
    const again = await fake.dispatchInteraction(
      fake.chatInput("trivia start", { questions: 1, seconds: 10 }, { guild }),
    );
    expect(buttonsOf(again.data).length, textOf(again.data)).toBeGreaterThanOrEqual(2);
    await fake.dispatchInteraction(fake.chatInput("trivia stop", {}, { guild }));
  }, 90_000);

  test("SIGTERM to npm stops every process of the tree within 5 s", async () => {
    const pids = processTree(npm.pid).map((p) => p.pid);
    expect(pids.length).toBeGreaterThanOrEqual(4);
    const started = performance.now();
    npm.child.kill("SIGTERM");
    while (anyAlive(pids) && performance.now() - started < 6000) await new Promise((r) => setTimeout(r, 20));
    const took = performance.now() - started;
    expect(anyAlive(pids), `still alive after ${took.toFixed(0)} ms`).toBe(false);
    expect(took).toBeLessThan(5000);
    const exit = await npm.exited;
    expect(exit.code).toBe(0);
  }, 20_000);
});

/** The SHARDS variable the ShardingManager gave a child process (which shard it runs). */
function shardEnv(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/environ`, "utf8")
      .split("\0")
      .find((kv) => kv.startsWith("SHARDS="))
      ?.slice("SHARDS=".length);
  } catch {
    return undefined;
  }
}
