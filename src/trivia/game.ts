// The rules of trivia: rounds in channels, quick questions, scoring, leaderboards and solo study
// with Leitner boxes. It knows nothing of Discord or of how messages look: it returns outcomes,
// and what happens when a question's time is up goes out as events (see RoundEvents), which the
// wiring in src/interactions/trivia.ts renders and posts. State lives in the database, deadlines
// included; timers only say when to look. Whatever must happen once (a reveal, the next question)
// is claimed in the database first, so any number of processes may share it, and a restarted one
// picks its rounds up where they were.
import type { Dataset } from "../data/load.js";
import { type LogSink, silentLogger } from "../log-sink.js";
import type { BoardView } from "./boards.js";
import type { Clock } from "./clock.js";
import { DailyScheduler } from "./daily.js";
import { DailyStore } from "./daily-store.js";
import { RoundQuestions } from "./draw.js";
import { RoundPosts } from "./posts.js";
import { allQuestions, type Question, questionById } from "./questions.js";
import { shuffleBySeed } from "./random.js";
import { followUpOf, RoundDriver } from "./rounds.js";
import { pointsFor, scopeOf } from "./scoring.js";
import type { TriviaServices } from "./services.js";
import type { AskedRow, RoundRow, ScoreRow, TriviaStore } from "./store.js";
import {
  type AnswerResult,
  FOLLOW_UP_MARGIN_MS,
  FOLLOW_UP_WINDOW_MS,
  type Player,
  type RoundEvents,
  STALE_ROUND_MS,
  type StartOptions,
  type StartResult,
  type StopResult,
  type StudyState,
} from "./types.js";

export { pointsFor, scopeOf } from "./scoring.js";
export type {
  AnswerResult,
  Delivery,
  FollowUpHandle,
  OpenedQuestion,
  Player,
  Reveal,
  RoundEvent,
  RoundEvents,
  RoundRoute,
  Standing,
  StartOptions,
  StartResult,
  StopResult,
  StudyState,
} from "./types.js";
export { FOLLOW_UP_WINDOW_MS, PostFailure, STALE_ROUND_MS } from "./types.js";

/** What /trivia stats shows: the score, its rank, and the streak of days (current and best). */
export type PlayerStats = ScoreRow & { rank: number; daily: { current: number; best: number } };

export class TriviaGame {
  /** A round's life after it starts: deadlines, reveals, next questions, standings, retries. */
  private readonly rounds: RoundDriver;
  /** What rounds still have to post (and so which rounds have something left to do). */
  private readonly posts: RoundPosts;
  /** Each user's clicks on one question, decided one after another in the order they came. */
  private readonly answering = new Map<string, Promise<unknown>>();
  /** The question of the day: schedules, and the tick that posts each day's question. */
  readonly daily: DailyScheduler;

  constructor(
    private readonly ds: Dataset,
    private readonly store: TriviaStore,
    private readonly clock: Clock,
    events: RoundEvents,
    private readonly log: LogSink = silentLogger,
    private readonly seedFor: (player: Player) => number = () => clock.now() % 2_147_483_647,
    /** Question sets, names and exports, settings: what servers keep beside their scores. */
    readonly services?: TriviaServices,
  ) {
    this.posts = new RoundPosts(store.db);
    this.rounds = new RoundDriver(
      store,
      this.posts,
      clock,
      events,
      () => this.questions,
      (round) => scopeOf({ guildId: round.guild_id, channelId: round.channel_id, userId: "" }),
      services?.settings,
      log,
    );
    const days = new DailyStore(store.db);
    this.rounds.daily = days;
    this.daily = new DailyScheduler(
      days,
      (roundId) => this.rounds.drive(roundId),
      () => this.questions,
      async (scope) => (await services?.reports.hidden(scope)) ?? new Set<string>(),
      clock,
      log,
    );
  }

  /** Where questions come from: the dataset, and the server's own sets. */
  private get questions(): RoundQuestions {
    this.source ??= new RoundQuestions(this.ds, this.services?.sets);
    return this.source;
  }
  private source: RoundQuestions | undefined;

  /**
   * Picks up the rounds this process owns (`owns`: its shards' servers) where a previous process
   * left them: an open question gets its timer back (or is revealed at once when due), a round
   * between questions goes on, posts still pending are delivered. Rounds of other shards are never
   * touched. A round found long after its question was due is closed with a word to its channel;
   * one that spoke through an interaction whose webhook has since closed cannot be heard from again
   * and just ends (its scores are already committed).
   */
  async resume(
    owns: (round: RoundRow) => boolean = () => true,
  ): Promise<{ resumed: number; interrupted: number }> {
    let resumed = 0;
    let interrupted = 0;
    const now = this.clock.now();
    for (const { id } of await this.posts.roundsToDrive()) {
      const round = await this.store.round(id);
      if (!round || !owns(round)) continue;
      if (round.status === "running") {
        const followUp = followUpOf(round);
        const last = await this.store.lastQuestion(round.id);
        if (followUp && followUp.receivedAt + FOLLOW_UP_WINDOW_MS <= now) {
          if (await this.store.endRound(round.id, "interrupted", now)) interrupted++;
          this.log.warn({ round: round.id }, "a round through an interaction's webhook outlived it: ended");
        } else if (!round.daily_day && (last?.closes_at ?? round.started_at) + STALE_ROUND_MS < now) {
          // (A question of the day is revealed however late: see RoundDriver.)
          if (await this.store.endRound(round.id, "interrupted", now, "interrupted")) interrupted++;
        } else resumed++;
      }
      await this.rounds.drive(round.id);
    }
    return { resumed, interrupted };
  }

