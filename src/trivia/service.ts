import type { APIButtonComponent, APIEmbed } from "discord.js";
import { ButtonStyle, ComponentType, MessageFlags } from "discord.js";
import type { Logger } from "pino";
import { ephemeralText, NO_MENTIONS } from "../bot/payload.js";
import type { BotResponse, Caller, ComponentRequest, MessagePayload } from "../bot/types.js";
import { sourceList } from "../cards/common.js";
import { clip, fitEmbed, joinLines, LIMITS } from "../cards/limits.js";
import type { Dataset } from "../data/load.js";
import { silentLogger } from "../log.js";
import {
  allQuestions,
  type Difficulty,
  generateQuestions,
  type Question,
  questionById,
} from "./questions.js";
import type { AskedRow, RoundRow, TriviaStore } from "./store.js";

/** Time, injectable so tests drive rounds without waiting. */
export interface Clock {
  now(): number;
  setTimer(ms: number, fn: () => void): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (ms, fn) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Posts a message to a channel outside an interaction (reveals, next questions, standings). */
export interface Messenger {
  send(channelId: string, payload: MessagePayload): Promise<void>;
}

export interface StartOptions {
  questions?: number;
  seconds?: number;
  difficulty?: Difficulty;
}

const LETTERS = ["A", "B", "C", "D"] as const;
const BASE_POINTS = 10;
const MAX_SPEED_BONUS = 5;
const COLOUR = 0x2f855a;

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

const guildOf = (caller: Caller) => caller.guildId ?? `dm:${caller.channelId ?? caller.userId}`;
const mention = (id: string) => `<@${id}>`;

/**
 * Trivia rounds in channels, quick questions, scores, leaderboards and solo study. State lives in
 * SQLite; timers only decide when to close a question, so a restart loses no committed answer.
 */
export class Trivia {
  private readonly timers = new Map<number, unknown>();

  constructor(
    private readonly ds: Dataset,
    private readonly store: TriviaStore,
    private readonly clock: Clock,
    private readonly messenger: Messenger,
    private readonly log: Logger = silentLogger,
    private readonly seedFor: (caller: Caller) => number = () => clock.now() % 2_147_483_647,
  ) {}

  /** Closes rounds a previous process left running, telling their channels; returns how many. */
  async recover(): Promise<number> {
    const stale = this.store.runningRounds();
    for (const round of stale) {
      this.store.endRound(round.id, "interrupted", this.clock.now());
      await this.messenger
        .send(round.channel_id, {
          content:
            "The bot restarted, so the trivia round here was closed. Every answer given before the restart is counted.",
          allowed_mentions: NO_MENTIONS,
        })
        .catch((err: unknown) =>
          this.log.warn({ err, round: round.id }, "could not announce an interrupted round"),
        );
    }
    return stale.length;
  }

  shutdown(): void {
    for (const handle of this.timers.values()) this.clock.clearTimer(handle);
    this.timers.clear();
  }

  start(caller: Caller, options: StartOptions = {}): BotResponse {
    if (!caller.channelId)
      return { type: "reply", payload: ephemeralText("Trivia rounds run in a channel.") };
    const total = Math.min(Math.max(Math.trunc(options.questions ?? 5), 1), 20);
    const seconds = Math.min(Math.max(Math.trunc(options.seconds ?? 20), 10), 120);
    const existing = this.store.runningRound(caller.channelId);
    if (existing) {
      return {
        type: "reply",
        payload: ephemeralText(
          `A round is already running here (started by ${mention(existing.starter_id)}). Wait for it to end, or ask them to /trivia stop.`,
        ),
      };
    }
    const seed = this.seedFor(caller);
    const questions = generateQuestions(this.ds, {
      seed,
      count: total,
      ...(options.difficulty ? { difficulty: options.difficulty } : {}),
    });
    if (questions.length === 0)
      return { type: "reply", payload: ephemeralText("I couldn't make questions for that difficulty.") };
    const round = this.store.createRound({
      guild_id: caller.guildId,
      channel_id: caller.channelId,
      starter_id: caller.userId,
      difficulty: options.difficulty ?? null,
      seconds,
      total: questions.length,
      seed,
      started_at: this.clock.now(),
    });
    if (!round) return { type: "reply", payload: ephemeralText("A round has just started here. Join in!") };
    const payload = this.openNext(round, 0, questions);
    return { type: "reply", payload };
  }

