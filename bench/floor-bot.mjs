// The floor for bench:e2e: a bare discord.js bot, configured as Apparat's client is (the Guilds
// intent, the same lean caches, no pings), that answers every interaction with a recorded answer
// of Apparat's (FLOOR_RECORDINGS: a JSON file of callback bodies and files by kind), through
// discord.js's own REST client, as Apparat does. Same bytes on the wire: what it does not do is
// Apparat's own work (reading the request, the engine, building the answer). Started with plain
// `node`, as the bot's start script starts it. Without recordings it only connects (start-up).
import { readFileSync } from "node:fs";
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Options, Routes } from "discord.js";

const recordings = process.env.FLOOR_RECORDINGS
  ? Object.fromEntries(
      Object.entries(JSON.parse(readFileSync(process.env.FLOOR_RECORDINGS, "utf8"))).map(([kind, r]) => [
        kind,
        {
          body: r.body,
          files: r.files?.map((f) => ({ name: f.name, data: Buffer.from(f.base64, "base64") })),
        },
      ]),
    )
  : {};

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  makeCache: Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    MessageManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    PresenceManager: 0,
    VoiceStateManager: 0,
    ThreadMemberManager: 0,
  }),
  allowedMentions: { parse: [] },
  ...(process.env.DISCORD_API_BASE ? { rest: { api: process.env.DISCORD_API_BASE } } : {}),
});

/**
 * The recording for an interaction: by command name, autocomplete's command, or a button's prefix;
 * a message command's by the message too, since each message gets an answer of its own size.
 */
function kindOf(i) {
  if (i.type === 4) return `auto:${i.data.name}`;
  if (i.type === 3) return `button:${String(i.data.custom_id).split("|")[1]}`;
  const target = i.data.target_id ? i.data.resolved?.messages?.[i.data.target_id] : undefined;
  if (target) return `command:${i.data.name}:${target.content}`;
  return `command:${i.data.name}`;
}

client.on(Events.Raw, (packet) => {
  if (packet.t !== GatewayDispatchEvents.InteractionCreate) return;
  const recorded = recordings[kindOf(packet.d)];
  if (!recorded) return;
  client.rest
    .post(Routes.interactionCallback(packet.d.id, packet.d.token), {
      body: recorded.body,
      auth: false,
      ...(recorded.files ? { files: recorded.files } : {}),
    })
    .catch((err) => process.stderr.write(`${err}\n`));
});
client.once(Events.ClientReady, () => process.stdout.write(`${JSON.stringify({ msg: "ready" })}\n`));
const stop = () => client.destroy().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
await client.login(process.env.DISCORD_TOKEN);
