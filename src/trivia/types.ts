// What trivia's rules take and give: who plays where, what a round does by itself (its events),
// and the outcomes of starting, stopping and answering. Shared by the game and its wiring.
import type { CategoryKey } from "./categories.js";
import type { Difficulty, Question } from "./questions.js";
import type { AskedRow, RoundRow } from "./store.js";

/**
 * The webhook of the interaction that started a round, for a channel the bot cannot post in (a
 * group DM, a server where only the user installed it). Discord keeps it open for 15 minutes.
 */
export interface FollowUpHandle {
  applicationId: string;
  token: string;
  /** Epoch milliseconds when the interaction arrived. */
  receivedAt: number;
}

/**
 * A round found running this long after its question was due (the bot was down) is not picked up
 * but closed, with a word to its channel: nobody is waiting for that reveal any more.
 */
export const STALE_ROUND_MS = 10 * 60_000;

/** How long Discord keeps an interaction's webhook open. */
export const FOLLOW_UP_WINDOW_MS = 15 * 60_000;
/** A round through the webhook must end this long before it closes (the last reveal and standings). */
export const FOLLOW_UP_MARGIN_MS = 60_000;

/** Who is playing, and where. */
export interface Player {
  userId: string;
  guildId: string | null;
  channelId: string | null;
  /** Discord's locale of the user ("en-US", "ru"), kept with a round they start (its posts use it). */
  locale: string;
  /** Whether the user may manage the server (for admin-only actions). */
  canManageGuild?: boolean;
  /** The name the user goes by here (nickname, else display name), kept with their answers. */
  displayName?: string;
  /**
   * Whether the bot itself can post in this channel outside an interaction: only in a server that
   * installed it. Elsewhere (DMs, group DMs, servers where only the user installed it), the round
   * speaks through `followUp`.
   */
  botCanPost?: boolean;
  followUp?: FollowUpHandle;
}

/** Where a round's own messages go: its channel, or the starting interaction's webhook. */
export interface RoundRoute {
  channelId: string;
  followUp?: FollowUpHandle;
}

export interface StartOptions {
  questions?: number;
  seconds?: number;
  difficulty?: Difficulty;
  /** One of the server's own question sets (its id), instead of the built-in questions. */
  setId?: number;
  /** Only questions of this category: an era or kind of the built-ins, or a set's own category. */
  category?: CategoryKey;
  /** Halfway through each question (of four answers), take one wrong answer away. */
  hints?: boolean;
}

/** A question just opened in a round. */
export interface OpenedQuestion {
  round: RoundRow;
  asked: AskedRow;
  question: Question;
}

/** A closed question: the right answer and who got it. */
export interface Reveal {
  round: RoundRow;
  asked: AskedRow;
  question: Question | undefined;
  answers: { user_id: string; correct: number; points: number }[];
  /** Whether to show the explanation and sources (a server setting; yes by default). */
  explain: boolean;
  /** A question of the day: the streak of days each player who got it right is on now. */
  streaks?: Record<string, number>;
}

export interface Standing {
  user_id: string;
  points: number;
  correct: number;
  answered: number;
}

/** What a round does by itself, when a timer fires or at start-up; the wiring posts it. */
export type RoundEvent =
  | { kind: "reveal"; reveal: Reveal }
  | { kind: "question"; opened: OpenedQuestion }
  /**
   * Halfway through a question of a round with hints: answer `disabled` is taken away. `original`
   * is the interaction whose reply is the question, when it is the round's first.
   */
  | { kind: "hint"; opened: OpenedQuestion; disabled: number; original?: FollowUpHandle }
  | { kind: "standings"; round: RoundRow; standings: Standing[] }
  | { kind: "interrupted"; round: RoundRow };

/** How a round's post goes out: the nonce Discord deduplicates a retried channel post by. */
export interface Delivery {
  nonce: string;
}

/**
 * Why a post did not go through, as whatever posts it can tell: `retry` when nothing was made and
 * it may be tried again (a refused connection, 429, a 503 before anything was done, or a post that
 * a nonce keeps from appearing twice); `gone` when it can never go through (the channel or the
 * interaction's webhook is gone, no access); `unknown` when it may have been made and a retry
 * could make it twice (a webhook follow-up whose answer was lost). Any other error counts as retry.
 */
export class PostFailure extends Error {
  override name = "PostFailure";
  constructor(
    message: string,
    readonly verdict: "retry" | "gone" | "unknown",
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface RoundEvents {
  /** Posts the event; resolves once it has been accepted, with the message's id (a string) if known. */
  publish(route: RoundRoute, event: RoundEvent, delivery?: Delivery): Promise<unknown>;
}

export type StartResult =
  | { ok: true; opened: OpenedQuestion }
  | { ok: false; reason: "no-channel" | "no-questions" | "race" }
  | { ok: false; reason: "too-long"; questions: number; seconds: number; minutes: number }
  | { ok: false; reason: "channel-not-allowed"; channels: string[] }
  | { ok: false; reason: "busy"; starterId: string };

export type StopResult =
  /** `later`: the database is away; the round is closed as soon as it answers. */
  | { ok: false; reason: "no-round" | "not-allowed" | "later" | "unavailable" }
  | { ok: true; round: RoundRow; standings: Standing[] };

export type AnswerResult = { status: "counted" | "duplicate" | "closed" | "gone"; choice: number };

export type StudyState = {
  next: Question | undefined;
  previous?: { question: Question; chosen: number; correct: boolean; box: number };
  /** Question counts per Leitner box, by box. */
  boxes: [number, number][];
};
