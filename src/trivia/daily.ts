// The question of the day: a server's schedule (/daily set, show, off) and the tick that posts each
// day's question when it is due. A day's question is a round of one (src/trivia/rounds.ts drives
// it: the post, the reveal at its deadline, retries, resuming after a restart), claimed in the
// database with the schedule's move to the next day (src/trivia/daily-store.ts), so however many
// processes tick, one posts it. The tick reads only what is due (an index on next_due) and sleeps
// until the next schedule falls due. A process that comes back late posts the day's question while
// its answers are still open, saying it is late, and skips the days whose window has passed.
import { type LogSink, silentLogger } from "../log-sink.js";
import type { CategoryKey } from "./categories.js";
import type { Clock } from "./clock.js";
import type { DailyStore, DayRecord, ScheduleRow, ShardFilter } from "./daily-store.js";
import type { RoundQuestions } from "./draw.js";
import type { Difficulty, Question } from "./questions.js";
import {
  addDays,
  checkZone,
  type DailyTimes,
  dayToPost,
  firstDay,
  formatLocalTime,
  parseLocalTime,
  postAt,
  revealAt,
} from "./schedule.js";

/** The longest a tick sleeps: a schedule set by another process is seen within this. */
const MAX_SLEEP_MS = 60_000;
/** After a failed tick (the database away), the next try. */
const RETRY_MS = 5_000;

export interface DailyRequest {
  guildId: string;
  userId: string;
  locale: string;
  channelId: string;
  time: string;
  zone: string;
  reveal?: string;
  difficulty?: Difficulty;
  category?: CategoryKey;
  setId?: number;
}

export type DailySetResult =
  | { ok: true; schedule: ScheduleRow }
  | { ok: false; reason: "bad-time" | "bad-reveal"; input: string }
  | { ok: false; reason: "same-times" }
  | { ok: false; reason: "bad-zone"; input: string; suggestion?: string }
  | { ok: false; reason: "cannot-post"; channelId: string }
  | { ok: false; reason: "no-questions" };

export interface DailyShow {
  schedule: ScheduleRow | undefined;
  /** The latest day that had its question, and how its post went. */
  last: DayRecord | undefined;
}

export const timesOf = (s: Pick<ScheduleRow, "post_time" | "reveal_time" | "time_zone">): DailyTimes => ({
  post: s.post_time,
  reveal: s.reveal_time,
  zone: s.time_zone,
});

/** The same question for every process that draws a server's day (FNV-1a of server and day). */
function seedOf(guildId: string, day: string): number {
  let h = 2_166_136_261;
  for (const c of `${guildId}:${day}`) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619);
  return (h >>> 0) % 2_147_483_647;
}

export class DailyScheduler {
  /** Whether the bot may post in a channel: the adapter's check; without one, it is taken as yes. */
  canPost: ((guildId: string, channelId: string) => Promise<boolean>) | undefined;
  /**
   * The CLI plays one day and stops: no tick of its own, only the one a schedule set here asks
   * for, at that schedule's time.
   */
  oneDay = false;
  private shards: ShardFilter | undefined;
  private running = false;
  private timer: unknown;
  private ticking: Promise<number> | undefined;

  constructor(
    readonly store: DailyStore,
    /** Takes a day's round as far as it goes now (src/trivia/rounds.ts). */
    private readonly drive: (roundId: number) => Promise<void>,
    private readonly questions: () => RoundQuestions,
    /** The questions a server hid after reports. */
    private readonly hidden: (scope: string) => Promise<ReadonlySet<string>>,
    private readonly clock: Clock,
    private readonly log: LogSink = silentLogger,
  ) {}

  /** Starts ticking for the servers of `shards` (all without). */
  start(shards?: ShardFilter): void {
    this.shards = shards;
    this.running = true;
    this.wake(0);
  }

  shutdown(): void {
    this.running = false;
    this.oneDay = false;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
  }

  async set(req: DailyRequest): Promise<DailySetResult> {
    const time = parseLocalTime(req.time);
    if (!time) return { ok: false, reason: "bad-time", input: req.time };
    const reveal = req.reveal === undefined ? undefined : parseLocalTime(req.reveal);
    if (req.reveal !== undefined && !reveal) return { ok: false, reason: "bad-reveal", input: req.reveal };
    if (reveal && formatLocalTime(reveal) === formatLocalTime(time))
      return { ok: false, reason: "same-times" };
    const zone = checkZone(req.zone);
    if (!zone.ok)
      return {
        ok: false,
        reason: "bad-zone",
        input: req.zone,
        ...(zone.suggestion ? { suggestion: zone.suggestion } : {}),
      };
    if (this.canPost && !(await this.canPost(req.guildId, req.channelId)))
      return { ok: false, reason: "cannot-post", channelId: req.channelId };
    const pool = await this.pool(req.guildId, {
      difficulty: req.difficulty ?? null,
      set_id: req.setId ?? null,
      category: req.category ?? null,
    });
    if (pool.length === 0) return { ok: false, reason: "no-questions" };
    const times: DailyTimes = {
      post: formatLocalTime(time),
      reveal: reveal ? formatLocalTime(reveal) : null,
      zone: zone.zone,
    };
    const now = this.clock.now();
    const day = firstDay(times, now);
    const schedule: ScheduleRow = {
      guild_id: req.guildId,
      channel_id: req.channelId,
      post_time: times.post,
      reveal_time: times.reveal,
      time_zone: times.zone,
      difficulty: req.difficulty ?? null,
      category: req.category ?? null,
      set_id: req.setId ?? null,
      locale: req.locale,
      set_by: req.userId,
      updated_at: now,
      next_day: day,
      next_due: postAt(times, day),
      paused: null,
      paused_at: null,
    };
    await this.store.save(schedule);
    this.log.info({ guild: req.guildId, day, due: schedule.next_due }, "question of the day set");
    if (this.oneDay) this.wake(Math.max(0, (schedule.next_due ?? now) - now));
    else if (this.running) this.wake(0);
    return { ok: true, schedule };
  }

