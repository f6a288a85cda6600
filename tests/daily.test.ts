// The question of the day as a server sees it, on SQLite and on PostgreSQL: set with /daily, posted
// once a day at its local time (also across daylight-saving changes), answered by buttons, revealed
// once with the streaks, whatever number of processes run and however they stop and start again.
// Clocks are manual: a day passes in a moment.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS, COMPONENTS } from "../commands/index.js";
import { text } from "../src/i18n/index.js";
import { Router } from "../src/interactions/router.js";
import { createTrivia, type Messenger } from "../src/interactions/trivia.js";
import type { BotResponse, Caller, FollowUpHandle, MessagePayload } from "../src/interactions/types.js";
import type { Storage } from "../src/storage/sql.js";
import { ManualClock } from "../src/trivia/clock.js";
import { DailyStore } from "../src/trivia/daily-store.js";
import { PostFailure } from "../src/trivia/game.js";
import {
  checkZone,
  dayToPost,
  formatLocalTime,
  localDay,
  parseLocalTime,
  postAt,
  revealAt,
} from "../src/trivia/schedule.js";
import { engine } from "./helpers.js";
import { freshLocation, KINDS, type Kind, openAt, postgresAvailable } from "./support/databases.js";

const ds = engine().dataset;
const GUILD = "900000000000000001";
const CHANNEL = "800000000000000001";
const BERLIN = "Europe/Berlin";
/** Friday 27 March 2026, 07:00 in Berlin (06:00 UTC); the clocks go forward on Sunday the 29th. */
const FRIDAY_MORNING = Date.UTC(2026, 2, 27, 6, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The channel, as Discord keeps it: every message posted, with when. */
class Channel implements Messenger {
  readonly messages: { payload: MessagePayload; at: number; nonce?: string }[] = [];
  refuse = false;
  constructor(private readonly clock: ManualClock) {}
  async send(_channel: string, payload: MessagePayload, options?: { nonce?: string }) {
    if (this.refuse) throw new PostFailure("403 Missing Access", "gone");
    this.messages.push({ payload, at: this.clock.now(), nonce: options?.nonce });
    return { messageId: `m${this.messages.length}`, channelId: CHANNEL };
  }
  async followUp(_handle: FollowUpHandle, _payload: MessagePayload) {
    return undefined;
  }
  titles(): string[] {
    return this.messages.map((m) => m.payload.embeds?.[0]?.title ?? m.payload.content ?? "");
  }
  last(): MessagePayload {
    return this.messages.at(-1)?.payload as MessagePayload;
  }
}

const admin: Caller = {
  userId: "700000000000000001",
  guildId: GUILD,
  channelId: CHANNEL,
  locale: "en-US",
  canManageGuild: true,
};
const player = (userId: string): Caller => ({ ...admin, userId, canManageGuild: false });
const ANNA = player("700000000000000011");
const BORIS = player("700000000000000012");

const opened: Storage[] = [];
const games: { shutdown(): void }[] = [];
afterEach(async () => {
  for (const g of games.splice(0)) g.shutdown();
  for (const s of opened.splice(0)) await s.close();
});

/** One process of the bot on the database at `where`: its own connection, scheduler and timers. */
async function process_(kind: Kind, where: string, clock: ManualClock, channel: Channel) {
  const storage = await openAt(kind, where);
  opened.push(storage);
  const game = createTrivia(ds, storage.sql, channel, { clock });
  games.push(game);
  const router = new Router({ ...engine(), trivia: game }, COMMANDS, COMPONENTS);
  const payload = async (r: Promise<BotResponse>): Promise<MessagePayload> => {
    const response = await r;
    if (response.type !== "reply" && response.type !== "update") throw new Error("expected a message");
    return response.payload;
  };
  return {
    game,
    storage,
    daily: (subcommand: string, options: Record<string, string> = {}, who = admin) =>
      payload(router.handle({ type: "command", command: "daily", subcommand, options, caller: who })),
    stats: (who: Caller) =>
      payload(
        router.handle({ type: "command", command: "trivia", subcommand: "stats", options: {}, caller: who }),
      ),
    /** Answers the day's question in `message`: right, or wrong. */
    answer: async (who: Caller, message: MessagePayload, right: boolean) => {
      const button = message.components?.[0]?.components?.[0];
      const askedId = Number(button && "custom_id" in button ? button.custom_id.split("|")[2] : Number.NaN);
      const asked = await game.questionOf(
        (
          await storage.sql.get<{ question_id: string }>("SELECT question_id FROM asked WHERE id = ?", [
            askedId,
          ])
        )?.question_id ?? "",
      );
      const correct = asked?.answer ?? 0;
      const choice = right ? correct : (correct + 1) % (asked?.choices.length ?? 2);
      return payload(
        router.handle({ type: "component", customId: `v1|ta|${askedId}|${choice}`, values: [], caller: who }),
      );
    },
    stop() {
      game.shutdown();
    },
  };
}

/** Moves the clock on to `t` from timer to timer, so that every timer set on the way fires at its time. */
async function until(clock: ManualClock, t: number): Promise<void> {
  for (;;) {
    const next = clock.nextAt();
    if (next === undefined || next > t) break;
    await clock.advance(Math.max(0, next - clock.now()));
  }
  if (t > clock.now()) await clock.advance(t - clock.now());
}

const berlinTime = (at: number) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: BERLIN, hour: "2-digit", minute: "2-digit" }).format(at);

