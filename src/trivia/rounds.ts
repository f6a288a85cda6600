// A round's life after it starts: closing each question at its deadline, delivering what the round
// posts (reveals, next questions, standings), opening the next question, ending the round. Every
// step reads the round's state from the database and does the one thing that state calls for, so
// any process can take any step, any number of times, and a step that fails (the database away,
// Discord answering 503) is simply taken again later, with backoff. Nothing here is a one-shot: a
// round either goes on or is closed with a word, and a channel is never left blocked.
import { randomUUID } from "node:crypto";
import { type LogSink, silentLogger } from "../log-sink.js";
import type { Clock } from "./clock.js";
import type { DailyStore } from "./daily-store.js";
import type { RoundQuestions } from "./draw.js";
import { nonceOf, type PostRow, type RoundPosts } from "./posts.js";
import type { Question } from "./questions.js";
import type { SettingsStore } from "./settings.js";
import type { AskedRow, RoundRow, TriviaStore } from "./store.js";
import {
  FOLLOW_UP_WINDOW_MS,
  type FollowUpHandle,
  type OpenedQuestion,
  PostFailure,
  type Reveal,
  type RoundEvent,
  type RoundEvents,
  type RoundRoute,
  STALE_ROUND_MS,
} from "./types.js";

/** How long one process may hold a post it is delivering before another may try it. */
const LEASE_MS = 30_000;
/** The wait after the first failure of a step; it doubles with each failure after that. */
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 15_000;

/** The wait before the `attempt`th retry (1-based): 0.5 s, 1 s, 2 s … at most 15 s. */
export function backoffMs(attempt: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(Math.max(attempt - 1, 0), 16));
}

/** A round's webhook while it speaks through an interaction (DMs, group DMs, user installs). */
export function followUpOf(round: RoundRow): FollowUpHandle | undefined {
  if (!round.follow_up) return undefined;
  try {
    return JSON.parse(round.follow_up) as FollowUpHandle;
  } catch {
    return undefined;
  }
}

export const routeOf = (round: RoundRow): RoundRoute => {
  const followUp = followUpOf(round);
  return { channelId: round.channel_id, ...(followUp ? { followUp } : {}) };
};

type Scope = (round: RoundRow) => string;

export class RoundDriver {
  /** One timer per round: its open question's deadline, or the next try of a failed step. */
  private readonly timers = new Map<number, unknown>();
  private readonly hintTimers = new Map<number, unknown>();
  /** Consecutive failures per round, for the backoff. */
  private readonly failures = new Map<number, number>();
  /** Steps under way per round: a step asked for meanwhile runs once more after it. */
  private readonly driving = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();
  /** Running rounds this process drives, by channel: what /trivia stop can act on without the database. */
  private readonly known = new Map<string, RoundRow>();
  /** Rounds whose stop was asked for while the database was away. */
  private readonly stopsDue = new Set<number>();
  private stopped = false;
  /** This process, as the holder of the posts it is delivering. */
  private readonly id = randomUUID();
  /** The interaction whose reply is a hinted round's first question (to take an answer from it). */
  readonly starts = new Map<number, FollowUpHandle>();
  /** Questions of the day: their streaks for reveals, and the schedule to pause when a channel refuses. */
  daily: DailyStore | undefined;

  constructor(
    private readonly store: TriviaStore,
    private readonly posts: RoundPosts,
    private readonly clock: Clock,
    private readonly events: RoundEvents,
    private readonly questions: () => RoundQuestions,
    private readonly scopeOf: Scope,
    private readonly settings?: SettingsStore,
    private readonly log: LogSink = silentLogger,
  ) {}

  /** A running round this process drives in `channelId`, as last read. */
  knownIn(channelId: string): RoundRow | undefined {
    return this.known.get(channelId);
  }

  /** A question just opened by /trivia start: its deadline and hint are set from here. */
  track(opened: OpenedQuestion): void {
    this.remember(opened.round);
    this.scheduleClose(opened.round, opened.asked, opened.question);
  }

