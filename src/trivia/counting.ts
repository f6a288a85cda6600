// Whether a round counts toward its scope's leaderboard: decided once, when it ends, inside the
// transaction that ends it, from the distinct players it had and the scope's min-players then.
// The decision is kept with the round (rounds.counted, players, min_players) and read from there
// ever after: a later change of the setting never changes a past round.
import type { Sql } from "../storage/sql.js";
import { scopeOf } from "./scoring.js";

export interface CountDecision {
  counted: boolean;
  players: number;
  minPlayers: number;
}

/**
 * Decides and records it for the round `roundId` of scope guild/channel (its answers all in, its
 * questions closed). A round that does not count also comes off the scores table that the
 * everywhere-leaderboard sums (its points, answers and right answers; the streak columns there are
 * left as they are, since a streak cannot be taken apart again).
 */
export async function decideCount(
  tx: Sql,
  round: { id: number; guild_id: string | null; channel_id: string },
): Promise<CountDecision> {
  const scope = scopeOf({ guildId: round.guild_id, channelId: round.channel_id, userId: "" });
  const setting = await tx.get<{ min_players: number }>(
    "SELECT min_players FROM trivia_settings WHERE scope = ?",
    [scope],
  );
  const minPlayers = Number(setting?.min_players ?? 1);
  const perPlayer = await tx.all<{ user_id: string; points: number; answered: number; correct: number }>(
    `SELECT a.user_id, SUM(a.points) AS points, COUNT(*) AS answered, SUM(a.correct) AS correct
     FROM answers a JOIN asked q ON q.id = a.asked_id
     WHERE q.round_id = ? AND a.reset_id IS NULL GROUP BY a.user_id`,
    [round.id],
  );
  const all = await tx.get<{ n: number }>(
    "SELECT COUNT(DISTINCT a.user_id) AS n FROM answers a JOIN asked q ON q.id = a.asked_id WHERE q.round_id = ?",
    [round.id],
  );
  const players = Number(all?.n ?? 0);
  const counted = players >= minPlayers;
  await tx.run("UPDATE rounds SET counted = ?, players = ?, min_players = ? WHERE id = ?", [
    counted ? 1 : 0,
    players,
    minPlayers,
    round.id,
  ]);
  if (!counted)
    for (const p of perPlayer)
      await tx.run(
        "UPDATE scores SET points = points - ?, answered = answered - ?, correct = correct - ? WHERE guild_id = ? AND user_id = ?",
        [Number(p.points), Number(p.answered), Number(p.correct), scope, p.user_id],
      );
  return { counted, players, minPlayers };
}