const SET = { channel: CHANNEL, time: "09:00", timezone: BERLIN, reveal: "21:00" };

describe("the schedule's calendar", () => {
  it("keeps 09:00 in Berlin across the changes of late March and late October", () => {
    const times = { post: "09:00", reveal: "21:00", zone: BERLIN };
    const utc = (day: string) => new Date(postAt(times, day)).toISOString().slice(11, 16);
    expect(["2026-03-28", "2026-03-29", "2026-03-30"].map(utc)).toEqual(["08:00", "07:00", "07:00"]);
    expect(["2026-10-24", "2026-10-25", "2026-10-26"].map(utc)).toEqual(["07:00", "08:00", "08:00"]);
    // The night the clocks go forward is an hour shorter: 23 hours from one question to the next.
    expect(postAt(times, "2026-03-29") - postAt(times, "2026-03-28")).toBe(23 * HOUR);
    expect(revealAt(times, "2026-10-25") - postAt(times, "2026-10-25")).toBe(12 * HOUR);
    expect(revealAt({ ...times, reveal: null }, "2026-03-28")).toBe(postAt(times, "2026-03-29") - 60_000);
  });

  it("posts on time however short the window, late only with a minute left to answer", () => {
    const short = { post: "09:00:00", reveal: "09:00:05", zone: "UTC" };
    const due = Date.UTC(2026, 2, 27, 9, 0, 0);
    expect(dayToPost(short, "2026-03-27", due)).toEqual({ day: "2026-03-27", skipped: 0 });
    expect(dayToPost(short, "2026-03-27", due + 4_000)).toEqual({ day: "2026-03-27", skipped: 0 });
    expect(dayToPost(short, "2026-03-27", due + 5_000)).toEqual({ day: "2026-03-28", skipped: 1 });
    const times = { post: "09:00", reveal: "21:00", zone: "UTC" };
    expect(dayToPost(times, "2026-03-27", due + 12 * HOUR - 61_000)).toEqual({
      day: "2026-03-27",
      skipped: 0,
    });
    expect(dayToPost(times, "2026-03-27", due + 12 * HOUR - 59_000)).toEqual({
      day: "2026-03-28",
      skipped: 1,
    });
    // Down for a month: one step to yesterday, not a walk through every day.
    expect(dayToPost(times, "2026-02-20", due)).toEqual({ day: "2026-03-27", skipped: 35 });
  });

  it("reads a time of day as HH:MM[:SS] and nothing else (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const typed = `${h}:${String(m).padStart(2, "0")}`;
        const time = parseLocalTime(typed);
        expect(time).toEqual({ hour: h, minute: m, second: 0 });
        expect(parseLocalTime(formatLocalTime(time as NonNullable<typeof time>))).toEqual(time);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 24, max: 99 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        expect(parseLocalTime(`${h}:${String(m).padStart(2, "0")}`)).toBeUndefined();
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const time = parseLocalTime(s);
        if (time) expect(time.hour < 24 && time.minute < 60 && time.second < 60).toBe(true);
      }),
    );
    for (const bad of ["25:00", "12:60", "9h", "noon", "", "12:00:60"])
      expect(parseLocalTime(bad)).toBeUndefined();
  });

  it("knows real zones and suggests the one meant", () => {
    expect(checkZone("europe/berlin")).toEqual({ ok: true, zone: BERLIN });
    expect(checkZone("Moscow")).toEqual({ ok: false, suggestion: "Europe/Moscow" });
    expect(checkZone("new york")).toEqual({ ok: false, suggestion: "America/New_York" });
    expect(checkZone("+03:00")).toMatchObject({ ok: false });
    expect(checkZone("Atlantis")).toEqual({ ok: false });
    expect(localDay(Date.UTC(2026, 2, 28, 23, 30), BERLIN)).toBe("2026-03-29");
  });
});

