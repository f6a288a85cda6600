import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { COMMANDS, COMPONENTS } from "../commands/index.js";
import { Router } from "../src/interactions/router.js";
import { createTrivia, type Messenger, type PostedMessage } from "../src/interactions/trivia.js";
import type {
  BotResponse,
  Caller,
  FollowUpHandle,
  MessagePayload,
  OptionValue,
} from "../src/interactions/types.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { eraOf } from "../src/trivia/categories.js";
import { pointsFor } from "../src/trivia/game.js";
import { allQuestions, questionById } from "../src/trivia/questions.js";
import { TriviaStore } from "../src/trivia/store.js";
import { engine, FakeClock } from "./helpers.js";

const ds = engine().dataset;

class FakeMessenger implements Messenger {
  sent: { channel: string; payload: MessagePayload }[] = [];
  followUps: { token: string; payload: MessagePayload }[] = [];
  async send(channel: string, payload: MessagePayload) {
    this.sent.push({ channel, payload });
    return { messageId: `m${this.sent.length}`, channelId: channel };
  }
  async followUp(handle: FollowUpHandle, payload: MessagePayload) {
    this.followUps.push({ token: handle.token, payload });
    return { messageId: `f${this.followUps.length}`, followUp: handle };
  }
  /** Set by a test that checks edits; without it, the wiring posts changes anew. */
  edit?: (message: PostedMessage, payload: MessagePayload) => Promise<void>;
}

const caller = (userId: string, extra: Partial<Caller> = {}): Caller => ({
  userId,
  guildId: "900000000000000001",
  channelId: "800000000000000001",
  locale: "en-US",
  canManageGuild: false,
  ...extra,
});

/**
 * Trivia as users reach it: slash commands and button clicks through the router, with the real
 * command modules and component handlers; the channel posts land in the fake messenger.
 */
function setup(path = ":memory:") {
  const storage = openSqlite(path);
  const db = storage.sql;
  const store = new TriviaStore(db);
  const clock = new FakeClock();
  const messenger = new FakeMessenger();
  const game = createTrivia(ds, db, messenger, { clock, seedFor: () => 42 });
  const router = new Router({ ...engine(), trivia: game }, COMMANDS, COMPONENTS);
  const command = (
    who: Caller,
    name: string,
    subcommand?: string,
    options: Record<string, OptionValue> = {},
  ) =>
    router.handle({
      type: "command",
      command: name,
      ...(subcommand ? { subcommand } : {}),
      options,
      caller: who,
    });
  const click = (who: Caller, customId: string) =>
    router.handle({ type: "component", customId, values: [], caller: who });
  const trivia = {
    start: (who: Caller, options: Record<string, OptionValue> = {}) =>
      command(who, "trivia", "start", options),
    answer: (who: Caller, askedId: number, choice: number) => click(who, `v1|ta|${askedId}|${choice}`),
    stop: (who: Caller) => command(who, "trivia", "stop"),
    stats: (who: Caller) => command(who, "trivia", "stats"),
    leaderboard: (who: Caller) => command(who, "leaderboard"),
    resetPrompt: (who: Caller) => command(who, "trivia", "reset"),
    study: (who: Caller) => command(who, "study"),
    click,
    resume: () => game.resume(),
    shutdown: () => game.shutdown(),
  };
  return { db, storage, store, clock, messenger, trivia, router };
}

const payloadOf = async (r: BotResponse | Promise<BotResponse>): Promise<MessagePayload> => {
  const response = await r;
  if (response.type === "choices" || response.type === "modal") throw new Error("expected a message");
  return response.payload;
};
const buttonsOf = (p: MessagePayload) =>
  (p.components?.[0]?.components ?? []).map((c) => ("custom_id" in c ? c.custom_id : ""));
