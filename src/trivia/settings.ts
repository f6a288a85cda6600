// A server's trivia settings: the default seconds per question and difficulty, whether reveals
// show the explanation and sources, which channels may run rounds (none listed: any), and how many
// distinct players a round needs to count toward the leaderboard (counting.ts decides with it).
import type { Sql } from "../storage/sql.js";
import type { Difficulty } from "./questions.js";

export interface TriviaSettings {
  seconds: number | null;
  difficulty: Difficulty | null;
  explanations: boolean;
  channels: string[];
  /** A round with fewer distinct players than this is played but does not count (1: every round). */
  minPlayers: number;
}

export const DEFAULT_SETTINGS: TriviaSettings = {
  seconds: null,
  difficulty: null,
  explanations: true,
  channels: [],
  minPlayers: 1,
};

/** The range of min-players (a round has at most 25 players' lines in its standings). */
export const MIN_PLAYERS_RANGE = { min: 1, max: 25 } as const;

/** At most this many channels may be listed. */
export const MAX_ROUND_CHANNELS = 25;

interface Row {
  seconds: number | null;
  difficulty: string | null;
  explanations: number;
  channels: string;
  min_players: number;
}

export class SettingsStore {
  constructor(private readonly db: Sql) {}

  async get(scope: string, q: Sql = this.db): Promise<TriviaSettings> {
    const row = await q.get<Row>("SELECT * FROM trivia_settings WHERE scope = ?", [scope]);
    if (!row) return { ...DEFAULT_SETTINGS, channels: [] };
    return {
      seconds: row.seconds,
      difficulty: (row.difficulty as Difficulty | null) ?? null,
      explanations: row.explanations === 1,
      channels: JSON.parse(row.channels) as string[],
      minPlayers: Number(row.min_players ?? 1),
    };
  }

  /** Applies the given changes and returns the settings now in force. */
  update(
    scope: string,
    change: Partial<Omit<TriviaSettings, "channels">> & { allowChannel?: string; disallowChannel?: string },
  ): Promise<TriviaSettings> {
    return this.db.transaction(async (tx) => {
      const s = await this.get(scope, tx);
      if (change.seconds !== undefined) s.seconds = change.seconds;
      if (change.difficulty !== undefined) s.difficulty = change.difficulty;
      if (change.explanations !== undefined) s.explanations = change.explanations;
      if (change.minPlayers !== undefined)
        s.minPlayers = Math.min(
          Math.max(Math.trunc(change.minPlayers), MIN_PLAYERS_RANGE.min),
          MIN_PLAYERS_RANGE.max,
        );
      if (
        change.allowChannel &&
        !s.channels.includes(change.allowChannel) &&
        s.channels.length < MAX_ROUND_CHANNELS
      )
        s.channels.push(change.allowChannel);
      if (change.disallowChannel) s.channels = s.channels.filter((c) => c !== change.disallowChannel);
      await tx.run(
        `INSERT INTO trivia_settings (scope, seconds, difficulty, explanations, channels, min_players) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET seconds = excluded.seconds, difficulty = excluded.difficulty,
           explanations = excluded.explanations, channels = excluded.channels, min_players = excluded.min_players`,
        [scope, s.seconds, s.difficulty, s.explanations ? 1 : 0, JSON.stringify(s.channels), s.minPlayers],
      );
      return s;
    });
  }
}