  /** One quick question: a round of one. */
  quick(caller: Caller): BotResponse {
    return this.start(caller, { questions: 1, seconds: 30 });
  }

  async stop(caller: Caller): Promise<BotResponse> {
    const round = caller.channelId ? this.store.runningRound(caller.channelId) : undefined;
    if (!round)
      return { type: "reply", payload: ephemeralText("No trivia round is running in this channel.") };
    if (round.starter_id !== caller.userId && !caller.canManageGuild) {
      return {
        type: "reply",
        payload: ephemeralText(
          "Only the person who started this round, or someone with Manage Server, can stop it.",
        ),
      };
    }
    const open = this.store.currentQuestion(round.id);
    if (open) this.clearTimer(open.id);
    const reveal =
      open && this.store.closeQuestion(open.id, this.clock.now()) ? this.revealPayload(round, open) : null;
    this.store.endRound(round.id, "stopped", this.clock.now());
    const standings = this.standingsPayload(round, `Round stopped by ${mention(caller.userId)}.`);
    if (reveal)
      await this.messenger
        .send(round.channel_id, reveal)
        .catch((err: unknown) => this.log.warn({ err }, "reveal failed"));
    return { type: "reply", payload: standings };
  }

  /** A button press on an open question: committed first, then acknowledged privately. */
  answer(caller: Caller, askedId: number, choice: number): BotResponse {
    const asked = this.store.asked(askedId);
    const question = asked ? questionById(this.ds, asked.question_id) : undefined;
    if (!asked || !question)
      return { type: "reply", payload: ephemeralText("That question no longer exists.") };
    const now = this.clock.now();
    const correct = choice === question.answer;
    const outcome = this.store.recordAnswer({
      askedId,
      userId: caller.userId,
      guildId: guildOf(caller),
      choice,
      correct,
      points: pointsFor(correct, asked, now),
      now,
    });
    const letter = LETTERS[choice] ?? "?";
    switch (outcome.status) {
      case "counted":
        return {
          type: "reply",
          payload: ephemeralText(
            `Locked in: **${letter}**. The answer is revealed when the question closes.`,
          ),
        };
      case "duplicate":
        return {
          type: "reply",
          payload: ephemeralText("You have already answered this question; your first answer counts."),
        };
      case "closed":
        return { type: "reply", payload: ephemeralText("Too late: this question has closed.") };
      default:
        return { type: "reply", payload: ephemeralText("That question no longer exists.") };
    }
  }

  stats(caller: Caller, userId?: string): BotResponse {
    const who = userId ?? caller.userId;
    const score = this.store.score(guildOf(caller), who);
    if (!score)
      return {
        type: "reply",
        payload: ephemeralText(`${mention(who)} has not answered any trivia here yet.`),
      };
    const accuracy = score.answered ? Math.round((100 * score.correct) / score.answered) : 0;
    const embed: APIEmbed = fitEmbed({
      title: "Trivia stats",
      description: `${mention(who)} — rank #${score.rank} on this server`,
      color: COLOUR,
      fields: [
        { name: "Points", value: String(score.points), inline: true },
        { name: "Accuracy", value: `${accuracy}% (${score.correct}/${score.answered})`, inline: true },
        { name: "Streak", value: `${score.streak} now · best ${score.best_streak}`, inline: true },
      ],
    });
    return { type: "reply", payload: { embeds: [embed], allowed_mentions: NO_MENTIONS } };
  }

  leaderboard(caller: Caller, scope: "server" | "global" = "server"): BotResponse {
    const rows = this.store.leaderboard(scope === "global" ? "global" : guildOf(caller), 10);
    if (rows.length === 0)
      return { type: "reply", payload: ephemeralText("No scores yet. Start a round with /trivia start.") };
    const lines = rows.map((r, i) => {
      const accuracy = r.answered ? Math.round((100 * r.correct) / r.answered) : 0;
      return `**${i + 1}.** ${mention(r.user_id)} — ${r.points} points · ${accuracy}% · best streak ${r.best_streak}`;
    });
    const embed = fitEmbed({
      title: scope === "global" ? "Leaderboard — all servers" : "Leaderboard",
      description: joinLines(lines, 4096),
      color: COLOUR,
    });
    return { type: "reply", payload: { embeds: [embed], allowed_mentions: NO_MENTIONS } };
  }