const askedIdOf = (p: MessagePayload) => Number(buttonsOf(p)[0]?.split("|")[2]);
const isEphemeral = (p: MessagePayload) => ((p.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

describe("a round in a channel", () => {
  it("asks, takes answers privately, reveals with the explanation, and ends with standings", async () => {
    const { trivia, clock, messenger, store } = setup();
    const first = await payloadOf(trivia.start(caller("1"), { questions: 2, seconds: 20 }));
    expect(isEphemeral(first)).toBe(false);
    expect(first.embeds?.[0]?.title).toBe("Question 1 of 2");
    expect(first.allowed_mentions).toEqual({ parse: [] });
    const askedId = askedIdOf(first);
    const q = questionById(ds, (await store.asked(askedId))?.question_id ?? "");
    if (!q) throw new Error("question missing");
    const wrong = (q.answer + 1) % q.choices.length;

    const a = await payloadOf(trivia.answer(caller("1"), askedId, q.answer));
    expect(isEphemeral(a)).toBe(true);
    expect(a.content).toMatch(/Locked in/);
    await clock.advance(5_000);
    await trivia.answer(caller("2"), askedId, wrong);
    expect((await payloadOf(trivia.answer(caller("1"), askedId, wrong))).content).toMatch(/already answered/);

    await clock.advance(15_000);
    const [reveal, next] = messenger.sent;
    expect(reveal?.payload.embeds?.[0]?.title).toBe(`Answer: ${"ABCD"[q.answer]}. ${q.choices[q.answer]}`);
    expect(reveal?.payload.embeds?.[0]?.description).toBe(q.explanation);
    expect(reveal?.payload.embeds?.[0]?.fields?.[0]?.value).toMatch(/<@1> \+15/);
    expect(next?.payload.embeds?.[0]?.title).toBe("Question 2 of 2");
    expect((await payloadOf(trivia.answer(caller("3"), askedId, q.answer))).content).toMatch(/Too late/);

    await clock.advance(20_000);
    const standings = messenger.sent.at(-1)?.payload.embeds?.[0];
    expect(standings?.title).toBe("Standings");
    expect(standings?.description).toMatch(/1\.\*\* <@1> — 15 points \(1\/1 right\)/);
    expect(await store.score("900000000000000001", "1")).toMatchObject({
      points: 15,
      correct: 1,
      answered: 1,
      streak: 1,
    });
    expect(await store.score("900000000000000001", "2")).toMatchObject({
      points: 0,
      correct: 0,
      answered: 1,
      streak: 0,
    });
  });

  it("allows one round per channel, many channels at once, and does not block other commands", async () => {
    const { trivia } = setup();
    expect(isEphemeral(await payloadOf(trivia.start(caller("1"))))).toBe(false);
    expect((await payloadOf(trivia.start(caller("2")))).content).toMatch(/already running/);
    expect(isEphemeral(await payloadOf(trivia.start(caller("2", { channelId: "800000000000000002" }))))).toBe(
      false,
    );
    expect((await payloadOf(trivia.stats(caller("1")))).content).toMatch(/not answered any trivia/);
  });

  it("lets only the starter or a manager stop a round", async () => {
    const { trivia } = setup();
    await trivia.start(caller("1"));
    expect((await payloadOf(await trivia.stop(caller("2")))).content).toMatch(/Only the person who started/);
    const stopped = await payloadOf(await trivia.stop(caller("3", { canManageGuild: true })));
    expect(stopped.embeds?.[0]?.description).toMatch(/Round stopped by <@3>/);
    expect((await payloadOf(await trivia.stop(caller("1")))).content).toMatch(/No trivia round is running/);
  });

  it("counts simultaneous and repeated clicks exactly once", async () => {
    const { trivia, store } = setup();
    const askedId = askedIdOf(await payloadOf(trivia.start(caller("1"), { questions: 1 })));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        payloadOf(trivia.answer(caller(String(100 + (i % 50))), askedId, 0)),
      ),
    );
    const locked = results.filter((r) => /Locked in/.test(r.content ?? ""));
    expect(locked).toHaveLength(50);
    expect(await store.answers(askedId)).toHaveLength(50);
    const total = (await store.leaderboard("900000000000000001", 100)).reduce((n, r) => n + r.answered, 0);
    expect(total).toBe(50);
  });

  it("keeps every committed answer across a restart and picks the round up where it stopped", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "apparat-db-")), "restart.sqlite");
    const before = setup(path);
    const askedId = askedIdOf(await payloadOf(before.trivia.start(caller("1"), { questions: 2 })));
    const q = questionById(ds, (await before.store.asked(askedId))?.question_id ?? "");
    await before.trivia.answer(caller("1"), askedId, q?.answer ?? 0);
    before.trivia.shutdown();
    await before.storage.close();

    const after = setup(path);
    expect(await after.trivia.resume()).toEqual({ resumed: 1, interrupted: 0 });
    expect(after.messenger.sent).toHaveLength(0);
    expect(await after.store.score("900000000000000001", "1")).toMatchObject({ answered: 1, correct: 1 });
    // The open question keeps its deadline: it is revealed when it was due, then the round goes on.
    await after.clock.advance(20_000);
    expect(after.messenger.sent.map((m) => m.payload.embeds?.[0]?.title ?? m.payload.content)).toHaveLength(
      2,
    );
    expect(JSON.stringify(after.messenger.sent[0]?.payload)).toMatch(/<@1>/);
    await after.clock.advance(20_000);
    expect(JSON.stringify(after.messenger.sent.at(-1)?.payload)).toMatch(/Final standings|standings/i);
    expect(await after.store.runningRound("800000000000000001")).toBeUndefined();
  });

  it("closes, with a word to the channel, a round found long after its question was due", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "apparat-db-")), "stale.sqlite");
    const before = setup(path);
    const askedId = askedIdOf(await payloadOf(before.trivia.start(caller("1"), { questions: 3 })));
    await before.trivia.answer(caller("1"), askedId, 0);
    before.trivia.shutdown();
    await before.storage.close();

    const after = setup(path);
    await after.clock.advance(11 * 60_000); // the bot was down for eleven minutes
    expect(await after.trivia.resume()).toEqual({ resumed: 0, interrupted: 1 });
    expect(after.messenger.sent.map((m) => m.payload.content)).toEqual([
      "The bot was away for a while, so the trivia round here was closed. Every answer given before is counted.",
    ]);
    expect(after.messenger.sent[0]?.channel).toBe("800000000000000001");
    expect(await after.store.score("900000000000000001", "1")).toMatchObject({ answered: 1 });
    expect(isEphemeral(await payloadOf(after.trivia.start(caller("2"))))).toBe(false);
  });

  it("gives a speed bonus of up to 5 points", () => {
    expect(pointsFor(true, { opened_at: 0, closes_at: 20_000 }, 0)).toBe(15);
    expect(pointsFor(true, { opened_at: 0, closes_at: 20_000 }, 20_000)).toBe(10);
    expect(pointsFor(false, { opened_at: 0, closes_at: 20_000 }, 0)).toBe(0);
  });
});