  shutdown(): void {
    this.daily.shutdown();
    this.rounds.shutdown();
  }

  async start(player: Player, options: StartOptions = {}): Promise<StartResult> {
    if (!player.channelId) return { ok: false, reason: "no-channel" };
    const settings = await this.services?.settingsFor(player);
    if (settings?.channels.length && !settings.channels.includes(player.channelId))
      return { ok: false, reason: "channel-not-allowed", channels: settings.channels };
    const total = Math.min(Math.max(Math.trunc(options.questions ?? 5), 1), 20);
    const seconds = Math.min(Math.max(Math.trunc(options.seconds ?? settings?.seconds ?? 20), 10), 120);
    const difficulty = options.difficulty ?? settings?.difficulty ?? undefined;
    const existing = await this.store.runningRound(player.channelId);
    if (existing) return { ok: false, reason: "busy", starterId: existing.starter_id };
    // Where the bot cannot post, every later message goes through the starting interaction,
    // which closes after 15 minutes: a round that would outlast it is refused now, not cut off.
    const viaFollowUp = player.botCanPost === false ? player.followUp : undefined;
    if (player.botCanPost === false) {
      const left = viaFollowUp
        ? viaFollowUp.receivedAt + FOLLOW_UP_WINDOW_MS - FOLLOW_UP_MARGIN_MS - this.clock.now()
        : 0;
      if (total * seconds * 1000 > left) {
        return {
          ok: false,
          reason: "too-long",
          questions: total,
          seconds,
          minutes: Math.floor((FOLLOW_UP_WINDOW_MS - FOLLOW_UP_MARGIN_MS) / 60_000),
        };
      }
    }
    const seed = this.seedFor(player);
    const questions = await this.questions.draw(seed, total, {
      difficulty,
      setId: options.setId ?? null,
      category: options.category ?? null,
      hidden: (await this.services?.reports.hidden(scopeOf(player))) ?? new Set(),
    });
    if (questions.length === 0) return { ok: false, reason: "no-questions" };
    const round = await this.store.createRound({
      guild_id: player.guildId,
      channel_id: player.channelId,
      starter_id: player.userId,
      difficulty: difficulty ?? null,
      set_id: options.setId ?? null,
      category: options.category ?? null,
      questions: JSON.stringify(questions.map((q) => q.id)),
      hints: options.hints ?? false,
      seconds,
      total: questions.length,
      seed,
      started_at: this.clock.now(),
      locale: player.locale,
      follow_up: viaFollowUp ? JSON.stringify(viaFollowUp) : null,
    });
    if (!round) return { ok: false, reason: "race" };
    if (player.followUp && options.hints) this.rounds.starts.set(round.id, player.followUp);
    const first = questions[0] as Question;
    const now = this.clock.now();
    let asked: AskedRow | undefined;
    try {
      asked = await this.store.openQuestion(round.id, first.id, 0, now, now + round.seconds * 1000);
    } catch (err) {
      // The round exists but its first question is not open: it is opened (and posted) as soon as
      // the database answers again, rather than leaving the channel blocked.
      void this.rounds.drive(round.id);
      throw err;
    }
    if (!asked) return { ok: false, reason: "race" };
    const opened = { round, asked, question: first };
    this.rounds.track(opened);
    return { ok: true, opened };
  }

  /** One quick question: a round of one. */
  quick(player: Player): Promise<StartResult> {
    return this.start(player, { questions: 1, seconds: 30 });
  }

  /**
   * Stops the channel's round: its open question is revealed (a post), the standings returned.
   * While the database is away, a round this process drives is stopped as soon as it is back.
   */
  async stop(player: Player): Promise<StopResult> {
    let round: RoundRow | undefined;
    try {
      round = player.channelId ? await this.store.runningRound(player.channelId) : undefined;
    } catch (err) {
      const known = player.channelId ? this.rounds.knownIn(player.channelId) : undefined;
      this.log.warn({ err, round: known?.id }, "the database did not answer a stop");
      if (!known) return { ok: false, reason: "unavailable" };
      if (!this.mayStop(player, known)) return { ok: false, reason: "not-allowed" };
      this.rounds.stopWhenPossible(known);
      return { ok: false, reason: "later" };
    }
    if (!round) return { ok: false, reason: "no-round" };
    if (!this.mayStop(player, round)) return { ok: false, reason: "not-allowed" };
    const now = this.clock.now();
    try {
      const open = await this.store.currentQuestion(round.id);
      if (open) {
        this.rounds.clearQuestion(open.id);
        await this.store.claimReveal(open.id, now);
      }
      await this.store.endRound(round.id, "stopped", now);
      const standings = await this.store.roundStandings(round.id);
      // The reveal goes out now (or, if it cannot, with retries); the standings are this reply,
      // with the round as it ended (whether it counts was decided then).
      await this.rounds.drive(round.id);
      return { ok: true, round: (await this.store.round(round.id)) ?? round, standings };
    } catch (err) {
      this.log.warn({ err, round: round.id }, "the database failed during a stop");
      this.rounds.stopWhenPossible(round);
      return { ok: false, reason: "later" };
    }
  }

