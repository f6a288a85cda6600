// A round under faults, as the players in the channel see it: the database away at a deadline
// (a real full disk for SQLite), Discord refusing posts for a while or applying a post and
// answering 5xx, a stop while the database is away, a restart with a reveal still unposted, and
// one user's rapid clicks on PostgreSQL. Every reveal is posted exactly once, the round ends with
// its standings, every acknowledged answer is counted once, and the channel is free afterwards.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS, COMPONENTS } from "../commands/index.js";
import { Router } from "../src/interactions/router.js";
import { createTrivia, type Messenger } from "../src/interactions/trivia.js";
import type { BotResponse, Caller, FollowUpHandle, MessagePayload } from "../src/interactions/types.js";
import { openPostgres } from "../src/storage/postgres.js";
import type { Storage } from "../src/storage/sql.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { PostFailure } from "../src/trivia/game.js";
import { questionById } from "../src/trivia/questions.js";
import { TriviaStore } from "../src/trivia/store.js";
import { engine, FakeClock } from "./helpers.js";
import { freshPostgresUrl, freshSqlitePath, postgresAvailable } from "./support/databases.js";
import { type SmallDisk, smallDisk } from "./support/small-disk.js";

const ds = engine().dataset;
const GUILD = "900000000000000001";
const CHANNEL = "800000000000000001";

/** A channel as Discord keeps it: a post with a nonce already seen returns the first message. */
class Channel implements Messenger {
  readonly messages: { id: string; payload: MessagePayload; nonce?: string }[] = [];
  /** Attempts, failed or not, in order, with their nonces. */
  readonly attempts: (string | undefined)[] = [];
  /** The next posts fail like this: "refuse" makes nothing; "apply" makes the message, then fails. */
  faults: ("refuse" | "apply")[] = [];
  async send(_channel: string, payload: MessagePayload, options?: { nonce?: string }) {
    this.attempts.push(options?.nonce);
    const fault = this.faults.shift();
    if (fault === "refuse") throw new PostFailure("503 Service Unavailable", "retry");
    const seen = options?.nonce ? this.messages.find((m) => m.nonce === options.nonce) : undefined;
    const message = seen ?? { id: `m${this.messages.length + 1}`, payload, nonce: options?.nonce };
    if (!seen) this.messages.push(message);
    if (fault === "apply") throw new PostFailure("500 after the message was made", "retry");
    return { messageId: message.id, channelId: CHANNEL };
  }
  async followUp(_handle: FollowUpHandle, _payload: MessagePayload) {
    return undefined;
  }
  titles(): string[] {
    return this.messages.map((m) => m.payload.embeds?.[0]?.title ?? m.payload.content ?? "");
  }
}

const caller = (userId: string, extra: Partial<Caller> = {}): Caller => ({
  userId,
  guildId: GUILD,
  channelId: CHANNEL,
  locale: "en-US",
  canManageGuild: false,
  ...extra,
});

const opened: Storage[] = [];
const disks: SmallDisk[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of disks.splice(0)) d.dispose();
});

function play(storage: Storage, clock = new FakeClock(), channel = new Channel()) {
  opened.push(storage);
  const game = createTrivia(ds, storage.sql, channel, { clock, seedFor: () => 42 });
  const router = new Router({ ...engine(), trivia: game }, COMMANDS, COMPONENTS);
  const reply = async (r: Promise<BotResponse>): Promise<MessagePayload> => {
    const response = await r;
    if (response.type === "choices" || response.type === "modal") throw new Error("expected a message");
    return response.payload;
  };
  const command = (who: Caller, subcommand: string, options: Record<string, number> = {}) =>
    reply(router.handle({ type: "command", command: "trivia", subcommand, options, caller: who }));
  const click = (who: Caller, askedId: number, choice: number) =>
    reply(
      router.handle({ type: "component", customId: `v1|ta|${askedId}|${choice}`, values: [], caller: who }),
    );
  const askedIdOf = (p: MessagePayload) => {
    const first = p.components?.[0]?.components?.[0];
    return Number(first && "custom_id" in first ? first.custom_id.split("|")[2] : Number.NaN);
  };
  /** Moves the clock on in steps, so that retries scheduled along the way fire too. */
  const wait = async (ms: number, step = 500) => {
    for (let left = ms; left > 0; left -= step) await clock.advance(Math.min(step, left));
  };
  return {
    game,
    router,
    clock,
    channel,
    store: new TriviaStore(storage.sql),
    command,
    click,
    askedIdOf,
    wait,
  };
}

