// The rows of trivia state as the store reads and writes them (both databases), apart from the
// store itself so that its file holds the queries only.
export interface RoundRow {
  id: number;
  guild_id: string | null;
  channel_id: string;
  starter_id: string;
  difficulty: string | null;
  seconds: number;
  total: number;
  seed: number;
  started_at: number;
  ended_at: number | null;
  status: "running" | "finished" | "stopped" | "interrupted";
  /** The starter's Discord locale: rounds post their reveals and standings in it. */
  locale: string;
  /** The server's own question set the round draws from, if any. */
  set_id: number | null;
  /** The category it draws from ("era:thaw", "kind:successor", "set:…"), if any. */
  category: string | null;
  /** The ids of its questions in order, as JSON, fixed when it starts. */
  questions: string | null;
  /** 1 when, halfway through each question, one wrong answer is taken away. */
  hints: number;
  /**
   * The starting interaction's webhook as JSON, while a round speaks through it (at most 15
   * minutes; cleared when the round ends), so that a restarted process can finish the round.
   */
  follow_up: string | null;
  /**
   * Whether the round counts toward its scope's leaderboard: null while it runs, then 1 or 0,
   * decided once when it ends (see counting.ts), with the distinct players it had and the
   * min-players it was measured against.
   */
  counted: number | null;
  players: number | null;
  min_players: number | null;
  /** A question of the day's round: the server's local date it is for, and when it was due. */
  daily_day: string | null;
  daily_due: number | null;
}

export interface AskedRow {
  id: number;
  round_id: number;
  question_id: string;
  position: number;
  opened_at: number;
  closes_at: number;
  closed_at: number | null;
  /** When a process claimed this question's reveal: set once, by whichever process was first. */
  revealed_at: number | null;
  /** When a process claimed its hint (rounds with hints). */
  hinted_at: number | null;
}

export interface ScoreRow {
  guild_id: string;
  user_id: string;
  points: number;
  answered: number;
  correct: number;
  streak: number;
  best_streak: number;
}

export type AnswerOutcome =
  | { status: "counted"; correct: boolean; points: number }
  | { status: "duplicate" }
  | { status: "closed" }
  | { status: "unknown" };

/** A round as created: what the starter chose; the rest is filled in by the store. */
export type NewRound = Omit<
  RoundRow,
  | "id"
  | "ended_at"
  | "status"
  | "set_id"
  | "category"
  | "questions"
  | "hints"
  | "follow_up"
  | "counted"
  | "players"
  | "min_players"
  | "daily_day"
  | "daily_due"
> & {
  set_id?: number | null;
  category?: string | null;
  questions?: string | null;
  hints?: boolean;
  follow_up?: string | null;
};

export interface NewAnswer {
  askedId: number;
  userId: string;
  guildId: string;
  choice: number;
  correct: boolean;
  points: number;
  now: number;
}
