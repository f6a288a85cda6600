// The floor for bench:e2e: a bare discord.js bot with the same intents and caches as Apparat's,
// that does nothing but connect. Started with plain `node`, as the bot's start script starts it.
import { Client, Events, GatewayIntentBits } from "discord.js";

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  ...(process.env.DISCORD_API_BASE ? { rest: { api: process.env.DISCORD_API_BASE } } : {}),
});
client.once(Events.ClientReady, () => process.stdout.write(`${JSON.stringify({ msg: "ready" })}\n`));
const stop = () => client.destroy().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
await client.login(process.env.DISCORD_TOKEN);
