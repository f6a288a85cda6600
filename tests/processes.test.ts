// Several bot processes on one database, on SQLite and on PostgreSQL: real child processes (the
// real game over the real storage, tests/support/trivia-worker.ts), real connections. Clicks
// spread over two processes count once each; a process killed with SIGKILL mid-round loses
// nothing, and its round, picked up by two processes at once, is revealed exactly once; a shard's
// rounds are never touched by another shard's process.
import { type ChildProcess, fork } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { loadShippedDataset } from "../src/data/shipped.js";
import { shardOfGuild } from "../src/interactions/shards.js";
import type { Storage } from "../src/storage/sql.js";
import { allQuestions } from "../src/trivia/questions.js";
import { TriviaStore } from "../src/trivia/store.js";
import { freshLocation, KINDS, type Kind, openAt, postgresAvailable } from "./support/databases.js";
import type { AnswerRequest, WorkerMessage } from "./support/trivia-worker.js";

const WORKER = new URL("./support/trivia-worker.ts", import.meta.url).pathname;
const SHARDS = 2;

/** Server ids that land on shard 0 and shard 1 of two. */
function guildOn(shard: number): string {
  for (let t = 1n << 40n; ; t++) {
    const id = ((t << 22n) | 1n).toString();
    if (shardOfGuild(id, SHARDS) === shard) return id;
  }
}
const GUILD = [guildOn(0), guildOn(1)] as const;

class Worker {
  readonly events: Extract<WorkerMessage, { type: "event" }>[] = [];
  readonly ready: Promise<number>;
  private readonly waiting = new Map<number, (status: string) => void>();
  private nextId = 1;
  readonly child: ChildProcess;

  constructor(kind: Kind, where: string, shards: number[]) {
    this.child = fork(WORKER, [kind, where, shards.join(","), String(SHARDS)], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.ready = new Promise((resolve, reject) => {
      this.child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
      this.child.on("message", (m: WorkerMessage) => {
        if (m.type === "ready") resolve(m.resumed);
        else if (m.type === "event") this.events.push(m);
        else this.waiting.get(m.id)?.(m.status);
      });
    });
  }

  answer(a: Omit<AnswerRequest, "id">): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ ...a, id });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.disconnect();
    await exited;
  }

  async kill9(): Promise<void> {
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.kill("SIGKILL");
    await exited;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const workers: Worker[] = [];
const storages: Storage[] = [];
afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
  await Promise.all(storages.map((s) => s.close()));
});

for (const kind of KINDS) {
  describe.skipIf(kind === "postgres" && !postgresAvailable())(`several processes on ${kind}`, () => {
    it("count clicks once across processes, reveal once after a kill -9, and keep shards apart", async () => {
      const where = await freshLocation(kind, "processes");
      const storage = await openAt(kind, where);
      storages.push(storage);
      const store = new TriviaStore(storage.sql);
      const ids = allQuestions(await loadShippedDataset())
        .slice(0, 2)
        .map((q) => q.id);
      // Two rounds of two 2-second questions, one in a server of each shard, as a process that
      // has since gone left them: running, their first question open.
      const now = Date.now();
      const rounds = [];
      for (const [shard, guild] of GUILD.entries()) {
        const round = await store.createRound({
          guild_id: guild,
          channel_id: `70000000000000000${shard}`,
          starter_id: "1",
          difficulty: null,
          seconds: 2,
          total: 2,
          seed: 1,
          started_at: now,
          locale: "en-US",
          questions: JSON.stringify(ids),
        });
        if (!round) throw new Error("no round");
        const asked = await store.openQuestion(round.id, ids[0] as string, 0, now, now + 3_000);
        rounds.push({ round, asked: asked?.id ?? 0, guild, channel: round.channel_id });
      }
      const [r0, r1] = rounds as [(typeof rounds)[0], (typeof rounds)[0]];

      const s0 = new Worker(kind, where, [0]);
      const s1 = new Worker(kind, where, [1]);
      workers.push(s0, s1);
      expect(await Promise.all([s0.ready, s1.ready])).toEqual([1, 1]);

      // 200 clicks from 50 users on shard 0's question, half through each process, all at once.
      const statuses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 ? s1 : s0).answer({
            userId: `u${i % 50}`,
            guildId: r0.guild,
            channelId: r0.channel,
            askedId: r0.asked,
            choice: i % 4,
          }),
        ),
      );
      expect(statuses.filter((s) => s === "counted")).toHaveLength(50);
      expect(statuses.filter((s) => s === "duplicate")).toHaveLength(150);
      expect(await store.answers(r0.asked)).toHaveLength(50);

      // Shard 1's process dies outright, its round's question still open.
      await s1.kill9();
      // Shard 0's round plays out in its own process: two reveals, the second question, standings.
      await until(
        () => s0.events.find((e) => e.kind === "standings" && e.round === r0.round.id),
        "round 0 to end",
      );
      expect(s0.events.map((e) => `${e.kind}:${e.round}`)).toEqual([
        `reveal:${r0.round.id}`,
        `question:${r0.round.id}`,
        `reveal:${r0.round.id}`,
        `standings:${r0.round.id}`,
      ]);
      // … and never touched shard 1's round, though its question is past due.
      expect(await store.asked(r1.asked)).toMatchObject({ revealed_at: null });
      expect((await store.round(r1.round.id))?.status).toBe("running");

      // Shard 1 comes back twice over (a restarted process, and by mistake a second one): both
      // pick the round up; each reveal still happens exactly once.
      const a = new Worker(kind, where, [1]);
      const b = new Worker(kind, where, [1]);
      workers.push(a, b);
      expect(await Promise.all([a.ready, b.ready])).toEqual([1, 1]);
      await until(
        () => [...a.events, ...b.events].find((e) => e.kind === "standings" && e.round === r1.round.id),
        "round 1 to end",
      );
      await sleep(500);
      const r1Events = [...a.events, ...b.events].filter((e) => e.round === r1.round.id).map((e) => e.kind);
      expect(r1Events.sort()).toEqual(["question", "reveal", "reveal", "standings"]);
      expect((await store.round(r1.round.id))?.status).toBe("finished");
      expect((await store.leaderboard(r0.guild, 100)).reduce((n, r) => n + r.answered, 0)).toBe(50);
      await Promise.all([s0.stop(), a.stop(), b.stop()]);
    }, 40_000);
  });
}
