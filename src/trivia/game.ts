// The rules of trivia: rounds in channels, quick questions, scoring, leaderboards and solo study
// with Leitner boxes. It knows nothing of Discord or of how messages look: it returns outcomes,
// and what happens when a question's time is up goes out as events (see RoundEvents), which the
// wiring in src/interactions/trivia.ts renders and posts. State lives in the database, deadlines
// included; timers only say when to look. Whatever must happen once (a reveal, the next question)
// is claimed in the database first, so any number of processes may share it, and a restarted one
// picks its rounds up where they were.
import type { Dataset } from "../data/load.js";
import { type LogSink, silentLogger } from "../log-sink.js";
import type { Clock } from "./clock.js";
import { RoundQuestions } from "./draw.js";
import { allQuestions, type Question, questionById } from "./questions.js";
import { shuffleBySeed } from "./random.js";
import type { TriviaServices } from "./services.js";
import type { AskedRow, RoundRow, ScoreRow, TriviaStore } from "./store.js";
import {
  type AnswerResult,
  FOLLOW_UP_MARGIN_MS,
  FOLLOW_UP_WINDOW_MS,
  type FollowUpHandle,
  type OpenedQuestion,
  type Player,
  type Reveal,
  type RoundEvents,
  type RoundRoute,
  STALE_ROUND_MS,
  type StartOptions,
  type StartResult,
  type StopResult,
  type StudyState,
} from "./types.js";