/** Everyone answers the open question; how many were told "Locked in". */
async function everyoneAnswers(t: ReturnType<typeof play>, askedId: number, players = 50) {
  const replies = await Promise.all(
    Array.from({ length: players }, (_, i) => t.click(caller(String(1000 + i)), askedId, i % 4)),
  );
  return replies.filter((r) => /Locked in/.test(r.content ?? "")).length;
}

const onSmallDisk = () => {
  const disk = smallDisk();
  if ("missing" in disk) {
    if (process.env.CI) throw new Error(disk.missing);
    return undefined;
  }
  disks.push(disk);
  return disk;
};

describe("a round when the database fails at a deadline", () => {
  it("SQLite's disk is full when the question closes: the reveal is retried, posted once, and the round finishes", async (ctx) => {
    const disk = onSmallDisk();
    if (!disk) return ctx.skip();
    const t = play(openSqlite(join(disk.dir, "full.sqlite")));
    const start = await t.command(caller("1"), "start", { questions: 2, seconds: 15 });
    const first = t.askedIdOf(start);
    expect(await everyoneAnswers(t, first)).toBe(50);
    await t.wait(10_000);
    disk.fill();
    await t.wait(8_000); // the deadline passes with the disk full: nothing can be claimed
    expect(t.channel.messages).toEqual([]);
    expect((await t.store.round(1))?.status).toBe("running");
    disk.free();
    await t.wait(2_000);
    expect(t.channel.titles()).toEqual([expect.stringMatching(/^Answer/), "Question 2 of 2"]);
    await t.wait(15_000);
    expect(t.channel.titles()).toHaveLength(4);
    expect(t.channel.titles()[3]).toMatch(/standings/i);
    expect((await t.store.answers(first)).length).toBe(50);
    expect((await t.store.leaderboard(GUILD, 100)).reduce((n, r) => n + r.answered, 0)).toBe(50);
    // The channel is free again.
    expect((await t.command(caller("2"), "start")).embeds?.[0]?.title).toMatch(/Question 1/);
  });

  it("SQLite's disk stays full past the bound: once it is back, the round is closed with a word and the channel is free", async (ctx) => {
    const disk = onSmallDisk();
    if (!disk) return ctx.skip();
    const t = play(openSqlite(join(disk.dir, "long.sqlite")));
    const first = t.askedIdOf(await t.command(caller("1"), "start", { questions: 3, seconds: 15 }));
    expect(await everyoneAnswers(t, first, 5)).toBe(5);
    disk.fill();
    await t.wait(11 * 60_000, 15_000);
    disk.free();
    await t.wait(16_000);
    expect(t.channel.titles()).toEqual([
      "The bot was away for a while, so the trivia round here was closed. Every answer given before is counted.",
    ]);
    expect((await t.store.round(1))?.status).toBe("interrupted");
    expect((await t.store.answers(first)).length).toBe(5);
    expect((await t.command(caller("2"), "start")).embeds?.[0]?.title).toMatch(/Question 1/);
  });

  it("/trivia stop while the database cannot write: it says the round will close, then closes it with a reveal and the standings", async (ctx) => {
    const disk = onSmallDisk();
    if (!disk) return ctx.skip();
    const t = play(openSqlite(join(disk.dir, "stop.sqlite")));
    const first = t.askedIdOf(await t.command(caller("1"), "start", { questions: 3, seconds: 60 }));
    await t.click(caller("7"), first, 1);
    disk.fill();
    const stop = await t.command(caller("1"), "stop");
    expect(stop.flags).toBe(64);
    expect(stop.content).toMatch(/will be closed as soon as it answers again/);
    // Nobody else may stop it that way either.
    expect((await t.command(caller("9"), "stop")).content).toMatch(/Only the person who started/);
    disk.free();
    await t.wait(5_000);
    expect(t.channel.titles()).toEqual([expect.stringMatching(/^Answer/), "Standings"]);
    expect(JSON.stringify(t.channel.messages[1]?.payload)).toContain("The round was stopped.");
    expect((await t.store.round(1))?.status).toBe("stopped");
    expect((await t.command(caller("2"), "start")).embeds?.[0]?.title).toMatch(/Question 1/);
  });
});

