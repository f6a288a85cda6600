import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { parseShardIds, shardOfGuild } from "../src/interactions/shards.js";

describe("which shard a server belongs to", () => {
  it("follows Discord's formula, (guild_id >> 22) % count, and puts DMs on shard 0", () => {
    // Discord's own example: 41771983423143937 on 2 shards.
    expect(shardOfGuild("41771983423143937", 2)).toBe(Number((41771983423143937n >> 22n) % 2n));
    expect(shardOfGuild("41771983423143937", 1)).toBe(0);
    expect(shardOfGuild(null, 8)).toBe(0);
    expect(shardOfGuild("not-an-id", 8)).toBe(0);
  });

  it("always answers a shard below the count, whatever the id", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 1, max: 4096 }),
        (id, n) => {
          const shard = shardOfGuild(id.toString(), n);
          expect(shard).toBe(n === 1 ? 0 : Number((id >> 22n) % BigInt(n)));
        },
      ),
    );
  });
});

describe("SHARD_IDS", () => {
  it("reads lists and ranges within the total, sorted, without repeats", () => {
    expect(parseShardIds("0-3", 8)).toEqual([0, 1, 2, 3]);
    expect(parseShardIds("5,1,1-2", 8)).toEqual([1, 2, 5]);
    expect(parseShardIds("6-12", 8)).toEqual([6, 7]);
    // A huge range is cut to the total at once, not walked.
    expect(parseShardIds("0-4000000000", 3)).toEqual([0, 1, 2]);
  });

  it("never throws on what the config lets through", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(300), fc.option(fc.nat(300))), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 64 }),
        (parts, count) => {
          const list = parts.map(([a, b]) => (b === null ? `${a}` : `${a}-${b}`)).join(",");
          const ids = parseShardIds(list, count);
          expect(ids.every((id) => id >= 0 && id < count)).toBe(true);
          expect([...ids].sort((a, b) => a - b)).toEqual(ids);
        },
      ),
    );
  });
});

describe("scaling configuration", () => {
  it("accepts SHARD_COUNT auto or a number, SHARD_IDS lists, and a postgres URL", () => {
    const c = loadConfig(
      { SHARD_COUNT: "auto", SHARD_IDS: "0-3,8", DATABASE_URL: "postgres://a:b@db:5432/apparat" },
      {},
    );
    expect(c).toMatchObject({ SHARD_COUNT: "auto", SHARD_IDS: "0-3,8", DATABASE_POOL_SIZE: 10 });
  });

  it("refuses bad values with a clear message that never shows the database password", () => {
    let message = "";
    try {
      loadConfig({ SHARD_COUNT: "lots", SHARD_IDS: "a", DATABASE_URL: "mysql://u:hunter2@x/db" }, {});
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('SHARD_COUNT: must be "auto" or a number of shards');
    expect(message).toContain("SHARD_IDS: must list shard ids");
    expect(message).toContain("DATABASE_URL: must be a postgres:// URL");
    expect(message).not.toContain("hunter2");
  });
});