export type {
  AnswerResult,
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
export { FOLLOW_UP_WINDOW_MS, STALE_ROUND_MS } from "./types.js";

const BASE_POINTS = 10;
const MAX_SPEED_BONUS = 5;

/** Points for a right answer: 10, plus up to 5 for answering early. */
export function pointsFor(
  correct: boolean,
  asked: Pick<AskedRow, "opened_at" | "closes_at">,
  now: number,
): number {
  if (!correct) return 0;
  const total = Math.max(1, asked.closes_at - asked.opened_at);
  const left = Math.max(0, asked.closes_at - now);
  return BASE_POINTS + Math.round((MAX_SPEED_BONUS * left) / total);
}

/** Scores are kept per server; outside one (a DM), per channel. */
export const scopeOf = (p: Pick<Player, "guildId" | "channelId" | "userId">) =>
  p.guildId ?? `dm:${p.channelId ?? p.userId}`;

export class TriviaGame {
  private readonly timers = new Map<number, unknown>();
  /** Rounds that speak through their starting interaction, by round id (kept in memory only). */
  private readonly followUps = new Map<number, FollowUpHandle>();
  /** The interaction whose reply is a hinted round's first question (to take an answer from it). */
  private readonly starts = new Map<number, FollowUpHandle>();
  private readonly hintTimers = new Map<number, unknown>();

  constructor(
    private readonly ds: Dataset,
    private readonly store: TriviaStore,
    private readonly clock: Clock,
    private readonly events: RoundEvents,
    private readonly log: LogSink = silentLogger,
    private readonly seedFor: (player: Player) => number = () => clock.now() % 2_147_483_647,
    /** Question sets, names and exports, settings: what servers keep beside their scores. */
    readonly services?: TriviaServices,
  ) {}

  /** Where questions come from: the dataset, and the server's own sets. */
  private get questions(): RoundQuestions {
    this.source ??= new RoundQuestions(this.ds, this.services?.sets);
    return this.source;
  }
  private source: RoundQuestions | undefined;

  /**
   * Picks up the running rounds this process owns (`owns`: its shards' servers) where a previous
   * process left them: an open question gets its timer back (or is revealed at once when due), a
   * round between questions goes on, a finished one posts its standings. Rounds of other shards
   * are never touched. A round that spoke through an interaction whose webhook has since closed
   * cannot be heard from again: it ends as interrupted (its scores are already committed).
   */
  async resume(
    owns: (round: RoundRow) => boolean = () => true,
  ): Promise<{ resumed: number; interrupted: number }> {
    let resumed = 0;
    let interrupted = 0;
    for (const round of await this.store.runningRounds()) {
      if (!owns(round)) continue;
      const followUp = round.follow_up ? (JSON.parse(round.follow_up) as FollowUpHandle) : undefined;
      if (followUp && followUp.receivedAt + FOLLOW_UP_WINDOW_MS <= this.clock.now()) {
        if (await this.store.endRound(round.id, "interrupted", this.clock.now())) interrupted++;
        this.log.warn({ round: round.id }, "a round through an interaction's webhook outlived it: ended");
        continue;
      }
      if (followUp) this.followUps.set(round.id, followUp);
      const last = await this.store.lastQuestion(round.id);
      if ((last?.closes_at ?? round.started_at) + STALE_ROUND_MS < this.clock.now()) {
        if (await this.store.endRound(round.id, "interrupted", this.clock.now())) {
          interrupted++;
          await this.events
            .publish(this.routeOf(round), { kind: "interrupted", round })
            .catch((err: unknown) =>
              this.log.warn({ err, round: round.id }, "could not close a stale round"),
            );
        }
        this.followUps.delete(round.id);
        continue;
      }
      resumed++;
      if (last && last.revealed_at === null) {
        await this.schedule(round, last);
        continue;
      }
      await this.advance(round, last ? last.position + 1 : 0).catch((err: unknown) =>
        this.log.error({ err, round: round.id }, "resuming a round failed"),
      );
    }
    return { resumed, interrupted };
  }

  shutdown(): void {
    for (const handle of [...this.timers.values(), ...this.hintTimers.values()])
      this.clock.clearTimer(handle);
    this.timers.clear();
    this.hintTimers.clear();
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
    if (viaFollowUp) this.followUps.set(round.id, viaFollowUp);
    if (player.followUp && options.hints) this.starts.set(round.id, player.followUp);
    const opened = await this.openNext(round, 0, questions);
    if (!opened) return { ok: false, reason: "race" };
    return { ok: true, opened };
  }

  /** One quick question: a round of one. */
  quick(player: Player): Promise<StartResult> {
    return this.start(player, { questions: 1, seconds: 30 });
  }

  /** Stops the channel's round: its open question is revealed (an event), the standings returned. */
  async stop(player: Player): Promise<StopResult> {
    const round = player.channelId ? await this.store.runningRound(player.channelId) : undefined;
    if (!round) return { ok: false, reason: "no-round" };
    if (round.starter_id !== player.userId && !player.canManageGuild)
      return { ok: false, reason: "not-allowed" };
    const open = await this.store.currentQuestion(round.id);
    if (open) this.clearTimer(open.id);
    const reveal =
      open && (await this.store.claimReveal(open.id, this.clock.now()))
        ? await this.reveal(round, open)
        : null;
    await this.store.endRound(round.id, "stopped", this.clock.now());
    const standings = await this.store.roundStandings(round.id);
    const route = this.routeOf(round);
    this.followUps.delete(round.id);
    this.starts.delete(round.id);
    if (reveal)
      await this.events
        .publish(route, { kind: "reveal", reveal })
        .catch((err: unknown) => this.log.warn({ err }, "reveal failed"));
    return { ok: true, round, standings };
  }

  /** A click on an answer: committed before it is acknowledged; only the first counts. */
  async answer(player: Player, askedId: number, choice: number): Promise<AnswerResult> {
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

  /** A player's score on this server (or DM scope), with their rank; undefined before any answer. */
  stats(player: Player, userId = player.userId): Promise<(ScoreRow & { rank: number }) | undefined> {
    return this.store.score(scopeOf(player), userId);
  }

  leaderboard(player: Player, scope: "server" | "global", limit = 10) {
    return this.store.leaderboard(scope === "global" ? "global" : scopeOf(player), limit);
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
    return { ok: true, removed: await this.store.resetGuild(guildId) };
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

  /**
   * Closes a question when its time is up: reveal, then the next question or the standings. The
   * reveal is claimed in the database first, so however many processes get here, one reveals.
   */
  async close(roundId: number, askedId: number): Promise<void> {
    this.clearTimer(askedId);
    const round = await this.store.round(roundId);
    const asked = await this.store.asked(askedId);
    if (!round || !asked || round.status !== "running") return;
    if (!(await this.store.claimReveal(askedId, this.clock.now()))) return;
    const route = this.routeOf(round);
    // A reveal that cannot be posted (Discord down, the channel gone) must not stop the round:
    // the claim is spent, so nobody else would take it on.
    await this.events
      .publish(route, { kind: "reveal", reveal: await this.reveal(round, asked) })
      .catch((err: unknown) => this.log.warn({ err, round: round.id }, "could not post a reveal"));
    await this.advance(round, asked.position + 1);
  }

  /** After a reveal: the question at `next`, or the standings when the round is over. */
  private async advance(round: RoundRow, next: number): Promise<void> {
    const route = this.routeOf(round);
    const questions = next < round.total ? await this.questions.ofRound(round) : [];
    for (let position = next; position < round.total; position++) {
      // A question that no longer exists is passed over; any other outcome settles it.
      if (!questions[position]) continue;
      const opened = await this.openNext(round, position, questions);
      if (opened) await this.events.publish(route, { kind: "question", opened });
      return;
    }
    const ended = await this.store.endRound(round.id, "finished", this.clock.now());
    this.followUps.delete(round.id);
    this.starts.delete(round.id);
    if (!ended) return;
    await this.events.publish(route, {
      kind: "standings",
      round,
      standings: await this.store.roundStandings(round.id),
    });
  }

  // — internals —

  private routeOf(round: RoundRow): RoundRoute {
    const followUp = this.followUps.get(round.id);
    return { channelId: round.channel_id, ...(followUp ? { followUp } : {}) };
  }

  /** A question by id: built-in, or "set:<set>:<position>" from a server's set. */
  questionOf(id: string): Promise<Question | undefined> {
    return this.questions.byId(id);
  }

  /**
   * Opens the question at `position`; undefined when it is not to be opened here: another process
   * opened it first, or the round has ended meanwhile.
   */
  private async openNext(
    round: RoundRow,
    position: number,
    questions: readonly (Question | undefined)[],
  ): Promise<OpenedQuestion | undefined> {
    const question = questions[position];
    if (!question) return undefined;
    const now = this.clock.now();
    const asked = await this.store.openQuestion(
      round.id,
      question.id,
      position,
      now,
      now + round.seconds * 1000,
    );
    if (!asked) return undefined;
    return this.schedule(round, asked, question);
  }

  /** Sets the timers of an open question: its close at the stored deadline, and its hint. */
  private async schedule(round: RoundRow, asked: AskedRow, known?: Question): Promise<OpenedQuestion> {
    const question = known ?? (await this.questions.byId(asked.question_id));
    const now = this.clock.now();
    this.timers.set(
      asked.id,
      this.clock.setTimer(Math.max(0, asked.closes_at - now), () =>
        this.close(round.id, asked.id).catch((err: unknown) =>
          this.log.error({ err, round: round.id }, "closing a question failed"),
        ),
      ),
    );
    // A question that no longer exists (its set deleted) still closes; it just has no hint.
    const opened = { round, asked, question: question as Question };
    if (round.hints && asked.hinted_at === null && question && question.choices.length > 2)
      this.scheduleHint(opened);
    return opened;
  }

  /** Halfway through, one wrong answer goes (never on a true-or-false question: that would tell). */
  private scheduleHint(opened: OpenedQuestion): void {
    const { round, asked, question } = opened;
    const wrong = question.choices.map((_, i) => i).filter((i) => i !== question.answer);
    const disabled = wrong[asked.id % wrong.length] as number;
    const at = asked.opened_at + (asked.closes_at - asked.opened_at) / 2;
    if (at < this.clock.now()) return; // resumed after the hint was due: the reveal comes soon
    this.hintTimers.set(
      asked.id,
      this.clock.setTimer(at - this.clock.now(), async () => {
        this.hintTimers.delete(asked.id);
        if (!(await this.store.claimHint(asked.id, this.clock.now()))) return;
        const original = asked.position === 0 ? this.starts.get(round.id) : undefined;
        await this.events
          .publish(this.routeOf(round), { kind: "hint", opened, disabled, ...(original ? { original } : {}) })
          .catch((err: unknown) => this.log.warn({ err, round: round.id }, "could not give a hint"));
      }),
    );
  }

  private clearTimer(askedId: number): void {
    const handle = this.timers.get(askedId);
    if (handle !== undefined) this.clock.clearTimer(handle);
    this.timers.delete(askedId);
    const hint = this.hintTimers.get(askedId);
    if (hint !== undefined) this.clock.clearTimer(hint);
    this.hintTimers.delete(askedId);
  }

  private async reveal(round: RoundRow, asked: AskedRow): Promise<Reveal> {
    const settings = await this.services?.settings.get(
      scopeOf({ guildId: round.guild_id, channelId: round.channel_id, userId: "" }),
    );
    return {
      round,
      asked,
      question: await this.questions.byId(asked.question_id),
      answers: await this.store.answers(asked.id),
      explain: settings?.explanations ?? true,
    };
  }

  private async studyState(player: Player): Promise<StudyState> {
    const pool = allQuestions(this.ds).map((q) => q.id);
    const order = shuffleBySeed(pool, Number.parseInt(player.userId.slice(-6), 10) || 1);
    const nextId = await this.store.nextStudyQuestion(player.userId, this.clock.now(), order);
    const boxes = [...(await this.store.studySummary(player.userId)).entries()].sort((a, b) => a[0] - b[0]);
    return { next: nextId ? questionById(this.ds, nextId) : undefined, boxes };
  }
}