describe("a round when Discord fails its posts", () => {
  it("refused posts around a reveal are retried until accepted, and each post appears once", async () => {
    const t = play(openSqlite(":memory:"));
    const first = t.askedIdOf(await t.command(caller("1"), "start", { questions: 2, seconds: 15 }));
    await everyoneAnswers(t, first, 10);
    // Refused at the deadline and at the retries 0.5, 1.5 and 3.5 s after it; accepted at 7.5 s.
    t.channel.faults = ["refuse", "refuse", "refuse", "refuse"];
    await t.wait(19_000);
    expect(t.channel.messages).toEqual([]);
    await t.wait(4_000);
    expect(t.channel.titles()).toEqual([expect.stringMatching(/^Answer/), "Question 2 of 2"]);
    // Every attempt at the same post carried the same nonce, and different posts different ones.
    const [revealNonce] = t.channel.attempts;
    expect(t.channel.attempts.slice(0, 5)).toEqual(Array(5).fill(revealNonce));
    expect(new Set(t.channel.attempts).size).toBe(2);
    await t.wait(15_000);
    expect(t.channel.titles()).toHaveLength(4);
  });

  it("a post that Discord applied and then answered 5xx is retried with its nonce and still appears once", async () => {
    const t = play(openSqlite(":memory:"));
    await t.command(caller("1"), "start", { questions: 2, seconds: 15 });
    t.channel.faults = ["apply", "apply"];
    await t.wait(32_000);
    expect(t.channel.attempts.length).toBeGreaterThanOrEqual(4);
    expect(t.channel.titles()).toEqual([
      expect.stringMatching(/^Answer/),
      "Question 2 of 2",
      expect.stringMatching(/^Answer/),
      "Standings",
    ]);
  });

  it("a reveal claimed but not posted before a crash is posted by the next process, once; a posted one never again", async () => {
    const path = freshSqlitePath();
    const clock = new FakeClock();
    const before = play(openSqlite(path), clock);
    await before.command(caller("1"), "start", { questions: 2, seconds: 15 });
    before.channel.faults = Array(100).fill("refuse");
    await before.wait(16_000);
    expect(before.channel.messages).toEqual([]);
    before.game.shutdown();

    const after = play(openSqlite(path), clock);
    expect(await after.game.resume()).toEqual({ resumed: 1, interrupted: 0 });
    expect(after.channel.titles()).toEqual([expect.stringMatching(/^Answer/), "Question 2 of 2"]);
    after.game.shutdown();

    const third = play(openSqlite(path), clock);
    await third.game.resume();
    expect(third.channel.messages).toEqual([]);
    await third.wait(16_000);
    expect(third.channel.titles()).toEqual([expect.stringMatching(/^Answer/), "Standings"]);
  });

  it("a channel the bot can no longer post in ends the round instead of retrying forever", async () => {
    const t = play(openSqlite(":memory:"));
    await t.command(caller("1"), "start", { questions: 3, seconds: 15 });
    t.channel.send = async () => {
      throw new PostFailure("403 Missing Access", "gone");
    };
    await t.wait(16_000);
    expect((await t.store.round(1))?.status).toBe("interrupted");
    expect((await t.command(caller("2"), "start")).embeds?.[0]?.title).toMatch(/Question 1/);
  });
});

describe.skipIf(!postgresAvailable())("one user's rapid clicks on PostgreSQL", () => {
  it("are decided in the order they came: the click told 'Locked in' is the first, and the one scored", async () => {
    const t = play(await openPostgres(await freshPostgresUrl("clicks"), { poolSize: 16 }));
    const first = t.askedIdOf(await t.command(caller("1"), "start", { questions: 1, seconds: 60 }));
    const pattern = [0, 1, 1, 0];
    const users = Array.from({ length: 50 }, (_, i) => String(2000 + i));
    // Every user's four clicks at once, interleaved with everyone else's, as the gateway delivers them.
    const clicks = pattern.flatMap((choice, k) => users.map((u, i) => ({ u, k, choice: (choice + i) % 4 })));
    const replies = await Promise.all(clicks.map((c) => t.click(caller(c.u), first, c.choice)));
    const answers = await t.store.answers(first);
    expect(answers).toHaveLength(50);
    for (const [i, u] of users.entries()) {
      const mine = clicks
        .map((c, n) => ({ ...c, reply: replies[n]?.content ?? "" }))
        .filter((c) => c.u === u);
      const firstChoice = ((pattern[0] as number) + i) % 4;
      expect(mine[0]?.reply).toContain(`Locked in: **${"ABCD"[firstChoice]}**`);
      for (const later of mine.slice(1)) expect(later.reply).toMatch(/already answered/);
      expect(answers.find((a) => a.user_id === u)?.choice).toBe(firstChoice);
    }
    const q = questionById(ds, (await t.store.asked(first))?.question_id ?? "");
    expect(q).toBeDefined();
  });
});
