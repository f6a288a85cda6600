// Shared set-up for the end-to-end tests: a stand-in, the commands deployed to it, the bot running.
import { afterAll, beforeAll, beforeEach, describe, expect } from "vitest";
import { type NodeProcess, runDeploy, spawnBot } from "../discord/bot-process.js";
import { FakeDiscord, type FakeDiscordOptions } from "../discord/fake-discord.js";

/**
 * The e2e files also match the unit suite's glob (tests/**\/*.test.ts); they run only under
 * vitest.e2e.config.ts (`npm run test:e2e`), which sets APPARAT_E2E.
 */
export const describeE2E = describe.skipIf(process.env.APPARAT_E2E !== "1");

/**
 * Every e2e file imports this module, so this hook runs once at the end of each file: a request
 * body that broke Discord's OpenAPI spec fails the file, whichever stand-in received it (a test
 * that sends one on purpose takes it with `fake.takeSpecViolations()`).
 */
afterAll(() => {
  const violations = [...FakeDiscord.started].flatMap((fake) => fake.specViolations);
  FakeDiscord.started.clear();
  expect(violations, "request bodies that break Discord's OpenAPI spec").toEqual([]);
});

export interface Harness {
  fake: FakeDiscord;
  bot: NodeProcess;
}

/** `npm run deploy-commands` against the stand-in, to its test server. */
export async function deploy(fake: FakeDiscord, env: Record<string, string> = {}) {
  return runDeploy({ env: fake.env({ DISCORD_GUILD_ID: fake.guild.id, ...env }) });
}

/** Starts the bot and resolves when it has identified and logged "connected to Discord". */
export async function startBot(fake: FakeDiscord, logLevel = "info"): Promise<NodeProcess> {
  const identified = fake.identifyCount;
  const bot = spawnBot({ env: fake.env(), logLevel });
  await fake.waitForIdentify(identified + 1, 45_000);
  await bot.waitForLine("connected to Discord", 45_000);
  return bot;
}

/**
 * Registers beforeAll/afterAll hooks for a describe block: stand-in up, commands deployed, bot
 * running; everything stopped (and killed if need be) afterwards. The bot's output is printed
 * when a test fails.
 */
export function useBot(options: FakeDiscordOptions = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.fake = await FakeDiscord.start({ heartbeatIntervalMs: 2000, ...options });
    // The bot needs no commands to connect, so both start at once.
    const [deployed, bot] = await Promise.all([deploy(h.fake), startBot(h.fake)]);
    h.bot = bot;
    expect(deployed.exit.code, deployed.output).toBe(0);
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      console.error(`--- bot output ---\n${h.bot?.output(120) ?? "(not started)"}`);
    });
  });
  afterAll(async () => {
    h.bot?.kill();
    if (h.bot) await h.bot.exited;
    await h.fake?.stop();
  });
  return h;
}

/** Everything a message body says, flattened to text (for "the answer names X"). */
export function textOf(data: { content?: string; embeds?: unknown[] } | undefined): string {
  return JSON.stringify({ content: data?.content ?? "", embeds: data?.embeds ?? [] });
}