  /** Closes the round as stopped as soon as the database answers again. */
  stopWhenPossible(round: RoundRow): void {
    this.stopsDue.add(round.id);
    // A new request: tried again soon, whatever the round's earlier failures.
    this.failures.delete(round.id);
    this.retryLater(round.id, new Error("the database did not answer a stop"));
  }

  /**
   * Stops every timer (the process is stopping) and sets none from now on, so that a step still
   * under way cannot keep the process alive with a retry; the rounds stay in the database as they
   * are, for the next process.
   */
  shutdown(): void {
    this.stopped = true;
    for (const handle of [...this.timers.values(), ...this.hintTimers.values()])
      this.clock.clearTimer(handle);
    this.timers.clear();
    this.hintTimers.clear();
  }

  /** Forgets a question's timers (it was closed by a stop). */
  clearQuestion(askedId: number): void {
    const hint = this.hintTimers.get(askedId);
    if (hint !== undefined) this.clock.clearTimer(hint);
    this.hintTimers.delete(askedId);
  }

  /**
   * Takes the round as far as its state allows now: delivers what it has to post, reveals a
   * question that is due, opens the next or ends it. Never throws: a failed step is tried again.
   */
  drive(roundId: number): Promise<void> {
    const current = this.driving.get(roundId);
    if (current) {
      this.again.add(roundId);
      return current;
    }
    const run = (async () => {
      do {
        this.again.delete(roundId);
        await this.step(roundId);
      } while (this.again.has(roundId));
    })().finally(() => this.driving.delete(roundId));
    this.driving.set(roundId, run);
    return run;
  }

  private async step(roundId: number): Promise<void> {
    this.clearRoundTimer(roundId);
    try {
      // Each pass does one thing and reads the state again; a round has at most a few dozen.
      for (let pass = 0; pass < 200; pass++) {
        const next = await this.once(roundId);
        if (next === "settled") break;
        if (typeof next === "number") {
          this.setRoundTimer(roundId, next);
          break;
        }
      }
      this.failures.delete(roundId);
    } catch (err) {
      this.retryLater(roundId, err);
    }
  }

  /** One thing the round's state calls for: "again" to look once more, a wait in ms, or "settled". */
  private async once(roundId: number): Promise<"again" | "settled" | number> {
    const now = this.clock.now();
    const round = await this.store.round(roundId);
    if (!round) return "settled";
    this.remember(round);
    if (round.status === "running" && this.stopsDue.has(roundId)) {
      const open = await this.store.currentQuestion(roundId);
      if (open) await this.store.claimReveal(open.id, now);
      await this.store.endRound(roundId, "stopped", now, "standings");
      this.stopsDue.delete(roundId);
      return "again";
    }
    const [pending] = await this.posts.pending(roundId);
    if (pending) return this.deliver(round, pending);
    if (round.status !== "running") {
      this.stopsDue.delete(roundId);
      if (round.follow_up) await this.store.forgetFollowUp(roundId);
      return "settled";
    }
    const last = await this.store.lastQuestion(roundId);
    if (last && last.revealed_at === null) {
      if (now < last.closes_at) {
        this.scheduleClose(round, last);
        return "settled";
      }
      // A question of the day is revealed however late the process comes back: its answers count.
      if (now - last.closes_at > STALE_ROUND_MS && !round.daily_day) return this.interrupt(round, now);
      await this.store.claimReveal(last.id, now);
      return "again";
    }
    // A question of the day is one question with no standings: revealed, it is done.
    if (round.daily_day) {
      await this.store.endRound(roundId, "finished", now);
      return "again";
    }
    // Between questions: the last reveal is delivered, so the next question may follow it.
    if (now - (last?.revealed_at ?? round.started_at) > STALE_ROUND_MS) return this.interrupt(round, now);
    const questions = await this.questions().ofRound(round);
    for (let position = last ? last.position + 1 : 0; position < round.total; position++) {
      const question = questions[position];
      // A question that no longer exists (its set deleted) is passed over.
      if (!question) continue;
      await this.store.openQuestion(roundId, question.id, position, now, now + round.seconds * 1000, true);
      return "again";
    }
    await this.store.endRound(roundId, "finished", now, "standings");
    return "again";
  }

