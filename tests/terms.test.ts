// Terms and rounds that count (#25), on SQLite and on PostgreSQL, as a server sees them: /trivia term
// starts and ends a term (refusing clearly what cannot be done); the leaderboard, /trivia stats and
// the export show the running term by default, and any ended term or all time on request; a reset
// asks to confirm and points to ending a term instead; a round with fewer players than
// min-players is played and shown but left out, and says so, for good.
import { describe, expect, it } from "vitest";
import { COMMANDS, COMPONENTS } from "../commands/index.js";
import { data as triviaData } from "../commands/trivia.js";
import { MessageFlags } from "../src/interactions/api.js";
import { Router } from "../src/interactions/router.js";
import { createTrivia, showingMessenger } from "../src/interactions/trivia.js";
import type { BotResponse, Caller, Choice, MessagePayload, OptionValue } from "../src/interactions/types.js";
import { parseCsv } from "../src/question-sets/csv.js";
import type { Storage } from "../src/storage/sql.js";
import { questionById } from "../src/trivia/questions.js";
import { TriviaStore } from "../src/trivia/store.js";
import { engine, FakeClock } from "./helpers.js";
import { freshDatabases, KINDS, openAt, postgresAvailable } from "./support/databases.js";

const ds = engine().dataset;
const GUILD = "900000000000000001";

const fresh = freshDatabases();

const caller = (userId: string, extra: Partial<Caller> = {}): Caller => ({
  userId,
  guildId: GUILD,
  channelId: "800000000000000001",
  locale: "en-US",
  canManageGuild: false,
  ...extra,
});
const teacher = caller("31", { canManageGuild: true });
const anna = caller("32");
const boris = caller("33");
const vera = caller("34");