  private mayStop(player: Player, round: RoundRow): boolean {
    return round.starter_id === player.userId || Boolean(player.canManageGuild);
  }

  /**
   * A click on an answer: committed before it is acknowledged; only the first counts. A user's
   * clicks on one question are decided in the order they arrived (a queue per question and user),
   * so the click told "Locked in" is the first one, and the one scored.
   */
  answer(player: Player, askedId: number, choice: number): Promise<AnswerResult> {
    const key = `${askedId}:${player.userId}`;
    const decided = (this.answering.get(key) ?? Promise.resolve()).then(() =>
      this.answerNow(player, askedId, choice),
    );
    const settled = decided.catch(() => undefined);
    this.answering.set(key, settled);
    void settled.then(() => {
      if (this.answering.get(key) === settled) this.answering.delete(key);
    });
    return decided;
  }

  private async answerNow(player: Player, askedId: number, choice: number): Promise<AnswerResult> {
    const asked = await this.store.asked(askedId);
    const question = asked ? await this.questions.byId(asked.question_id) : undefined;
    if (!asked || !question || !Number.isInteger(choice) || choice < 0 || choice >= question.choices.length)
      return { status: "gone", choice };
    const now = this.clock.now();
    const correct = choice === question.answer;
    const outcome = await this.store.recordAnswer({
      askedId,
      userId: player.userId,
      guildId: scopeOf(player),
      choice,
      correct,
      points: pointsFor(correct, asked, now),
      now,
    });
    // The answer is committed; the name it was given under is kept for a teacher's export.
    if (outcome.status === "counted" && player.displayName)
      await this.services?.records.rememberName(scopeOf(player), player.userId, player.displayName, now);
    return { status: outcome.status === "unknown" ? "gone" : outcome.status, choice };
  }

  /**
   * A player's score on this server (or DM scope) in a view, with their rank and their streak of
   * days with the question of the day; undefined before any answer.
   */
  async stats(
    player: Player,
    userId = player.userId,
    view: BoardView = {},
  ): Promise<PlayerStats | undefined> {
    const score = await this.store.score(scopeOf(player), userId, view);
    return score && { ...score, daily: await this.daily.store.streak(scopeOf(player), userId) };
  }

  leaderboard(player: Player, scope: "server" | "global", limit = 10, view: BoardView = {}) {
    return this.store.leaderboard(scope === "global" ? "global" : scopeOf(player), limit, view);
  }

  /** Whether this player may reset the leaderboard of the server they are in. */
  mayReset(player: Player): boolean {
    return Boolean(player.canManageGuild && player.guildId);
  }

  /** The confirmed reset: only by the player who asked, in that server, still allowed to. */
  async reset(
    player: Player,
    guildId: string,
    askerId: string,
  ): Promise<{ ok: true; removed: number } | { ok: false }> {
    if (askerId !== player.userId || guildId !== player.guildId || !this.mayReset(player))
      return { ok: false };
    return { ok: true, removed: await this.store.resetGuild(guildId, this.clock.now()) };
  }

  /** The player's next study question (and their boxes), or none when nothing is due. */
  study(player: Player): Promise<StudyState> {
    return this.studyState(player);
  }

  /** Records a study answer and moves on; an unknown question just shows the next one. */
  async studyAnswer(player: Player, questionId: string, choice: number): Promise<StudyState> {
    const question = questionById(this.ds, questionId);
    if (!question || !Number.isInteger(choice) || choice < 0 || choice >= question.choices.length)
      return this.studyState(player);
    const correct = choice === question.answer;
    const { box } = await this.store.recordStudy(player.userId, question.id, correct, this.clock.now());
    return { ...(await this.studyState(player)), previous: { question, chosen: choice, correct, box } };
  }

  /** A question by id: built-in, or "set:<set>:<position>" from a server's set. */
  questionOf(id: string): Promise<Question | undefined> {
    return this.questions.byId(id);
  }

  private async studyState(player: Player): Promise<StudyState> {
    const pool = allQuestions(this.ds).map((q) => q.id);
    const order = shuffleBySeed(pool, Number.parseInt(player.userId.slice(-6), 10) || 1);
    const nextId = await this.store.nextStudyQuestion(player.userId, this.clock.now(), order);
    const boxes = [...(await this.store.studySummary(player.userId)).entries()].sort((a, b) => a[0] - b[0]);
    return { next: nextId ? questionById(this.ds, nextId) : undefined, boxes };
  }
}