describe("leaderboard and reset", () => {
  it("ranks by points and resets only after a manager confirms", async () => {
    const { trivia, clock } = setup();
    const askedId = askedIdOf(await payloadOf(trivia.start(caller("1"), { questions: 1 })));
    await trivia.answer(caller("1"), askedId, 0);
    await trivia.answer(caller("2"), askedId, 1);
    await clock.advance(60_000);
    const board = await payloadOf(trivia.leaderboard(caller("1")));
    expect(board.embeds?.[0]?.description).toMatch(/\*\*1\.\*\*/);
    expect((await payloadOf(trivia.resetPrompt(caller("1")))).content).toMatch(
      /Only someone with Manage Server/,
    );
    const prompt = await payloadOf(trivia.resetPrompt(caller("9", { canManageGuild: true })));
    const customId = buttonsOf(prompt)[0] ?? "";
    const other = await payloadOf(trivia.click(caller("8", { canManageGuild: true }), customId));
    expect(other.content).toMatch(/Only the person who asked/);
    const done = await payloadOf(trivia.click(caller("9", { canManageGuild: true }), customId));
    expect(done.content).toMatch(/reset \(2 scores removed\)/);
    expect((await payloadOf(trivia.leaderboard(caller("1")))).content).toMatch(/No scores yet/);
  });
});

describe("study", () => {
  it("is private and brings missed questions back before new ones", async () => {
    const { trivia, clock } = setup();
    const me = caller("5");
    const first = await payloadOf(trivia.study(me));
    expect(isEphemeral(first)).toBe(true);
    const [qid] = (buttonsOf(first)[0] ?? "").split("|").slice(2, 3);
    const q = questionById(ds, qid ?? "");
    if (!q) throw new Error("no question");
    const wrong = (q.answer + 1) % q.choices.length;
    const missed = await payloadOf(trivia.click(me, `v1|ts|${q.id}|${wrong}`));
    expect(missed.embeds?.[0]?.description).toMatch(/Not quite/);
    // Another new question first; once the missed one is due it comes back ahead of new ones.
    await clock.advance(61_000);
    const again = await payloadOf(trivia.study(me));
    expect(buttonsOf(again)[0]).toContain(q.id);
    const right = await payloadOf(trivia.click(me, `v1|ts|${q.id}|${q.answer}`));
    expect(right.embeds?.[0]?.description).toMatch(/Right.*box 2/);
  });
});

