// Registers the slash commands: to one server when DISCORD_GUILD_ID is set (instant, for
// development), otherwise globally. A bulk overwrite, so running it twice changes nothing.
// An operator's command-line script, not the bot: what it registered goes to the terminal with
// console.*, as the CLI's own output does.
import { REST, Routes } from "discord.js";
import { COMMANDS } from "../../commands/index.js";
import { configOrMessage } from "../config.js";
import { ApplicationCommandType } from "../interactions/api.js";
import { checkDiscordReachable } from "./reach.js";

async function main(): Promise<number> {
  const { config, message } = configOrMessage();
  if (!config) {
    console.error(message);
    return 1;
  }
  if (!config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    console.error(
      "Set DISCORD_TOKEN and DISCORD_CLIENT_ID (and optionally DISCORD_GUILD_ID) in .env; see .env.example.",
    );
    return 1;
  }
  await checkDiscordReachable(config.DISCORD_TOKEN, config.DISCORD_API_BASE);
  const rest = new REST({
    version: "10",
    ...(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}),
  }).setToken(config.DISCORD_TOKEN);
  const body = COMMANDS.map((c) => c.data);
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  const registered = (await rest.put(route, { body })) as { id: string; name: string; type?: number }[];
  const where = config.DISCORD_GUILD_ID
    ? `server ${config.DISCORD_GUILD_ID}`
    : "all servers (global; may take up to an hour to appear)";
  console.log(`Registered ${registered.length} commands to ${where}:`);
  // Slash commands are typed as /name; a message command sits in a message's Apps menu.
  for (const c of registered)
    console.log(`  ${c.type === ApplicationCommandType.Message ? "Apps → " : "/"}${c.name}  (${c.id})`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`Registration failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
