// The question of the day end to end: `SHARD_COUNT=2 npm start` with PostgreSQL against the
// stand-in, two servers (one on each shard). A schedule set a few seconds ahead in each posts its
// question once; in the first, players answer with the buttons, the reveal names who was right
// with their streak, and /trivia stats shows the streak of days. Waits on posts, never on sleeps.
import {
  type APIButtonComponentWithCustomId,
  ComponentType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { buildOnce, type NodeProcess, processTree, spawnNpmStart } from "../discord/bot-process.js";
import { FakeDiscord } from "../discord/fake-discord.js";
import { MEMBER_PERMISSIONS } from "../discord/fixtures.js";
import { startPostgres, type TestPostgres } from "../support/postgres.js";
import { deploy, textOf } from "./harness.js";

const describeLinux = describe.skipIf(process.env.APPARAT_E2E !== "1" || process.platform !== "linux");

const ADMIN = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;
/** "HH:MM:SS" in UTC, `ms` from now. */
const utcTime = (at: number) => new Date(at).toISOString().slice(11, 19);

describeLinux("the question of the day, two shards on PostgreSQL", () => {
  let server: TestPostgres;
  let fake: FakeDiscord;
  let npm: NodeProcess;

  beforeAll(async () => {
    buildOnce();
    server = await startPostgres();
    const url = await server.createDatabase("daily_e2e");
    fake = await FakeDiscord.start({
      heartbeatIntervalMs: 2000,
      shards: 2,
      maxConcurrency: 2,
      guildCount: 2,
    });
    const deployed = await deploy(fake);
    expect(deployed.exit.code, deployed.output).toBe(0);
    npm = spawnNpmStart({ env: fake.env({ SHARD_COUNT: "2", DATABASE_URL: url }) });
    await npm.waitForLine("all shards ready", 60_000);
  }, 90_000);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      console.error(`--- bot output ---\n${npm?.output(150) ?? "(not started)"}`);
    });
  });

  afterAll(async () => {
    if (npm && npm.child.exitCode === null)
      for (const p of processTree(npm.pid).reverse()) {
        try {
          process.kill(p.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    await fake?.stop();
    await server?.stop();
  });

  test("posts once on each shard, takes answers by button, reveals with the streak, and /trivia stats shows it", async () => {
    // Midnight UTC must not fall between now and the reveal (the day would change under the test).
    const now = Date.now();
    if (new Date(now + 15_000).getUTCDate() !== new Date(now).getUTCDate())
      await new Promise((r) => setTimeout(r, 16_000));
    const postAt = Date.now() + 4_000;
    for (const guild of fake.guilds) {
      const channel = guild.channels[0]?.id ?? "";
      const set = await fake.dispatchInteraction(
        fake.chatInput(
          "daily set",
          { channel, time: utcTime(postAt), timezone: "UTC", reveal: utcTime(postAt + 5_000) },
          { guild, permissions: ADMIN },
        ),
      );
      expect(textOf(set.data)).toContain("The question of the day is set.");
    }
    const [first, second] = fake.guilds;
    const here = first?.channels[0]?.id ?? "";
    const there = second?.channels[0]?.id ?? "";
    const titled = (channelId: string, prefix: string) =>
      fake.channelPosts.filter(
        (p) => p.channelId === channelId && p.message?.embeds?.[0]?.title?.startsWith(prefix),
      );
    const question = await fake.waitFor(
      () => titled(here, "Question of the day")[0]?.message ?? null,
      20_000,
      "the day's question in the first server",
    );
    await fake.waitFor(() => titled(there, "Question of the day")[0] ?? null, 10_000, "and in the second");
    // Four players, one on each answer: exactly one of them is right.
    const buttons = (question.components ?? [])
      .flatMap((row): { type: number }[] => ("components" in row ? row.components : []))
      .filter(
        (c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && "custom_id" in c,
      );
    const players = buttons.map((_, i) => fake.makeUser(`player${i}`));
    for (const [i, b] of buttons.entries()) {
      const pressed = await fake.dispatchInteraction(
        fake.button(question, b.custom_id, { guild: first, user: players[i] }),
      );
      expect(textOf(pressed.data)).toContain("Locked in");
    }
    const again = await fake.dispatchInteraction(
      fake.button(question, buttons[0]?.custom_id ?? "", { guild: first, user: players[0] }),
    );
    expect(textOf(again.data)).toContain("your first answer counts");
    const reveal = await fake.waitFor(
      () => titled(here, "Answer:")[0]?.message ?? null,
      20_000,
      "the reveal in the first server",
    );
    const revealed = textOf(reveal);
    const winner = players.find((p) => revealed.includes(`<@${p.id}>`));
    expect(winner, revealed).toBeDefined();
    expect(revealed).toContain("🔥 1");
    await fake.waitFor(() => titled(there, "Answer:")[0] ?? null, 10_000, "the reveal in the second server");
    // Each server: its question once and its reveal once.
    for (const channelId of [here, there])
      expect(fake.channelPosts.filter((p) => p.channelId === channelId && p.status === 200)).toHaveLength(2);
    const stats = await fake.dispatchInteraction(
      fake.chatInput("trivia stats", {}, { guild: first, user: winner }),
    );
    expect(textOf(stats.data)).toContain("Days in a row (question of the day)");
    expect(textOf(stats.data)).toContain("1 now · best 1");
    const show = await fake.dispatchInteraction(
      fake.chatInput("daily show", {}, { guild: first, permissions: ADMIN }),
    );
    expect(textOf(show.data)).toMatch(/Last question: \d+ \w+ \d{4}, posted/);
  }, 60_000);
});