describe("trivia where the bot is not a member (group DMs, user installs)", () => {
  const groupDm = (userId: string): Caller => ({
    userId,
    guildId: null,
    channelId: "700000000000000009",
    locale: "en-US",
    canManageGuild: false,
    context: "private",
    botCanPost: false,
  });
  const followUp = (receivedAt: number) => ({
    applicationId: "100",
    token: `token-${receivedAt}`,
    receivedAt,
  });
  /** /trivia start in the group DM, as the adapter passes it: with the interaction's follow-up. */
  const startHere = (
    { router, clock }: ReturnType<typeof setup>,
    options: { questions: number; seconds: number },
  ) =>
    payloadOf(
      router.handle({
        type: "command",
        command: "trivia",
        subcommand: "start",
        options,
        caller: groupDm("1"),
        followUp: followUp(clock.now()),
      }),
    );

  it("plays a whole round through the starting interaction: questions, reveals and standings as follow-ups, nothing posted to the channel", async () => {
    const game = setup();
    const { clock, messenger, trivia } = game;
    const start = await startHere(game, { questions: 2, seconds: 20 });
    expect(isEphemeral(start)).toBe(false);
    const first = askedIdOf(start);
    expect(isEphemeral(await payloadOf(trivia.answer(groupDm("1"), first, 0)))).toBe(true);
    await clock.advance(20_000);
    await clock.advance(20_000);
    expect(messenger.sent).toEqual([]);
    expect(messenger.followUps.map((f) => f.token)).toEqual([
      `token-${clock.now() - 40_000}`,
      `token-${clock.now() - 40_000}`,
      `token-${clock.now() - 40_000}`,
      `token-${clock.now() - 40_000}`,
    ]);
    // Reveal, the next question (with its answer buttons), reveal, standings.
    const [reveal1, next, , standings] = messenger.followUps.map((f) => f.payload);
    // A reveal carries only the Report button; a question, its answers.
    expect(buttonsOf(reveal1 as MessagePayload).map((id) => id.split("|")[1])).toEqual(["rp"]);
    expect(buttonsOf(next as MessagePayload)).toHaveLength(4);
    expect(JSON.stringify(standings)).toContain("That was the last question.");
    // The score is kept under the conversation's own scope, and the leaderboard says so.
    const board = await payloadOf(trivia.leaderboard(groupDm("1")));
    expect(board.embeds?.[0]?.title).toBe("Leaderboard — this conversation");
  });

  it("after a restart, goes on through the same interaction's webhook, which was kept with the round", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "apparat-db-")), "webhook.sqlite");
    const before = setup(path);
    await startHere(before, { questions: 2, seconds: 20 });
    const token = `token-${before.clock.now()}`;
    before.trivia.shutdown();
    await before.storage.close();

    const after = setup(path);
    expect(await after.trivia.resume()).toEqual({ resumed: 1, interrupted: 0 });
    await after.clock.advance(20_000);
    await after.clock.advance(20_000);
    expect(after.messenger.sent).toEqual([]);
    expect(after.messenger.followUps.map((f) => f.token)).toEqual([token, token, token, token]);
    // Once the round is over, the webhook is no longer kept.
    expect(await after.store.db.all("SELECT follow_up FROM rounds")).toEqual([{ follow_up: null }]);
  });

  it("refuses up front a round that would outlast the interaction's 15 minutes, and says what fits", async () => {
    const game = setup();
    const { clock, messenger } = game;
    const refused = await startHere(game, { questions: 20, seconds: 60 });
    expect(isEphemeral(refused)).toBe(true);
    expect(refused.content).toMatch(/15 minutes.*within 14 minutes; 20 questions of 60 seconds would not/);
    await clock.advance(60_000);
    expect(messenger.followUps).toEqual([]);
  });

  it("answers /trivia reset outside a server politely", async () => {
    const { trivia } = setup();
    const reply = await payloadOf(trivia.resetPrompt(groupDm("1")));
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(/Leaderboard resets are for servers/);
  });
});