  resetPrompt(caller: Caller): BotResponse {
    if (!caller.canManageGuild || !caller.guildId) {
      return {
        type: "reply",
        payload: ephemeralText("Only someone with Manage Server can reset this server's leaderboard."),
      };
    }
    return {
      type: "reply",
      payload: {
        content:
          "Reset this server's trivia leaderboard? Every score here is deleted; this cannot be undone.",
        flags: MessageFlags.Ephemeral,
        allowed_mentions: NO_MENTIONS,
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Danger,
                label: "Reset the leaderboard",
                custom_id: `v1|tr|${caller.guildId}|${caller.userId}`,
              },
            ],
          },
        ],
      },
    };
  }

  study(caller: Caller): BotResponse {
    const payload = this.studyQuestion(caller, null);
    return { type: "reply", payload };
  }

  /** Buttons of trivia messages; null when the custom id is not trivia's. */
  component(request: ComponentRequest): BotResponse | null {
    const parts = request.customId.split("|");
    if (parts[0] !== "v1") return null;
    const caller = request.caller;
    if (parts[1] === "ta") return this.answer(caller, Number(parts[2]), Number(parts[3]));
    if (parts[1] === "tr") {
      const [, , guildId, userId] = parts;
      if (userId !== caller.userId || guildId !== caller.guildId || !caller.canManageGuild) {
        return {
          type: "reply",
          payload: ephemeralText("Only the person who asked for the reset can confirm it."),
        };
      }
      const removed = this.store.resetGuild(guildId);
      return {
        type: "update",
        payload: {
          content: `The leaderboard was reset (${removed} scores removed).`,
          components: [],
          allowed_mentions: NO_MENTIONS,
        },
      };
    }
    if (parts[1] === "ts") {
      if (parts[2] === "next") return { type: "update", payload: this.studyQuestion(caller, null) };
      const question = questionById(this.ds, parts[2] ?? "");
      if (!question) return { type: "update", payload: this.studyQuestion(caller, null) };
      const choice = Number(parts[3]);
      const correct = choice === question.answer;
      const { box } = this.store.recordStudy(caller.userId, question.id, correct, this.clock.now());
      const verdict = correct
        ? `✅ Right — **${LETTERS[question.answer]}. ${question.choices[question.answer]}**. This question moves to box ${box}.`
        : `❌ Not quite: you chose ${LETTERS[choice] ?? "?"}; the answer is **${LETTERS[question.answer]}. ${question.choices[question.answer]}**. It will come back soon.`;
      return { type: "update", payload: this.studyQuestion(caller, { question, verdict }) };
    }
    return null;
  }

  // — internals —

  private openNext(round: RoundRow, position: number, questions?: Question[]): MessagePayload {
    const list =
      questions ??
      generateQuestions(this.ds, {
        seed: round.seed,
        count: round.total,
        ...(round.difficulty ? { difficulty: round.difficulty as Difficulty } : {}),
      });
    const question = list[position] as Question;
    const now = this.clock.now();
    const asked = this.store.openQuestion(round.id, question.id, position, now, now + round.seconds * 1000);
    this.timers.set(
      asked.id,
      this.clock.setTimer(round.seconds * 1000, () => {
        this.close(round.id, asked.id).catch((err: unknown) =>
          this.log.error({ err, round: round.id }, "closing a question failed"),
        );
      }),
    );
    return this.questionPayload(round, asked, question);
  }

  private clearTimer(askedId: number): void {
    const handle = this.timers.get(askedId);
    if (handle !== undefined) this.clock.clearTimer(handle);
    this.timers.delete(askedId);
  }

  /** Closes a question when its time is up: reveal, then the next question or the standings. */
  async close(roundId: number, askedId: number): Promise<void> {
    this.clearTimer(askedId);
    const round = this.store.round(roundId);
    const asked = this.store.asked(askedId);
    if (!round || !asked || round.status !== "running") return;
    if (!this.store.closeQuestion(askedId, this.clock.now())) return;
    await this.messenger.send(round.channel_id, this.revealPayload(round, asked));
    const next = asked.position + 1;
    if (next < round.total) {
      await this.messenger.send(round.channel_id, this.openNext(round, next));
      return;
    }
    this.store.endRound(round.id, "finished", this.clock.now());
    await this.messenger.send(round.channel_id, this.standingsPayload(round, "That was the last question."));
  }

  private questionPayload(round: RoundRow, asked: AskedRow, q: Question): MessagePayload {
    const embed = fitEmbed({
      title: round.total > 1 ? `Question ${asked.position + 1} of ${round.total}` : "Quick question",
      description: `${q.prompt}\n\n${q.choices.map((c, i) => `**${LETTERS[i]}.** ${c}`).join("\n")}`,
      color: COLOUR,
      footer: { text: `${q.difficulty} · ${round.seconds} seconds · everyone may answer once` },
    });
    const buttons: APIButtonComponent[] = q.choices.map((c, i) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: clip(`${LETTERS[i]}. ${c}`, LIMITS.buttonLabel),
      custom_id: `v1|ta|${asked.id}|${i}`,
    }));
    return {
      embeds: [embed],
      components: [{ type: ComponentType.ActionRow, components: buttons }],
      allowed_mentions: NO_MENTIONS,
    };
  }

  private revealPayload(round: RoundRow, asked: AskedRow): MessagePayload {
    const q = questionById(this.ds, asked.question_id);
    const answers = this.store.answers(asked.id);
    const right = answers.filter((a) => a.correct === 1);
    const fields = [
      {
        name: `Right (${right.length} of ${answers.length})`,
        value: right.length
          ? joinLines(right.map((a) => `${mention(a.user_id)} +${a.points}`))
          : "Nobody this time.",
      },
    ];
    const embed = fitEmbed({
      title: q ? `Answer: ${LETTERS[q.answer]}. ${q.choices[q.answer]}` : "Answer",
      description: q?.explanation ?? "",
      color: COLOUR,
      fields,
      footer: {
        text: `${round.total > 1 ? `Question ${asked.position + 1} of ${round.total} · ` : ""}Sources: ${q ? sourceList(this.ds, q.sources) : "—"}`,
      },
    });
    return { embeds: [embed], allowed_mentions: NO_MENTIONS };
  }

  private standingsPayload(round: RoundRow, heading: string): MessagePayload {
    const rows = this.store.roundStandings(round.id);
    const lines = rows.map(
      (r, i) => `**${i + 1}.** ${mention(r.user_id)} — ${r.points} points (${r.correct}/${r.answered} right)`,
    );
    const embed = fitEmbed({
      title: "Standings",
      description: `${heading}\n\n${lines.length ? joinLines(lines, 3800) : "Nobody answered."}`,
      color: COLOUR,
      footer: { text: "Scores are kept per server: /leaderboard and /trivia stats" },
    });
    return { embeds: [embed], allowed_mentions: NO_MENTIONS };
  }

  private studyQuestion(
    caller: Caller,
    previous: { question: Question; verdict: string } | null,
  ): MessagePayload {
    const pool = allQuestions(this.ds).map((q) => q.id);
    const order = shuffleBySeed(pool, Number.parseInt(caller.userId.slice(-6), 10) || 1);
    const nextId = this.store.nextStudyQuestion(caller.userId, this.clock.now(), order);
    const next = nextId ? questionById(this.ds, nextId) : undefined;
    const embeds: APIEmbed[] = [];
    if (previous) {
      embeds.push(
        fitEmbed({
          description: `${previous.verdict}\n\n${previous.question.explanation}`,
          color: COLOUR,
          footer: { text: `Sources: ${sourceList(this.ds, previous.question.sources)}` },
        }),
      );
    }
    if (!next) {
      embeds.push(
        fitEmbed({
          title: "Study",
          description: "You have seen every question, and none is due yet. Come back later!",
          color: COLOUR,
        }),
      );
      return { embeds, components: [], flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
    }
    const boxes = this.store.studySummary(caller.userId);
    const progress = [...boxes.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([box, n]) => `box ${box}: ${n}`)
      .join(" · ");
    embeds.push(
      fitEmbed({
        title: "Study — just for you",
        description: `${next.prompt}\n\n${next.choices.map((c, i) => `**${LETTERS[i]}.** ${c}`).join("\n")}`,
        color: COLOUR,
        footer: {
          text: progress
            ? `Your boxes — ${progress}. Questions you miss come back sooner.`
            : "Questions you miss come back sooner.",
        },
      }),
    );
    const buttons: APIButtonComponent[] = next.choices.map((c, i) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: clip(`${LETTERS[i]}. ${c}`, LIMITS.buttonLabel),
      custom_id: `v1|ts|${next.id}|${i}`,
    }));
    return {
      embeds,
      components: [{ type: ComponentType.ActionRow, components: buttons }],
      flags: MessageFlags.Ephemeral,
      allowed_mentions: NO_MENTIONS,
    };
  }
}

/** A stable per-user order of the question pool, so new questions do not always come in one order. */
function shuffleBySeed<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 1 | s) + 0x6d2b79f5) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