const isEphemeral = (p: MessagePayload) => ((p.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const buttonsOf = (p: MessagePayload) =>
  (p.components?.[0]?.components ?? []).map((c) => ("custom_id" in c ? c.custom_id : ""));

/** The group and subcommand of "term start", or the subcommand of "start". */
const pathOf = (words?: string): { group?: string; subcommand?: string } => {
  const [first, second] = words?.split(" ") ?? [];
  if (second !== undefined) return { group: first as string, subcommand: second };
  return first !== undefined ? { subcommand: first } : {};
};

/** Trivia through the router, on a database of either kind; what rounds post lands in `posted`. */
function server(storage: Storage) {
  const clock = new FakeClock();
  const store = new TriviaStore(storage.sql);
  const posted: MessagePayload[] = [];
  const trivia = createTrivia(
    ds,
    storage.sql,
    showingMessenger((payload) => posted.push(payload)),
    { clock, seedFor: () => 42 },
  );
  const router = new Router({ ...engine(), trivia }, COMMANDS, COMPONENTS);
  const handle = async (
    who: Caller,
    name: string,
    subcommand?: string,
    options: Record<string, OptionValue> = {},
  ): Promise<BotResponse> =>
    router.handle({
      type: "command",
      command: name,
      // "term start": a group's subcommand, as Discord nests it; "start": a subcommand.
      ...pathOf(subcommand),
      options,
      caller: who,
    });
  const command = async (...args: Parameters<typeof handle>): Promise<MessagePayload> => {
    const response = await handle(...args);
    if (response.type !== "reply" && response.type !== "update") throw new Error("expected a message");
    return response.payload;
  };
  const click = async (who: Caller, customId: string): Promise<MessagePayload> => {
    const response = await router.handle({ type: "component", customId, values: [], caller: who });
    if (response.type !== "reply" && response.type !== "update") throw new Error("expected a message");
    return response.payload;
  };
  const complete = async (
    who: Caller,
    name: string,
    subcommand: string | undefined,
    value: string,
  ): Promise<Choice[]> => {
    const response = await router.handle({
      type: "autocomplete",
      command: name,
      ...(subcommand ? { subcommand } : {}),
      focused: { name: "term", value },
      options: {},
      caller: who,
    });
    if (response.type !== "choices") throw new Error("expected choices");
    return response.choices;
  };

  /** A one-question round: each player answers, right or wrong; then time runs out (or it is stopped). */
  async function round(players: [Caller, boolean][], end: "time" | "stop" = "time") {
    const start = await command(teacher, "trivia", "start", { questions: 1, seconds: 20 });
    const askedId = Number(buttonsOf(start)[0]?.split("|")[2]);
    const q = questionById(ds, (await store.asked(askedId))?.question_id ?? "");
    if (!q) throw new Error("no question");
    for (const [who, right] of players) {
      await clock.advance(1000);
      const choice = right ? q.answer : (q.answer + 1) % q.choices.length;
      expect((await click(who, `v1|ta|${askedId}|${choice}`)).content).toMatch(/Locked in/);
    }
    if (end === "stop") return command(teacher, "trivia", "stop");
    await clock.advance(20_000);
    const standings = posted.at(-1);
    expect(standings?.embeds?.[0]?.title).toBe("Standings");
    return standings as MessagePayload;
  }

  /** The players on a leaderboard, in order, with their points. */
  const boardOf = (p: MessagePayload) =>
    [...(p.embeds?.[0]?.description ?? "").matchAll(/<@(\d+)> — (\d+) points/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
  /** The players of an export, with answered and points. */
  const exportOf = (p: MessagePayload) => {
    const parsed = parseCsv(new TextDecoder().decode(p.files?.[0]?.data ?? new Uint8Array()));
    return parsed.ok ? parsed.records.slice(1).map((r) => [r.fields[0], Number(r.fields[2])]) : [];
  };

  return { clock, store, command, handle, click, complete, round, boardOf, exportOf };
}

for (const kind of KINDS) {
  describe.skipIf(kind === "postgres" && !postgresAvailable())(`terms on ${kind}`, () => {
    it("starts and ends a term, and refuses clearly what cannot be done", async () => {
      const { storage } = await fresh(kind, "term-start-end");
      const s = server(storage);
      const term = (who: Caller, sub: string, options: Record<string, OptionValue> = {}) =>
        s.handle(who, "trivia", `term ${sub}`, options);

      const outside = await term(caller("31", { guildId: null, canManageGuild: true }), "end");
      expect(outside).toMatchObject({
        refused: true,
        payload: { content: expect.stringMatching(/for servers/) },
      });
      const notAllowed = await term(anna, "start", { name: "Spring" });
      expect(notAllowed).toMatchObject({
        refused: true,
        payload: { content: "Only someone with Manage Server can start or end a term." },
      });
      expect((await s.command(teacher, "trivia", "term end")).content).toBe(
        "No term is running here, so there is none to end. Start one with `/trivia term start name:…`.",
      );
      const empty = await s.command(teacher, "trivia", "term start", { name: "   " });
      expect(isEphemeral(empty)).toBe(true);
      expect(empty.content).toBe("Give the term a name: `/trivia term start name:Spring 2027`.");
      const noName = await s.command(teacher, "trivia", "term start");
      expect(noName.content).toBe(empty.content);
      const long = await s.command(teacher, "trivia", "term start", { name: "x".repeat(101) });
      expect(isEphemeral(long)).toBe(true);
      expect(long.content).toBe("A term's name may be at most 100 characters; this one has 101.");

      const started = await s.command(teacher, "trivia", "term start", { name: "Spring 2027" });
      // Announced to the channel, not privately.
      expect(isEphemeral(started)).toBe(false);
      expect(started.content).toMatch(/^The term “Spring 2027” has started\./);
      const again = await term(teacher, "start", { name: "Autumn" });
      expect(again).toMatchObject({ refused: true });
      const startedAt = Math.floor(s.clock.now() / 1000);
      expect(again.type === "reply" && again.payload.content).toBe(
        `The term “Spring 2027” is running (since <t:${startedAt}:D>). End it first with \`/trivia term end\`; its leaderboard is kept.`,
      );

      await s.clock.advance(86_400_000);
      const ended = await s.command(teacher, "trivia", "term end");
      expect(isEphemeral(ended)).toBe(false);
      expect(ended.content).toMatch(
        new RegExp(`^The term “Spring 2027” \\(since <t:${startedAt}:D>\\) has ended\\.`),
      );
      expect((await s.command(teacher, "trivia", "term end")).content).toMatch(/No term is running/);

      // The server's terms, the newest first, for term: (in Russian too).
      await s.command(teacher, "trivia", "term start", { name: "Autumn 2027" });
      const choices = await s.complete(teacher, "leaderboard", undefined, "");
      expect(choices.map((c) => c.name)).toEqual([
        "all time (since the last reset)",
        "Autumn 2027 (running)",
        "Spring 2027 (ended)",
      ]);
      expect((await s.complete(teacher, "trivia", "export", "spr")).map((c) => c.name)).toEqual([
        "Spring 2027 (ended)",
      ]);
      const ru = await s.complete(caller("31", { locale: "ru" }), "leaderboard", undefined, "");
      expect(ru.map((c) => c.name)).toEqual([
        "за всё время (с последнего сброса)",
        "Autumn 2027 (идёт)",
        "Spring 2027 (завершён)",
      ]);
      expect(await s.complete(caller("31", { guildId: null }), "leaderboard", undefined, "")).toEqual([]);
    });

    it("answers a group or subcommand /trivia does not have politely, and starts nothing", async () => {
      const { storage } = await fresh(kind, "term-unknown");
      const s = server(storage);
      const said = async (who: Caller, sub: string, options: Record<string, OptionValue> = {}) => {
        const r = await s.handle(who, "trivia", sub, options);
        expect(r).toMatchObject({ type: "reply", refused: true });
        const payload = (r as { payload: MessagePayload }).payload;
        expect(isEphemeral(payload)).toBe(true);
        return payload.content;
      };
      // As an old registration sent it: the group as a subcommand, what to do as an option.
      expect(await said(teacher, "term", { action: "start", name: "Spring" })).toBe(
        "/trivia term needs one of: start, end.",
      );
      expect(await said(teacher, "term finish")).toBe(
        "/trivia term has no subcommand “finish”; it takes one of: start, end. Try /help.",
      );
      expect(await said(teacher, "terms start", { name: "Spring" })).toBe(
        "/trivia has no subcommand “terms”; it takes one of: start, stop, question, stats, import, sets, reports, export, term, reset. Try /help.",
      );
      // A subcommand is not a group, nor a group's subcommand one of the command's own.
      expect(await said(teacher, "start now")).toMatch(/^\/trivia has no subcommand “start”/);
      expect(await said(teacher, "end")).toMatch(/^\/trivia has no subcommand “end”/);
      expect(await said(caller("31", { locale: "ru", canManageGuild: true }), "term")).toBe(
        "После /викторина семестр нужна одна из подкоманд: начать, завершить.",
      );
      expect(await said(caller("31", { locale: "ru", canManageGuild: true }), "term finish")).toBe(
        "У команды /викторина семестр нет подкоманды «finish»; есть: начать, завершить. Справка — /помощь.",
      );
      expect(await s.complete(teacher, "leaderboard", undefined, "")).toEqual([
        { name: "all time (since the last reset)", value: "all" },
      ]);
    });

    it("lets only one of two moderators starting a term at once start it", async () => {
      const { storage } = await fresh(kind, "term-race");
      const s = server(storage);
      const both = await Promise.all(
        ["Spring", "Printemps"].map((name) => s.command(teacher, "trivia", "term start", { name })),
      );
      const started = both.filter((p) => /has started/.test(p.content ?? ""));
      const refused = both.filter((p) => /is running/.test(p.content ?? ""));
      expect([started.length, refused.length]).toEqual([1, 1]);
      expect(await s.complete(teacher, "leaderboard", undefined, "running")).toHaveLength(1);
    });

    it("shows the running term by default, any ended term or all time on request, and exports each", async () => {
      const { storage } = await fresh(kind, "term-views");
      const s = server(storage);
      await s.round([[anna, true]]);
      expect(s.boardOf(await s.command(anna, "leaderboard"))).toEqual([["32", 15]]);

      await s.command(teacher, "trivia", "term start", { name: "Spring" });
      const emptyTerm = await s.command(anna, "leaderboard");
      expect(isEphemeral(emptyTerm)).toBe(true);
      expect(emptyTerm.content).toBe("Nobody has scored in the term “Spring” yet.");
      expect((await s.command(anna, "trivia", "stats")).content).toBe(
        "<@32> has not answered in the term “Spring” yet.",
      );

      await s.round([
        [boris, true],
        [vera, false],
      ]);
      const spring = await s.command(anna, "leaderboard");
      expect(spring.embeds?.[0]?.title).toBe("Leaderboard — term “Spring”");
      expect(s.boardOf(spring)).toEqual([
        ["33", 15],
        ["34", 0],
      ]);
      const borisStats = await s.command(boris, "trivia", "stats");
      expect(borisStats.embeds?.[0]?.footer?.text).toBe("Term “Spring”");
      expect(borisStats.embeds?.[0]?.fields?.map((f) => f.value)).toEqual([
        "15",
        "100% (1/1)",
        "1 now · best 1",
      ]);
      const allTime = await s.command(anna, "leaderboard", undefined, { term: "all" });
      expect(allTime.embeds?.[0]?.title).toBe("Leaderboard — this server");
      expect(s.boardOf(allTime)).toEqual([
        ["32", 15],
        ["33", 15],
        ["34", 0],
      ]);
      expect(s.exportOf(await s.command(teacher, "trivia", "export"))).toEqual([
        ["33", 1],
        ["34", 1],
      ]);

      await s.clock.advance(60_000);
      await s.command(teacher, "trivia", "term end");
      // No term running: everything since the last reset.
      expect((await s.command(anna, "leaderboard")).embeds?.[0]?.title).toBe("Leaderboard — this server");
      expect(s.boardOf(await s.command(anna, "leaderboard"))).toHaveLength(3);

      await s.command(teacher, "trivia", "term start", { name: "Autumn" });
      await s.round([[anna, false]]);
      await s.round([[anna, true]]);
      const autumn = await s.command(anna, "leaderboard");
      expect(autumn.embeds?.[0]?.title).toBe("Leaderboard — term “Autumn”");
      expect(s.boardOf(autumn)).toEqual([["32", 15]]);
      expect((await s.command(anna, "trivia", "stats")).embeds?.[0]?.fields?.map((f) => f.value)).toEqual([
        "15",
        "50% (1/2)",
        "1 now · best 1",
      ]);

      // The ended term, by autocomplete's id or by its name.
      const springChoice = (await s.complete(teacher, "leaderboard", undefined, "spring"))[0];
      expect(springChoice?.name).toBe("Spring (ended)");
      const byId = await s.command(anna, "leaderboard", undefined, { term: String(springChoice?.value) });
      const byName = await s.command(anna, "leaderboard", undefined, { term: "spring" });
      expect(byId.embeds?.[0]?.title).toBe("Leaderboard — term “Spring”");
      expect(s.boardOf(byId)).toEqual([
        ["33", 15],
        ["34", 0],
      ]);
      expect(byName).toEqual(byId);
      const springExport = await s.command(teacher, "trivia", "export", { term: "Spring" });
      expect(springExport.files?.[0]?.name).toBe(`trivia-scores-term-${springChoice?.value}.csv`);
      expect(s.exportOf(springExport)).toEqual([
        ["33", 1],
        ["34", 1],
      ]);
      expect(s.exportOf(await s.command(teacher, "trivia", "export"))).toEqual([["32", 2]]);
      expect(s.exportOf(await s.command(teacher, "trivia", "export", { term: "all" }))).toEqual([
        ["32", 3],
        ["33", 1],
        ["34", 1],
      ]);

      const unknown = await s.handle(anna, "leaderboard", undefined, { term: "Winter" });
      expect(unknown).toMatchObject({
        refused: true,
        payload: {
          content:
            "This server has no term called “Winter”. Start typing in `term:` to pick one of its terms.",
        },
      });
      expect(await s.handle(teacher, "trivia", "export", { term: "Winter" })).toMatchObject({
        refused: true,
      });
      expect(
        await s.handle(anna, "leaderboard", undefined, { scope: "global", term: "Spring" }),
      ).toMatchObject({
        refused: true,
        payload: { content: "`term:` is for this server's own leaderboard and export, not for everywhere." },
      });
    });

    it("asks before a reset, recommends ending a term instead, and keeps ended terms", async () => {
      const { storage } = await fresh(kind, "term-reset");
      const s = server(storage);
      await s.command(teacher, "trivia", "term start", { name: "Spring" });
      await s.round([[anna, true]]);
      await s.command(teacher, "trivia", "term end");
      await s.round([[boris, true]]);

      expect(await s.handle(anna, "trivia", "reset")).toMatchObject({
        refused: true,
        payload: { content: "Only someone with Manage Server can reset this server's leaderboard." },
      });
      const prompt = await s.command(teacher, "trivia", "reset");
      expect(isEphemeral(prompt)).toBe(true);
      expect(prompt.content).toBe(
        "Reset this server's trivia leaderboard? Every score here is deleted, and stats and score exports start again from zero; this cannot be undone.\n\n" +
          "To start the leaderboard afresh and keep the old one, end the term instead: `/trivia term end`, then `/trivia term start name:…`.",
      );
      const [confirm] = buttonsOf(prompt);
      expect(prompt.components?.[0]?.components?.[0]).toMatchObject({
        label: "Reset the leaderboard",
        style: 4,
      });
      // Nothing happens until the button is pressed, and only by whoever asked.
      expect(s.boardOf(await s.command(anna, "leaderboard"))).toHaveLength(2);
      expect((await s.click(caller("35", { canManageGuild: true }), confirm as string)).content).toBe(
        "Only the person who asked for the reset can confirm it.",
      );
      expect((await s.click(teacher, confirm as string)).content).toMatch(/The leaderboard was reset/);

      expect((await s.command(anna, "leaderboard")).content).toBe(
        "No scores yet. Start a round with /trivia start.",
      );
      // The ended term is kept as it was.
      expect(s.boardOf(await s.command(anna, "leaderboard", undefined, { term: "Spring" }))).toEqual([
        ["32", 15],
      ]);
      expect(s.exportOf(await s.command(teacher, "trivia", "export", { term: "Spring" }))).toEqual([
        ["32", 1],
      ]);
      // A reset during a term starts that term's board afresh too, also once the term has ended.
      await s.command(teacher, "trivia", "term start", { name: "Autumn" });
      await s.round([[vera, true]]);
      const again = await s.command(teacher, "trivia", "reset");
      await s.click(teacher, buttonsOf(again)[0] as string);
      await s.round([[boris, false]]);
      await s.command(teacher, "trivia", "term end");
      expect(s.boardOf(await s.command(anna, "leaderboard", undefined, { term: "Autumn" }))).toEqual([
        ["33", 0],
      ]);
      expect(s.boardOf(await s.command(anna, "leaderboard", undefined, { term: "Spring" }))).toEqual([
        ["32", 15],
      ]);
      const definition = triviaData.options?.find((o) => o.name === "reset");
      expect(definition?.description).toMatch(/better: end the term with \/trivia term end\)$/);
    });
  });

  describe.skipIf(kind === "postgres" && !postgresAvailable())(`min-players on ${kind}`, () => {
    it("leaves out a round with fewer players than min-players, says so, and keeps that decision", async () => {
      const { storage } = await fresh(kind, "min-players");
      const s = server(storage);
      const settings = await s.command(teacher, "settings", "trivia", {});
      expect(settings.content).toMatch(
        /• Players a round needs to count toward the leaderboard: 1 \(every round counts\)$/,
      );
      expect(await s.handle(anna, "settings", "trivia", { "min-players": 2 })).toMatchObject({
        refused: true,
      });
      const set = await s.command(teacher, "settings", "trivia", { "min-players": 2 });
      expect(set.content).toMatch(/• Players a round needs to count toward the leaderboard: 2$/);

      // Anna alone: played and shown as usual, but it does not count, and the standings say so.
      const alone = await s.round([[anna, true]]);
      expect(alone.embeds?.[0]?.description).toBe(
        "That was the last question.\n\n**1.** <@32> — 15 points (1/1 right)\n\n" +
          "This round does not count toward the server's leaderboard: 1 player took part, and this server counts rounds with at least 2.",
      );
      expect((await s.command(anna, "leaderboard")).content).toBe(
        "No scores yet. Start a round with /trivia start.",
      );
      expect((await s.command(anna, "leaderboard", undefined, { scope: "global" })).content).toMatch(
        /No scores yet/,
      );
      expect((await s.command(anna, "trivia", "stats")).content).toMatch(/has not answered any trivia here/);
      expect((await s.command(teacher, "trivia", "export")).content).toMatch(/nothing to export/);

      // Stopped early, the same: the reply with the standings says it.
      const stopped = await s.round([[boris, true]], "stop");
      expect(stopped.embeds?.[0]?.description).toMatch(
        /This round does not count .*1 player took part.* at least 2\.$/,
      );

      // Two players: it counts.
      const two = await s.round([
        [anna, false],
        [boris, true],
      ]);
      expect(two.embeds?.[0]?.description).not.toMatch(/does not count/);
      expect(s.boardOf(await s.command(anna, "leaderboard"))).toEqual([
        ["33", 15],
        ["32", 0],
      ]);
      expect(s.boardOf(await s.command(anna, "leaderboard", undefined, { scope: "global" }))).toEqual([
        ["33", 15],
        ["32", 0],
      ]);

      // Back to 1: a round of one counts again, and the rounds left out earlier stay out.
      await s.command(teacher, "settings", "trivia", { "min-players": 1 });
      const one = await s.round([[vera, true]]);
      expect(one.embeds?.[0]?.description).toBe(
        "That was the last question.\n\n**1.** <@34> — 15 points (1/1 right)",
      );
      expect(s.boardOf(await s.command(anna, "leaderboard"))).toEqual([
        ["33", 15],
        ["34", 15],
        ["32", 0],
      ]);
      expect(s.exportOf(await s.command(teacher, "trivia", "export"))).toEqual([
        ["33", 1],
        ["34", 1],
        ["32", 1],
      ]);
      expect((await s.command(anna, "trivia", "stats")).embeds?.[0]?.fields?.[1]?.value).toBe("0% (0/1)");
    });

    it("counts every round that ended before the migration, whatever min-players is later", async () => {
      const { storage, where } = await fresh(kind, "min-players-upgrade", { target: 7 });
      const round = await storage.sql.get<{ id: number }>(
        `INSERT INTO rounds (guild_id, channel_id, starter_id, seconds, total, seed, started_at, ended_at, status)
         VALUES (?, '800000000000000001', '31', 20, 1, 1, 1, 2, 'finished') RETURNING id`,
        [GUILD],
      );
      const asked = await storage.sql.get<{ id: number }>(
        "INSERT INTO asked (round_id, question_id, position, opened_at, closes_at, closed_at) VALUES (?, 'q', 0, 1, 2, 2) RETURNING id",
        [Number(round?.id)],
      );
      await storage.sql.run(
        "INSERT INTO answers (asked_id, user_id, guild_id, choice, correct, points, answered_at) VALUES (?, '32', ?, 0, 1, 12, 1)",
        [Number(asked?.id), GUILD],
      );
      await storage.close();
      const s = server(fresh.keep(await openAt(kind, where)));
      await s.command(teacher, "settings", "trivia", { "min-players": 2 });
      expect(s.boardOf(await s.command(anna, "leaderboard"))).toEqual([["32", 12]]);
    });

    it("says it in Russian too", async () => {
      const { storage } = await fresh(kind, "min-players-ru");
      const s = server(storage);
      await s.command(teacher, "settings", "trivia", { "min-players": 3 });
      const ru = caller("32", { locale: "ru" });
      const start = await s.command(caller("31", { locale: "ru" }), "trivia", "start", { questions: 1 });
      const askedId = Number(buttonsOf(start)[0]?.split("|")[2]);
      await s.click(ru, `v1|ta|${askedId}|0`);
      await s.click(caller("33", { locale: "ru" }), `v1|ta|${askedId}|1`);
      const stopped = await s.command(caller("31", { locale: "ru", canManageGuild: true }), "trivia", "stop");
      expect(stopped.embeds?.[0]?.description).toMatch(
        /Этот раунд не засчитывается в таблицу лидеров сервера: в нём участвовали 2 игрока, а на этом сервере засчитываются раунды, где их не меньше 3\.$/,
      );
    });
  });
}
