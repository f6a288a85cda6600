// `npm run deploy-commands` against the Discord stand-in: a bulk overwrite of every command.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ApplicationCommandType } from "discord-api-types/v10";
import { afterAll, beforeAll, expect, test } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import { REPO_ROOT, runDeploy } from "../discord/bot-process.js";
import { FakeDiscord, ROUTES } from "../discord/fake-discord.js";
import { makeToken } from "../discord/fixtures.js";
import { isSnowflake } from "../discord/snowflake.js";
import { deploy, describeE2E } from "./harness.js";

/** A developer's .env with DISCORD_GUILD_ID would turn the global registration into a guild one. */
const dotenvGuild = (() => {
  const path = join(REPO_ROOT, ".env");
  return existsSync(path) && /^\s*(export\s+)?DISCORD_GUILD_ID\s*=\s*\S/m.test(readFileSync(path, "utf8"));
})();

describeE2E("deploy-commands against the stand-in", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake?.stop();
  });

  const expected = COMMANDS.map((c) => c.data);

  test("registers every command to the test server", async () => {
    const { exit, output } = await deploy(fake);
    expect(exit.code, output).toBe(0);
    const registered = fake.guildCommands.get(fake.guild.id) ?? [];
    expect(registered.map((c) => c.name)).toEqual(expected.map((c) => c.name));
    for (const [i, c] of registered.entries()) {
      const want = expected[i]!;
      expect(isSnowflake(c.id)).toBe(true);
      expect(isSnowflake(c.version)).toBe(true);
      expect(c.application_id).toBe(fake.applicationId);
      expect(c.guild_id).toBe(fake.guild.id);
      expect(c.type).toBe(want.type ?? ApplicationCommandType.ChatInput);
      expect(c.name_localizations ?? null).toEqual(want.name_localizations ?? null);
      // Installable to servers and to users; usable in servers, the bot's DM, DMs and group DMs.
      expect(c.integration_types).toEqual([0, 1]);
      expect(c.contexts).toEqual([0, 1, 2]);
      if (c.type === ApplicationCommandType.ChatInput && "description" in want) {
        expect(c.description).toBe(want.description);
        expect(c.options ?? []).toEqual(want.options ?? []);
        expect(output).toContain(`/${c.name}  (${c.id})`);
      } else {
        expect(c.type).toBe(ApplicationCommandType.Message);
        expect(output).toContain(`Apps → ${c.name}  (${c.id})`);
      }
    }
    expect(output).toContain(`Registered ${expected.length} commands to server ${fake.guild.id}`);
  });

  test("running it again changes nothing: same ids, same versions", async () => {
    const before = structuredClone(fake.guildCommands.get(fake.guild.id) ?? []);
    const { exit, output } = await deploy(fake);
    expect(exit.code, output).toBe(0);
    expect(fake.guildCommands.get(fake.guild.id)).toEqual(before);
    expect(fake.requestsOn(ROUTES.guildCommands).map((r) => r.status)).toEqual([200, 200]);
  });

  test.skipIf(dotenvGuild)("without DISCORD_GUILD_ID it registers globally", async () => {
    const { exit, output } = await runDeploy({ env: fake.env() });
    expect(exit.code, output).toBe(0);
    expect(fake.globalCommands.map((c) => c.name)).toEqual(expected.map((c) => c.name));
    expect(fake.globalCommands.every((c) => c.guild_id === undefined)).toBe(true);
    expect(output).toContain("all servers (global");
  });

  test("a wrong token is refused with 401 and the script exits 1", async () => {
    const { exit, output } = await runDeploy({
      env: fake.env({ DISCORD_GUILD_ID: fake.guild.id, DISCORD_TOKEN: makeToken(fake.applicationId) }),
    });
    expect(exit.code).toBe(1);
    expect(output).toContain("Registration failed");
    expect(output).toMatch(/401|Unauthorized/);
  });
});