  async show(guildId: string): Promise<DailyShow> {
    const [schedule, [last]] = await Promise.all([this.store.get(guildId), this.store.lastDays(guildId, 1)]);
    return { schedule, last };
  }

  off(guildId: string): Promise<boolean> {
    return this.store.remove(guildId);
  }

  /** When a schedule's day's answer is revealed (for /daily show). */
  revealOf(schedule: ScheduleRow, day: string): number {
    return revealAt(timesOf(schedule), day);
  }

  /**
   * Posts what is due now, once per schedule and day whatever else runs; returns how many days this
   * process posted. One tick at a time per process.
   */
  tick(): Promise<number> {
    this.ticking ??= this.tickNow().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async tickNow(): Promise<number> {
    let posted = 0;
    for (const row of await this.store.due(this.clock.now(), this.shards)) {
      try {
        if (await this.fire(row)) posted++;
      } catch (err) {
        // One server's trouble (its set deleted meanwhile, a failed write) must not hold up the others.
        this.log.warn({ err, guild: row.guild_id }, "could not post a question of the day; trying again");
      }
    }
    return posted;
  }

  /** The day's question for one due schedule: posted (true), or the schedule moved on. */
  private async fire(row: ScheduleRow): Promise<boolean> {
    if (!row.next_day) return false;
    const now = this.clock.now();
    const times = timesOf(row);
    const { day, skipped } = dayToPost(times, row.next_day, now);
    if (skipped > 0)
      this.log.warn(
        { guild: row.guild_id, from: row.next_day, skipped },
        "days of a question of the day skipped: their answers would have closed before they could be posted",
      );
    const due = postAt(times, day);
    if (due > now) {
      await this.store.advance(row, { day, due });
      return false;
    }
    const following = addDays(day, 1);
    const next = { day: following, due: postAt(times, following) };
    const seed = seedOf(row.guild_id, day);
    const question = await this.pick(row, seed);
    if (!question) {
      this.log.warn(
        { guild: row.guild_id, day },
        "no question left for a question of the day: the day is skipped",
      );
      await this.store.advance(row, next);
      return false;
    }
    const roundId = await this.store.claimDay(
      row,
      day,
      {
        channelId: row.channel_id,
        starterId: row.set_by,
        difficulty: row.difficulty,
        setId: row.set_id,
        category: row.category,
        questionId: question.id,
        seed,
        locale: row.locale,
        openedAt: now,
        dueAt: due,
        closesAt: revealAt(times, day),
      },
      next,
    );
    if (roundId === undefined) return false;
    this.log.info(
      { guild: row.guild_id, day, round: roundId, lateMs: now - due },
      "question of the day claimed",
    );
    await this.drive(roundId);
    return true;
  }

  private pool(
    guildId: string,
    from: Pick<ScheduleRow, "difficulty" | "set_id" | "category">,
    seed = 1,
  ): Promise<Question[]> {
    return this.hidden(guildId).then((hidden) =>
      this.questions().draw(seed, 10_000, {
        difficulty: (from.difficulty as Difficulty | null) ?? undefined,
        setId: from.set_id,
        category: from.category,
        hidden,
      }),
    );
  }

  /**
   * The day's question: never one the sources dispute (the generator makes none), never one the
   * server hid, and one the channel has had the fewest times as its question of the day, so none
   * comes back before the whole pool has been asked.
   */
  private async pick(row: ScheduleRow, seed: number): Promise<Question | undefined> {
    const pool = await this.pool(row.guild_id, row, seed);
    if (pool.length === 0) return undefined;
    const asked = await this.store.askedIn(row.channel_id);
    const fewest = Math.min(...pool.map((q) => asked.get(q.id) ?? 0));
    return pool.find((q) => (asked.get(q.id) ?? 0) === fewest);
  }

  /** Sets the next tick `ms` from now (or sooner, if one is already set sooner). */
  private wake(ms: number): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = this.clock.setTimer(ms, async () => {
      this.timer = undefined;
      let wait = RETRY_MS;
      try {
        await this.tick();
        if (this.oneDay && !this.running) return;
        const earliest = await this.store.earliest(this.shards);
        const now = this.clock.now();
        // Due rows left (more than a tick takes): soon again; otherwise until the next is due.
        wait =
          earliest === undefined ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(earliest - now, 1_000));
      } catch (err) {
        this.log.warn({ err, retryInMs: RETRY_MS }, "the question-of-the-day tick failed; trying again");
      }
      if (this.running) this.wake(wait);
    });
  }
}
