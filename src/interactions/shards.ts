// Discord's rule for which shard receives a server's events: (guild_id >> 22) % shard count. A DM
// (no server) always arrives on shard 0. Pure, so the bot, the game and the tests agree on it.

export function shardOfGuild(guildId: string | null, shardCount: number): number {
  if (!guildId || shardCount <= 1 || !/^\d+$/.test(guildId)) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Shard ids from SHARD_IDS ("0,2" or "0-3" or both), within `count`, sorted, without repeats. */
export function parseShardIds(list: string, count: number): number[] {
  const ids = new Set<number>();
  for (const part of list.split(",")) {
    const [from, to = from] = part.split("-").map((n) => Number.parseInt(n, 10)) as [number, number?];
    for (let id = Math.max(0, from); id <= Math.min(to as number, count - 1); id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}