  private async interrupt(round: RoundRow, now: number): Promise<"again"> {
    await this.store.endRound(round.id, "interrupted", now, "interrupted");
    this.log.warn({ round: round.id }, "a round that could not go on for too long was closed");
    return "again";
  }

  /**
   * Delivers one post: once Discord has it, it is marked done and never sent again. A post that
   * fails for a while is tried again; one that can never go through (the channel gone) or has been
   * pending past the round's bound ends the round.
   */
  private async deliver(round: RoundRow, post: PostRow): Promise<"again" | number> {
    const now = this.clock.now();
    if (!(await this.posts.lease(post, now, now + LEASE_MS, this.id)))
      return Math.max(100, (post.leased_until ?? now) - now);
    const route = routeOf(round);
    if (route.followUp && route.followUp.receivedAt + FOLLOW_UP_WINDOW_MS <= now) {
      await this.posts.done(post, "gone", null, now);
      await this.store.endRound(round.id, "interrupted", now);
      return "again";
    }
    if (await this.overdue(round, post, now)) {
      await this.posts.done(post, "abandoned", null, now);
      this.log.warn({ round: round.id, post: post.kind }, "a post pending for too long was given up");
      // A question of the day past its window is a day skipped: nothing to say in the channel.
      if (post.kind !== "interrupted")
        await this.store.endRound(round.id, "interrupted", now, round.daily_day ? undefined : "interrupted");
      return "again";
    }
    const event = await this.eventOf(round, post);
    if (!event) {
      await this.posts.done(post, "gone", null, now);
      return "again";
    }
    let messageId: unknown;
    try {
      messageId = await this.events.publish(route, event, { nonce: nonceOf(post) });
    } catch (err) {
      const verdict = err instanceof PostFailure ? err.verdict : "retry";
      if (verdict === "retry") {
        await this.posts.release(post).catch(() => undefined);
        throw err;
      }
      this.log.warn(
        { err, round: round.id, post: post.kind, verdict },
        "a round's post could not be delivered",
      );
      await this.posts.done(post, verdict, null, this.clock.now());
      // Nothing more can reach that channel: the round ends (its scores are already kept), and a
      // question of the day stops until its schedule is set again (/daily show says why).
      if (verdict === "gone") {
        await this.store.endRound(round.id, "interrupted", this.clock.now());
        if (round.daily_day && round.guild_id)
          await this.daily?.pause(round.guild_id, round.channel_id, "cannot-post", this.clock.now());
      }
      return "again";
    }
    // Delivered. Should this write fail, the post is tried again once its lease runs out, with the
    // same nonce, so Discord returns this same message rather than making another.
    await this.posts.done(post, "posted", typeof messageId === "string" ? messageId : null, this.clock.now());
    return "again";
  }

  /**
   * Whether a post waited too long to be worth making: a round's, after STALE_ROUND_MS; a question
   * of the day's question, once its answers have closed (its reveal, after STALE_ROUND_MS).
   */
  private async overdue(round: RoundRow, post: PostRow, now: number): Promise<boolean> {
    if (round.daily_day && post.kind === "question") {
      const asked = await this.store.askedAt(round.id, post.position);
      return asked === undefined || now >= asked.closes_at;
    }
    return now - post.created_at > STALE_ROUND_MS;
  }

  /** The event a post shows, built from the database (so any process builds the same one). */
  private async eventOf(round: RoundRow, post: PostRow): Promise<RoundEvent | undefined> {
    switch (post.kind) {
      case "standings":
        return { kind: "standings", round, standings: await this.store.roundStandings(round.id) };
      case "interrupted":
        return { kind: "interrupted", round };
      case "reveal": {
        const asked = await this.store.askedAt(round.id, post.position);
        return asked ? { kind: "reveal", reveal: await this.reveal(round, asked) } : undefined;
      }
      case "question": {
        const asked = await this.store.askedAt(round.id, post.position);
        const question = asked ? await this.questions().byId(asked.question_id) : undefined;
        if (!asked || !question) return undefined;
        return { kind: "question", opened: { round, asked, question } };
      }
    }
  }