describe.each(KINDS)("the question of the day on %s", (kind) => {
  const available = kind === "sqlite" || postgresAvailable();

  it.skipIf(!available)("refuses bad input privately and clearly", async () => {
    const clock = new ManualClock(FRIDAY_MORNING);
    const channel = new Channel(clock);
    const bot = await process_(kind, await freshLocation(kind, "daily-input"), clock, channel);
    const said = async (options: Record<string, string>, who = admin) =>
      (await bot.daily("set", { ...SET, ...options }, who)).content ?? "";
    expect(await said({ timezone: "Moscow" })).toContain("Did you mean Europe/Moscow?");
    expect(await said({ time: "25:00" })).toContain("“25:00” is not a time of day");
    expect(await said({ reveal: "9:00" })).toContain("cannot be revealed at the very time");
    expect(await said({}, ANNA)).toContain("Only someone with Manage Server");
    bot.game.daily.canPost = async () => false;
    expect(await said({})).toContain(`I cannot post in <#${CHANNEL}>`);
    expect((await bot.daily("show")).content).toContain("No question of the day is set");
  });

  it.skipIf(!available)(
    "two processes racing the same day make one post and one reveal, at 09:00 and 21:00 Berlin time",
    async () => {
      const where = await freshLocation(kind, "daily-race");
      const clock = new ManualClock(FRIDAY_MORNING);
      const channel = new Channel(clock);
      const a = await process_(kind, where, clock, channel);
      const b = await process_(kind, where, clock, channel);
      expect((await a.daily("set", SET)).content).toContain("Every day at 09:00 (Europe/Berlin)");
      // 09:00 in Berlin: both tick at the very moment it is due, side by side, twice each.
      await until(clock, FRIDAY_MORNING + 2 * HOUR);
      await Promise.all([a.game.daily.tick(), b.game.daily.tick(), a.game.daily.tick(), b.game.daily.tick()]);
      a.game.daily.start();
      b.game.daily.start();
      await clock.advance(0);
      expect(channel.titles()).toEqual(["Question of the day — 27 March 2026"]);
      await a.answer(ANNA, channel.last(), true);
      await until(clock, FRIDAY_MORNING + 15 * HOUR);
      expect(channel.titles()).toHaveLength(2);
      expect(channel.titles()[1]).toMatch(/^Answer: /);
      expect(channel.messages.map((m) => berlinTime(m.at))).toEqual(["09:00", "21:00"]);
      const rounds = await a.storage.sql.all("SELECT id FROM rounds WHERE daily_day = '2026-03-27'");
      expect(rounds).toHaveLength(1);
      // The day is not posted again, however often either ticks.
      await Promise.all([a.game.daily.tick(), b.game.daily.tick()]);
      expect(channel.titles()).toHaveLength(2);
    },
  );

  it.skipIf(!available)(
    "a process killed in the answer window is replaced and the answer is revealed once, at its time",
    async () => {
      const where = await freshLocation(kind, "daily-restart");
      const clock = new ManualClock(FRIDAY_MORNING);
      const channel = new Channel(clock);
      const first = await process_(kind, where, clock, channel);
      await first.daily("set", SET);
      first.game.daily.start();
      await until(clock, FRIDAY_MORNING + 2 * HOUR);
      expect(channel.titles()).toEqual(["Question of the day — 27 March 2026"]);
      expect((await first.answer(ANNA, channel.last(), true)).content).toContain("Locked in");
      first.stop(); // killed: its timers are gone with it
      await until(clock, FRIDAY_MORNING + 6 * HOUR);
      const second = await process_(kind, where, clock, channel);
      await second.game.resume();
      second.game.daily.start();
      expect(
        (await second.answer(BORIS, channel.messages[0]?.payload as MessagePayload, true)).content,
      ).toContain("Locked in");
      await until(clock, FRIDAY_MORNING + 14 * HOUR - 60_000);
      expect(channel.titles()).toHaveLength(1);
      await until(clock, FRIDAY_MORNING + 15 * HOUR);
      expect(channel.titles()).toHaveLength(2);
      expect(berlinTime(channel.messages[1]?.at ?? 0)).toBe("21:00");
      const reveal = JSON.stringify(channel.last());
      expect(reveal).toContain(`<@${ANNA.userId}> +`);
      expect(reveal).toContain("🔥 1");
      // A third process changes nothing.
      const third = await process_(kind, where, clock, channel);
      await third.game.resume();
      third.game.daily.start();
      await until(clock, FRIDAY_MORNING + 16 * HOUR);
      expect(channel.titles()).toHaveLength(2);
    },
  );

  it.skipIf(!available)(
    "down at the time: posted late within the answer window, saying so; a day missed entirely is skipped",
    async () => {
      const where = await freshLocation(kind, "daily-late");
      const clock = new ManualClock(FRIDAY_MORNING);
      const channel = new Channel(clock);
      const setter = await process_(kind, where, clock, channel);
      await setter.daily("set", SET);
      setter.stop();
      // Nobody runs on Friday at all, nor on Saturday morning.
      await until(clock, FRIDAY_MORNING + DAY + 5 * HOUR);
      const back = await process_(kind, where, clock, channel);
      back.game.daily.start();
      await clock.advance(0);
      expect(channel.titles()).toEqual(["Question of the day — 28 March 2026"]);
      expect(JSON.stringify(channel.last())).toContain("⏰ Late: this question was due <t:");
      expect(berlinTime(channel.messages[0]?.at ?? 0)).toBe("12:00");
      expect((await back.daily("show")).content).toContain("Last question: 28 March 2026, posted late");
      await until(clock, FRIDAY_MORNING + 2 * DAY + 4 * HOUR);
      // Saturday's reveal at 21:00, Sunday's question at 09:00 (after the clocks went forward).
      expect(channel.titles().map((t) => t.replace(/^Answer: .*/, "Answer"))).toEqual([
        "Question of the day — 28 March 2026",
        "Answer",
        "Question of the day — 29 March 2026",
      ]);
      expect(channel.messages.map((m) => berlinTime(m.at))).toEqual(["12:00", "21:00", "09:00"]);
      const days = await back.storage.sql.all<{ daily_day: string }>(
        "SELECT daily_day FROM rounds WHERE daily_day IS NOT NULL ORDER BY daily_day",
      );
      expect(days.map((d) => d.daily_day)).toEqual(["2026-03-28", "2026-03-29"]);
    },
  );

  it.skipIf(!available)("a streak of days survives a restart and breaks on a missed day", async () => {
    const where = await freshLocation(kind, "daily-streak");
    const clock = new ManualClock(FRIDAY_MORNING);
    const channel = new Channel(clock);
    let bot = await process_(kind, where, clock, channel);
    await bot.daily("set", SET);
    bot.game.daily.start();
    const day = async (n: number, anna: boolean | undefined) => {
      await until(clock, FRIDAY_MORNING + n * DAY + 2 * HOUR);
      const question = channel.last();
      expect(question.embeds?.[0]?.title).toMatch(/^Question of the day/);
      if (anna !== undefined) await bot.answer(ANNA, question, anna);
      await bot.answer(BORIS, question, true);
      await until(clock, FRIDAY_MORNING + n * DAY + 15 * HOUR);
      return JSON.stringify(channel.last());
    };
    expect(await day(0, true)).toMatch(new RegExp(`<@${ANNA.userId}> \\+\\d+ 🔥 1`));
    // Restarted between the days: the streak is in the database.
    bot.stop();
    bot = await process_(kind, where, clock, channel);
    await bot.game.resume();
    bot.game.daily.start();
    expect(await day(1, true)).toMatch(new RegExp(`<@${ANNA.userId}> \\+\\d+ 🔥 2`));
    const stats = JSON.stringify(await bot.stats(ANNA));
    expect(stats).toContain("Days in a row (question of the day)");
    expect(stats).toContain("2 now · best 2");
    // Sunday: Anna does not answer. Monday: right again, from 1.
    expect(await day(2, undefined)).not.toContain(ANNA.userId);
    const monday = await day(3, true);
    expect(monday).toMatch(new RegExp(`<@${ANNA.userId}> \\+\\d+ 🔥 1`));
    expect(monday).toMatch(new RegExp(`<@${BORIS.userId}> \\+\\d+ 🔥 4`));
    expect(JSON.stringify(await bot.stats(ANNA))).toContain("1 now · best 2");
    // The posts kept 09:00 and 21:00 Berlin time across the change on Sunday.
    expect(new Set(channel.messages.map((m) => berlinTime(m.at)))).toEqual(new Set(["09:00", "21:00"]));
    // And the export has them.
    const csv = await bot.game.services?.exportScores(admin, "server", text("en").scoresColumns);
    const header = csv?.csv.split("\r\n")[0] ?? "";
    expect(header.endsWith("daily_streak,daily_best_streak")).toBe(true);
    const anna = csv?.csv.split("\r\n").find((l) => l.startsWith(ANNA.userId)) ?? "";
    expect(anna.endsWith(",1,2")).toBe(true);
  });

  it.skipIf(!available)(
    "a channel that refuses the post pauses the schedule, logged and shown, instead of retrying",
    async () => {
      const where = await freshLocation(kind, "daily-refused");
      const clock = new ManualClock(FRIDAY_MORNING);
      const channel = new Channel(clock);
      const bot = await process_(kind, where, clock, channel);
      await bot.daily("set", SET);
      bot.game.daily.start();
      channel.refuse = true;
      await until(clock, FRIDAY_MORNING + 3 * DAY);
      expect(channel.messages).toHaveLength(0);
      const show = (await bot.daily("show")).content ?? "";
      expect(show).toContain(`Paused since <t:`);
      expect(show).toContain(`I could not post in <#${CHANNEL}>`);
      expect(show).toContain("Last question: 27 March 2026, not posted: the channel refused the bot");
      const posts = await bot.storage.sql.all("SELECT * FROM round_posts");
      expect(posts).toHaveLength(1);
      // Set again, it posts again.
      channel.refuse = false;
      await bot.daily("set", SET);
      await until(clock, FRIDAY_MORNING + 4 * DAY);
      // Monday 08:00 in Berlin: that day's question is still ahead.
      expect(channel.titles()[0]).toBe("Question of the day — 30 March 2026");
      expect(channel.titles()).toHaveLength(2);
    },
  );

  it.skipIf(!available)(
    "asks no question twice in a channel before the whole pool has been asked",
    async () => {
      const where = await freshLocation(kind, "daily-pool");
      const clock = new ManualClock(FRIDAY_MORNING);
      const channel = new Channel(clock);
      const bot = await process_(kind, where, clock, channel);
      const services = bot.game.services;
      if (!services) throw new Error("no services");
      const saved = await services.saveSet(
        admin,
        "three",
        ["one", "two", "three"].map((n) => ({
          question: `Question ${n}?`,
          correct: `yes ${n}`,
          wrong: [`no ${n}`],
        })),
      );
      expect(saved).toMatchObject({ ok: true });
      expect((await bot.daily("set", { ...SET, set: "three" })).content).toContain("this server's own set");
      bot.game.daily.start();
      await until(clock, FRIDAY_MORNING + 6 * DAY);
      const asked = channel.messages
        .filter((m) => m.payload.embeds?.[0]?.title?.startsWith("Question of the day"))
        .map((m) => /Question (\w+)\?/.exec(m.payload.embeds?.[0]?.description ?? "")?.[1]);
      expect(asked).toHaveLength(6);
      expect(new Set(asked.slice(0, 3)).size).toBe(3);
      expect(new Set(asked.slice(3, 6)).size).toBe(3);
    },
  );

  it.skipIf(!available)("checks only the schedules that are due, by the index on next_due", async () => {
    const where = await freshLocation(kind, "daily-due");
    const storage = await openAt(kind, where);
    opened.push(storage);
    const store = new DailyStore(storage.sql);
    for (let i = 0; i < 50; i++)
      await store.save({
        guild_id: String((BigInt(i) << 22n) + 12_345n),
        channel_id: CHANNEL,
        post_time: "09:00",
        reveal_time: null,
        time_zone: BERLIN,
        difficulty: null,
        category: null,
        set_id: null,
        locale: "en-US",
        set_by: admin.userId,
        updated_at: 0,
        next_day: "2026-03-27",
        next_due: 1000 + i,
      });
    expect((await store.due(1009)).length).toBe(10);
    // Shard 1 of 2: the odd ones among them.
    expect((await store.due(1009, { ids: [1], count: 2 })).map((r) => Number(r.next_due) - 1000)).toEqual([
      1, 3, 5, 7, 9,
    ]);
    expect(await store.earliest({ ids: [0], count: 2 })).toBe(1000);
    const plan = await storage.sql.all<Record<string, unknown>>(
      kind === "sqlite"
        ? "EXPLAIN QUERY PLAN SELECT * FROM daily_schedules WHERE next_due IS NOT NULL AND next_due <= 5 ORDER BY next_due LIMIT 100"
        : "EXPLAIN SELECT * FROM daily_schedules WHERE next_due IS NOT NULL AND next_due <= 5 ORDER BY next_due LIMIT 100",
    );
    if (kind === "sqlite") expect(JSON.stringify(plan)).toContain("daily_schedules_due");
  });
});
