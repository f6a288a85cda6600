// How answers score, and where scores are kept: shared by the game's rules and the services beside
// them (sets, settings, exports), which therefore need not import the game.
import type { AskedRow } from "./store.js";
import type { Player } from "./types.js";

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