  async reveal(round: RoundRow, asked: AskedRow): Promise<Reveal> {
    const settings = await this.settings?.get(this.scopeOf(round));
    const answers = await this.store.answers(asked.id);
    const streaks =
      round.daily_day && round.guild_id && this.daily
        ? await this.daily.streaksOf(
            round.guild_id,
            answers.filter((a) => a.correct === 1).map((a) => a.user_id),
          )
        : undefined;
    return {
      round,
      asked,
      question: await this.questions().byId(asked.question_id),
      answers,
      explain: settings?.explanations ?? true,
      ...(streaks ? { streaks } : {}),
    };
  }

  // — timers —

  private remember(round: RoundRow): void {
    // A question of the day is not the channel's round: /trivia stop never acts on it.
    if (round.daily_day) return;
    if (round.status === "running") this.known.set(round.channel_id, round);
    else if (this.known.get(round.channel_id)?.id === round.id) this.known.delete(round.channel_id);
  }

  private retryLater(roundId: number, err: unknown): void {
    const attempt = (this.failures.get(roundId) ?? 0) + 1;
    this.failures.set(roundId, attempt);
    const wait = backoffMs(attempt);
    this.log.warn({ err, round: roundId, attempt, retryInMs: wait }, "a round's step failed; trying again");
    this.setRoundTimer(roundId, wait);
  }

  private setRoundTimer(roundId: number, ms: number): void {
    this.clearRoundTimer(roundId);
    if (this.stopped) return;
    this.timers.set(
      roundId,
      this.clock.setTimer(Math.max(0, ms), () => {
        this.timers.delete(roundId);
        return this.drive(roundId);
      }),
    );
  }

  private clearRoundTimer(roundId: number): void {
    const handle = this.timers.get(roundId);
    if (handle !== undefined) this.clock.clearTimer(handle);
    this.timers.delete(roundId);
  }

  /** Sets an open question's deadline (and its hint, once). */
  private scheduleClose(round: RoundRow, asked: AskedRow, known?: Question): void {
    this.setRoundTimer(round.id, asked.closes_at - this.clock.now());
    if (!round.hints || asked.hinted_at !== null || this.hintTimers.has(asked.id)) return;
    const ready = known ? Promise.resolve(known) : this.questions().byId(asked.question_id);
    void ready.then(
      (question) => {
        if (question && question.choices.length > 2) this.scheduleHint({ round, asked, question });
      },
      (err: unknown) => this.log.warn({ err, round: round.id }, "could not look up a question for its hint"),
    );
  }

  /** Halfway through, one wrong answer goes (never on a true-or-false question: that would tell). */
  private scheduleHint(opened: OpenedQuestion, attempt = 0): void {
    const { round, asked, question } = opened;
    const wrong = question.choices.map((_, i) => i).filter((i) => i !== question.answer);
    const disabled = wrong[asked.id % wrong.length] as number;
    const halfway = asked.opened_at + (asked.closes_at - asked.opened_at) / 2;
    const at = attempt === 0 ? halfway : this.clock.now() + backoffMs(attempt);
    if (this.stopped || at < this.clock.now() || at >= asked.closes_at) return; // the reveal comes soon enough
    this.hintTimers.set(
      asked.id,
      this.clock.setTimer(at - this.clock.now(), async () => {
        this.hintTimers.delete(asked.id);
        try {
          // A retry after a failed post is already claimed; the claim is tried only once.
          if (attempt === 0 && !(await this.store.claimHint(asked.id, this.clock.now()))) return;
          const original = asked.position === 0 ? this.starts.get(round.id) : undefined;
          await this.events.publish(routeOf(round), {
            kind: "hint",
            opened,
            disabled,
            ...(original ? { original } : {}),
          });
        } catch (err) {
          this.log.warn({ err, round: round.id }, "could not give a hint; trying again");
          this.scheduleHint(opened, attempt + 1);
        }
      }),
    );
  }
}
