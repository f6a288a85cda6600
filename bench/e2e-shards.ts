// bench:e2e's rows for two shards: `npm start`'s command with SHARD_COUNT=2 on PostgreSQL (a
// throwaway server with durable settings), against a stand-in with two servers, one per shard.
// Start-up to every shard ready, /who and trivia answer clicks spread over both servers, the whole
// process tree's CPU and memory, and SIGTERM to the last process gone.
import { performance } from "node:perf_hooks";
import {
  type APIButtonComponentWithCustomId,
  type APIInteraction,
  type APIMessage,
  ComponentType,
  InteractionResponseType,
} from "discord-api-types/v10";
import { processTree, runDeploy, spawnBot } from "../tests/discord/bot-process.js";
import { FakeDiscord } from "../tests/discord/fake-discord.js";
import { startPostgres } from "../tests/support/postgres.js";
import { treeCpuSeconds, treeKb } from "./proc.js";
import { percentile, printTable } from "./report.js";

const PER_ROW = 3000;
const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "-");

interface Row {
  answered: number;
  failed: number;
  perSecond: number;
  p50: number;
  p99: number;
  cpuPct: number;
}

/** `count` interactions, `concurrency` in flight, each expecting a callback of type `expect`. */
async function closedLoop(
  fake: FakeDiscord,
  pids: number[],
  count: number,
  concurrency: number,
  make: (i: number) => APIInteraction,
  expect: InteractionResponseType,
): Promise<Row> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const cpu0 = treeCpuSeconds(pids);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const interaction = make(i);
        try {
          const cb = await fake.dispatchInteraction(interaction, { timeoutMs: 5000 });
          if (cb.type === expect) latencies.push(cb.ms);
          else failed++;
        } catch {
          failed++;
        } finally {
          fake.forget(interaction.id);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    answered: latencies.length,
    failed,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuPct: ((treeCpuSeconds(pids) - cpu0) / seconds) * 100,
  };
}

export async function benchShards(concurrency: number): Promise<void> {
  const server = await startPostgres({ durable: true });
  const fake = await FakeDiscord.start({ shards: 2, maxConcurrency: 2, guildCount: 2 });
  fake.rest.record = false;
  try {
    const deployed = await runDeploy({ env: fake.env({ DISCORD_GUILD_ID: fake.guild.id }) });
    if (deployed.exit.code !== 0) throw new Error(`deploy-commands failed:\n${deployed.output}`);
    const url = await server.createDatabase("bench_shards");
    const spawned = performance.now();
    const bot = spawnBot({ env: fake.env({ SHARD_COUNT: "2", DATABASE_URL: url }), logLevel: "info" });
    await bot.waitForLine(/all shards ready/, 90_000).catch(async () => {
      throw new Error(`the shards did not start:\n${bot.output(40)}`);
    });
    const readyMs = performance.now() - spawned;
    const pids = processTree(bot.pid).map((p) => p.pid);
    const guilds = fake.guilds;
    const users = Array.from({ length: PER_ROW }, (_, n) => fake.makeUser(`shard_member_${n}`));
    const where = (i: number) => ({ guild: guilds[i % guilds.length], user: users[i % users.length] });

    const askWho = (i: number) =>
      fake.chatInput("who", { name: ["khrushchev", "stalin", "andropov"][i % 3] as string }, where(i));
    // Warm-up (JIT, connections), not counted.
    await closedLoop(fake, pids, 300, concurrency, askWho, InteractionResponseType.ChannelMessageWithSource);
    const who = await closedLoop(
      fake,
      pids,
      PER_ROW,
      concurrency,
      askWho,
      InteractionResponseType.ChannelMessageWithSource,
    );
    // A long round in each server; then every member presses an answer once: each click is a
    // committed answer in PostgreSQL before its private reply.
    const questions: {
      guild: (typeof guilds)[number];
      message: APIMessage;
      button: APIButtonComponentWithCustomId;
    }[] = [];
    for (const guild of guilds) {
      const start = await fake.dispatchInteraction(
        fake.chatInput("trivia start", { questions: 1, seconds: 120 }, { guild }),
      );
      const message = fake.interactions.get(start.interactionId)?.original;
      const button = (start.data?.components ?? [])
        .flatMap((row) => row.components)
        .find(
          (c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && "custom_id" in c,
        );
      if (!message || !button) throw new Error("no trivia question to answer");
      questions.push({ guild, message, button });
    }
    const clicks = await closedLoop(
      fake,
      pids,
      PER_ROW,
      concurrency,
      (i) => {
        const q = questions[i % questions.length] as (typeof questions)[0];
        return fake.button(q.message, q.button.custom_id, { guild: q.guild, user: users[i] });
      },
      InteractionResponseType.ChannelMessageWithSource,
    );
    const rssKb = treeKb(pids, "VmRSS");
    const stopped = await bot.stop("SIGTERM");
    const row = (kind: string, r: Row) => [
      kind,
      String(r.answered),
      String(r.failed),
      fmt(r.perSecond, 0),
      fmt(r.p50, 2),
      fmt(r.p99, 2),
      `${fmt(r.cpuPct, 0)}%`,
    ];
    printTable(
      `Two shards: SHARD_COUNT=2 on PostgreSQL, ${concurrency} in flight, spread over a server on each shard`,
      ["kind", "answered", "failed", "per s", "p50 ms", "p99 ms", "CPU (all processes)"],
      [row("/who", who), row("trivia answer (button, committed)", clicks)],
      ["l", "r", "r", "r", "r", "r", "r"],
    );
    printTable(
      "Two shards: the process tree",
      ["measure", "value"],
      [
        ["spawn → every shard ready", `${fmt(readyMs, 0)} ms`],
        [
          `RSS of ${pids.length} processes (supervisor and shards) after the rows`,
          `${fmt(rssKb / 1024, 0)} MiB`,
        ],
        ["SIGTERM → whole tree gone", `${fmt(stopped.ms, 0)} ms (exit ${stopped.code ?? stopped.signal})`],
      ],
      ["l", "r"],
    );
  } finally {
    await fake.stop();
    await server.stop();
  }
}