describe("a server's own question sets", () => {
  const admin = caller("11", { canManageGuild: true });
  const member = caller("12");
  const fileOf = (path: string) => ({
    name: path.split("/").at(-1) as string,
    size: readFileSync(path).byteLength,
    read: async () => new Uint8Array(readFileSync(path)),
  });
  const inline = (name: string, content: string) => ({
    name,
    size: Buffer.byteLength(content),
    read: async () => new TextEncoder().encode(content),
  });
  const importAs = (
    router: Router,
    who: Caller,
    file: ReturnType<typeof inline> | undefined,
    options: Record<string, OptionValue> = {},
  ) =>
    payloadOf(
      router.handle({
        type: "command",
        command: "trivia",
        subcommand: "import",
        options,
        caller: who,
        ...(file ? { attachments: { file } } : {}),
      }),
    );

  it("imports a valid file, lists it, plays it, exports it back and deletes it", async () => {
    const { router, clock, messenger, trivia } = setup();
    const done = await importAs(router, admin, fileOf("examples/question-set.csv"), { name: "Week 3" });
    expect(isEphemeral(done)).toBe(true);
    expect(done.content).toBe(
      "Imported the set “Week 3”: 4 questions. Play it with `/trivia start set:Week 3`.",
    );
    const list = await payloadOf(
      router.handle({ type: "command", command: "trivia", subcommand: "sets", options: {}, caller: member }),
    );
    expect(list.content).toMatch(/\*\*Week 3\*\* — 4 questions · by <@11>/);
    const start = await payloadOf(trivia.start(member, { set: "week 3", questions: 4, seconds: 10 }));
    expect(start.embeds?.[0]?.description).toMatch(/First Secretary|Molotov|Brezhnev|renamed/);
    const askedId = askedIdOf(start);
    await payloadOf(trivia.answer(member, askedId, 0));
    await payloadOf(trivia.answer(member, askedId, 1));
    for (let i = 0; i < 4; i++) await clock.advance(10_000);
    const standings = messenger.sent.at(-1)?.payload;
    expect(JSON.stringify(standings)).toContain("That was the last question.");
    // Exported back as JSON, it imports again unchanged.
    const exported = await payloadOf(
      router.handle({
        type: "command",
        command: "trivia",
        subcommand: "sets",
        options: { action: "export", name: "Week 3" },
        caller: member,
      }),
    );
    const file = exported.files?.[0];
    expect(file?.name).toBe("Week-3.json");
    const again = await importAs(router, admin, inline("again.json", new TextDecoder().decode(file?.data)));
    expect(again.content).toMatch(/^Replaced the set “Week 3”: 4 questions/);
    const removed = await payloadOf(
      router.handle({
        type: "command",
        command: "trivia",
        subcommand: "sets",
        options: { action: "delete", name: "week 3" },
        caller: admin,
      }),
    );
    expect(removed.content).toBe("Deleted the set “Week 3” (4 questions).");
    const missing = await payloadOf(trivia.start(member, { set: "Week 3" }));
    expect(missing.content).toMatch(/There is no question set “Week 3” here/);
  });

  it("reports every problem privately and imports nothing", async () => {
    const { router } = setup();
    const bad = [
      "question,correct,wrong1,wrong2,wrong3,wrong4,explanation,source,category,difficulty",
      "Who?,Khrushchev,Malenkov,,,,,,,easy",
      "Who last?,Gorbachev,gorbachev,,,,,,,",
      "When?,1982,,,,,,,,impossible",
    ].join("\n");
    const report = await importAs(router, admin, inline("week3.csv", bad));
    expect(isEphemeral(report)).toBe(true);
    expect(report.content).toBe(
      [
        "Nothing was imported: 3 problems in 3 questions. Fix them and import the file again:",
        "• line 3 · correct: The correct answer is also among the wrong ones.",
        "• line 4 · wrong: 0 wrong answers; give 1 to 4.",
        '• line 4 · difficulty: "impossible" is not a difficulty: easy, medium or hard.',
      ].join("\n"),
    );
    const list = await payloadOf(
      router.handle({ type: "command", command: "trivia", subcommand: "sets", options: {}, caller: admin }),
    );
    expect(list.content).toMatch(/No question sets here yet/);
  });

  it("asks for Manage Server in a server, and shows imported text escaped", async () => {
    const { router, trivia } = setup();
    const refused = await importAs(router, member, inline("x.csv", "question,correct,wrong1\nQ,A,B"));
    expect(refused.content).toMatch(/Only someone with Manage Server/);
    const sly = "question,correct,wrong1\n**@everyone** <@1> click [here](http://x),yes,no";
    await importAs(router, admin, inline("sly.csv", sly), { name: "sly" });
    const start = await payloadOf(trivia.start(member, { set: "sly" }));
    const description = start.embeds?.[0]?.description ?? "";
    expect(description).not.toContain("**@everyone**");
    expect(description).not.toContain("<@1>");
    expect(description).toContain("\\*\\*@\u200beveryone\\*\\*");
    expect(start.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("categories", () => {
  it("draws a round from one era, or one kind, of the built-in questions; autocomplete lists them", async () => {
    const { router, store, trivia } = setup();
    const who = caller("21");
    const start = await payloadOf(trivia.start(who, { category: "era:thaw", questions: 5, seconds: 10 }));
    expect(isEphemeral(start)).toBe(false);
    const round = await store.runningRound(who.channelId as string);
    expect(round?.category).toBe("era:thaw");
    const first = questionById(ds, (await store.currentQuestion(round?.id ?? -1))?.question_id ?? "");
    expect(first && eraOf(ds, first)).toBe("thaw");
    const choices = await router.handle({
      type: "autocomplete",
      command: "trivia",
      subcommand: "start",
      focused: { name: "category", value: "stag" },
      options: {},
      caller: who,
    });
    expect(choices.type === "choices" && choices.choices).toEqual([
      { name: "Stagnation (1964–1985)", value: "era:stagnation" },
    ]);
    const wrong = await payloadOf(
      trivia.start(caller("22", { channelId: "800000000000000002" }), { category: "era:nonsense" }),
    );
    expect(wrong.content).toMatch(/Pick a category from the list/);
  });

  it("tags every built-in question with an era", () => {
    const missing = allQuestions(ds).filter((q) => eraOf(ds, q) === null);
    expect(missing.map((q) => q.id)).toEqual([]);
  });
});

describe("exports for teachers", () => {
  it("exports the scores as CSV with the names players answered under, per era; a player's own study progress", async () => {
    const { clock, trivia, router } = setup();
    const teacher = caller("31", { canManageGuild: true, displayName: "Ms. Teacher" });
    const anna = caller("32", { displayName: 'Anna, "the historian"' });
    const start = await payloadOf(trivia.start(teacher, { questions: 1, seconds: 10 }));
    const askedId = askedIdOf(start);
    await payloadOf(trivia.answer(anna, askedId, 0));
    await clock.advance(10_000);
    const denied = await payloadOf(
      router.handle({ type: "command", command: "trivia", subcommand: "export", options: {}, caller: anna }),
    );
    expect(denied.content).toMatch(/Only someone with Manage Server can export/);
    const exported = await payloadOf(
      router.handle({
        type: "command",
        command: "trivia",
        subcommand: "export",
        options: {},
        caller: teacher,
      }),
    );
    expect(isEphemeral(exported)).toBe(true);
    expect(exported.content).toMatch(/^Scores of 1 player, as CSV/);
    const csv = new TextDecoder().decode(exported.files?.[0]?.data);
    const [header, row] = csv.trim().split("\r\n");
    expect(header).toBe(
      "user_id,display_name,answered,correct,accuracy,points,revolution_answered,revolution_correct,stalin_answered,stalin_correct,thaw_answered,thaw_correct,stagnation_answered,stagnation_correct,perestroika_answered,perestroika_correct,own-sets_answered,own-sets_correct,daily_streak,daily_best_streak",
    );
    expect(row).toMatch(/^32,"Anna, ""the historian""",1,[01],(0\.00|1\.00),\d+,/);
    const none = await payloadOf(
      router.handle({ type: "command", command: "study", options: { export: true }, caller: anna }),
    );
    expect(none.content).toMatch(/You have not studied any question yet/);
    const card = await payloadOf(trivia.study(anna));
    const [first] = buttonsOf(card);
    await payloadOf(trivia.click(anna, first as string));
    const mine = await payloadOf(
      router.handle({ type: "command", command: "study", options: { export: true }, caller: anna }),
    );
    expect(mine.content).toMatch(/1 question seen/);
    expect(new TextDecoder().decode(mine.files?.[0]?.data)).toMatch(
      /^question_id,question,box,seen,wrong,due\r\n/,
    );
    // A Russian caller's file words its questions in Russian, as their /study showed them.
    const boris = caller("33", { locale: "ru" });
    await payloadOf(trivia.click(boris, buttonsOf(await payloadOf(trivia.study(boris)))[0] as string));
    const theirs = await payloadOf(
      router.handle({ type: "command", command: "study", options: { export: true }, caller: boris }),
    );
    const [, studied] = new TextDecoder().decode(theirs.files?.[0]?.data).trim().split("\r\n");
    const question = questionById(engine().dataset, (studied ?? "").split(",")[0] as string);
    expect(question?.ru?.prompt).toBeTruthy();
    expect(studied).toContain((question?.ru?.prompt ?? "-").replace(/"/g, '""'));
  });
});

describe("server settings (/settings trivia)", () => {
  const settings = (router: Router, who: Caller, options: Record<string, OptionValue> = {}) =>
    payloadOf(
      router.handle({ type: "command", command: "settings", subcommand: "trivia", options, caller: who }),
    );

  it("sets the defaults a round starts with, hides explanations, and keeps rounds to listed channels", async () => {
    const { router, trivia, clock, messenger, store } = setup();
    const admin = caller("41", { canManageGuild: true });
    const member = caller("42");
    expect((await settings(router, member, { seconds: 30 })).content).toMatch(
      /Only someone with Manage Server/,
    );
    const shown = await settings(router, admin, { seconds: 30, difficulty: "easy", explanations: false });
    expect(shown.content).toContain("Seconds per question: 30");
    expect(shown.content).toContain("Difficulty: easy");
    expect(shown.content).toContain("Reveals show the explanation and sources: no");
    await payloadOf(trivia.start(member, { questions: 1 }));
    const round = await store.runningRound(member.channelId as string);
    expect([round?.seconds, round?.difficulty]).toEqual([30, "easy"]);
    await clock.advance(30_000);
    const reveal = messenger.sent[0]?.payload.embeds?.[0];
    expect(reveal?.description ?? "").toBe("");
    expect(reveal?.footer?.text).not.toMatch(/Sources/);
    // Rounds only in one channel: elsewhere a polite refusal that names it.
    await settings(router, admin, { channel: "800000000000000077" });
    const elsewhere = await payloadOf(trivia.start(member));
    expect(isEphemeral(elsewhere)).toBe(true);
    expect(elsewhere.content).toBe("On this server, rounds run only in <#800000000000000077>.");
    await settings(router, admin, { channel: "800000000000000077", allow: false });
    expect((await settings(router, member)).content).toContain("Channels that may run rounds: any");
  });

  it("says settings are for servers in a DM", async () => {
    const { router } = setup();
    const reply = await settings(router, caller("43", { guildId: null }), { seconds: 30 });
    expect(reply.content).toMatch(/Settings are for servers/);
  });
});

describe("reports of wrong questions", () => {
  it("a reveal's Report button opens a form; the report reaches /trivia reports; hiding keeps the question out of this server's rounds", async () => {
    const { router, trivia, clock, messenger, store } = setup();
    const admin = caller("51", { canManageGuild: true });
    const student = caller("52");
    const start = await payloadOf(trivia.start(student, { questions: 1, seconds: 10 }));
    const round = await store.runningRound(student.channelId as string);
    const questionId = (await store.currentQuestion(round?.id ?? -1))?.question_id as string;
    await clock.advance(10_000);
    const reveal = messenger.sent[0]?.payload as MessagePayload;
    const [reportId] = buttonsOf(reveal);
    const form = await router.handle({
      type: "component",
      customId: reportId as string,
      values: [],
      caller: student,
    });
    expect(form.type).toBe("modal");
    if (form.type !== "modal") return;
    expect(form.modal.title).toBe("Report this question");
    expect(form.modal.components[0]?.components[0]).toMatchObject({
      custom_id: "what",
      max_length: 500,
      style: 2,
    });
    const empty = await payloadOf(
      router.handle({
        type: "component",
        customId: form.modal.custom_id,
        values: [],
        fields: { what: " " },
        caller: student,
      }),
    );
    expect(empty.content).toMatch(/Please say what is wrong/);
    const thanks = await payloadOf(
      router.handle({
        type: "component",
        customId: form.modal.custom_id,
        values: [],
        fields: { what: "Option B is also right, @everyone" },
        caller: student,
      }),
    );
    expect(isEphemeral(thanks)).toBe(true);
    expect(thanks.content).toMatch(/^Thank you/);
    expect(
      (
        await payloadOf(
          router.handle({
            type: "command",
            command: "trivia",
            subcommand: "reports",
            options: {},
            caller: student,
          }),
        )
      ).content,
    ).toMatch(/Only someone with Manage Server/);
    const list = await payloadOf(
      router.handle({
        type: "command",
        command: "trivia",
        subcommand: "reports",
        options: {},
        caller: admin,
      }),
    );
    expect(list.content).toMatch(/Open question reports \(1 of 1\)/);
    expect(list.content).toContain("Report by <@52>: Option B is also right, @\u200beveryone");
    expect(list.content).toContain(start.embeds?.[0]?.description?.split("\n")[0] ?? "?");
    const [hide] = buttonsOf(list);
    const hidden = await payloadOf(
      router.handle({ type: "component", customId: hide as string, values: [], caller: admin }),
    );
    expect(hidden.content).toMatch(/^Hidden/);
    const again = await payloadOf(
      router.handle({ type: "component", customId: hide as string, values: [], caller: admin }),
    );
    expect(again.content).toMatch(/already resolved/);
    // The hidden question is never drawn again on this server.
    for (let i = 0; i < 8; i++) {
      await payloadOf(
        trivia.start(caller("53", { channelId: `80000000000000010${i}` }), { questions: 20, seconds: 10 }),
      );
    }
    const rows = await store.db.all<{ questions: string }>("SELECT questions FROM rounds WHERE id > ?", [
      round?.id ?? 0,
    ]);
    const drawn = rows.flatMap((r) => JSON.parse(r.questions) as string[]);
    expect(drawn.length).toBeGreaterThan(100);
    expect(drawn).not.toContain(questionId);
  });
});

describe("hints", () => {
  it("halfway through, takes one wrong answer away: the question's own message is edited where it can be", async () => {
    const { trivia, clock, messenger, store } = setup();
    const edits: { messageId: string; payload: MessagePayload }[] = [];
    messenger.edit = async (message, payload) => {
      edits.push({ messageId: message.messageId, payload });
    };
    const who = caller("61", { channelId: "800000000000000061" });
    const start = await payloadOf(
      trivia.start(
        { ...who, followUp: { applicationId: "1", token: "t", receivedAt: clock.now() } } as Caller,
        {
          questions: 3,
          seconds: 20,
          hints: true,
          category: "kind:successor",
        },
      ),
    );
    const round = await store.runningRound(who.channelId as string);
    expect(round?.hints).toBe(1);
    expect(start.components?.[0]?.components.some((b) => "disabled" in b && b.disabled)).toBe(false);
    await clock.advance(10_000);
    const question = questionById(ds, (await store.currentQuestion(round?.id ?? -1))?.question_id ?? "");
    expect(question?.choices).toHaveLength(4);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.messageId).toBe("@original");
    const buttons = edits[0]?.payload.components?.[0]?.components ?? [];
    const disabled = buttons.flatMap((b, i) => ("disabled" in b && b.disabled ? [i] : []));
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).not.toBe(question?.answer);
    expect(edits[0]?.payload.embeds?.[0]?.description).toMatch(/💡 Hint: it is not [A-D]\./);
  });

  it("posts the hinted copy where nothing can be edited, and never hints a true-or-false question", async () => {
    const { trivia, clock, messenger } = setup();
    const hinted = () => messenger.sent.filter((m) => JSON.stringify(m.payload).includes("Hint: it is not"));
    await payloadOf(
      trivia.start(caller("62", { channelId: "800000000000000062" }), {
        questions: 1,
        seconds: 20,
        hints: true,
        category: "kind:successor",
      }),
    );
    await clock.advance(10_000);
    expect(hinted()).toHaveLength(1);
    await clock.advance(10_000);
    await payloadOf(
      trivia.start(caller("63", { channelId: "800000000000000063" }), {
        questions: 1,
        seconds: 20,
        hints: true,
        category: "kind:true-false",
      }),
    );
    await clock.advance(20_000);
    expect(hinted()).toHaveLength(1);
  });
});
