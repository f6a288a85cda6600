import {
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  type CommandInteractionOption,
  Events,
  GatewayIntentBits,
  type Interaction,
  InteractionContextType,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  Options,
  PermissionFlagsBits,
  type StringSelectMenuInteraction,
} from "discord.js";
import type { Logger } from "pino";
import { COMMANDS, COMPONENTS } from "../../commands/index.js";
import type { Engine } from "../app.js";
import type { Config } from "../config.js";
import { Router } from "../interactions/router.js";
import { shardOfGuild } from "../interactions/shards.js";
import { createTrivia } from "../interactions/trivia.js";
import type {
  BotRequest,
  Caller,
  MessagePayload,
  OptionValue,
  RequestAttachment,
} from "../interactions/types.js";
import { openStorage } from "../storage/open.js";
import { channelMessenger } from "./messenger.js";
import { checkDiscordReachable } from "./reach.js";

/** Discord gives 3 s to answer; past this the bot defers and edits the reply later. */
const DEFER_AFTER_MS = 2000;

function callerOf(interaction: Interaction): Caller {
  const context =
    interaction.context === InteractionContextType.BotDM
      ? "bot-dm"
      : interaction.context === InteractionContextType.PrivateChannel
        ? "private"
        : "guild";
  // The bot posts by itself only in a server that installed it. Not where only the user did, and
  // not in DMs: even its own DM may refuse a bot the user shares no server with (50007), while the
  // interaction's follow-ups always reach the user.
  const installedHere =
    interaction.authorizingIntegrationOwners?.[ApplicationIntegrationType.GuildInstall] !== undefined;
  return {
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    locale: interaction.locale,
    canManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    displayName: nicknameOf(interaction) ?? interaction.user.globalName ?? interaction.user.username,
    context,
    botCanPost: context === "guild" && (installedHere || interaction.context === null),
  };
}

/** The member's server nickname: a cached GuildMember's, or the raw member's in the payload. */
function nicknameOf(interaction: Interaction): string | null {
  const member = interaction.member;
  if (!member) return null;
  return "nickname" in member ? member.nickname : (member.nick ?? null);
}

/** The interaction's webhook, for what the bot says later where it cannot post itself. */
function followUpOf(interaction: Interaction) {
  return { applicationId: interaction.applicationId, token: interaction.token, receivedAt: Date.now() };
}

function optionsOf(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  const walk = (
    options: readonly { name: string; value?: string | number | boolean; options?: readonly unknown[] }[],
  ) => {
    for (const o of options) {
      if (o.value !== undefined) out[o.name] = o.value;
      if (o.options) walk(o.options as typeof options);
    }
  };
  walk(interaction.options.data);
  return out;
}

/** Files are fetched from Discord's CDN only when a handler reads them, and never past this. */
const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

function attachmentsOf(
  interaction: ChatInputCommandInteraction,
): Record<string, RequestAttachment> | undefined {
  const out: Record<string, RequestAttachment> = {};
  const walk = (options: readonly CommandInteractionOption[]) => {
    for (const o of options) {
      const file = o.attachment;
      if (file) {
        out[o.name] = {
          name: file.name,
          size: file.size,
          read: async () => {
            if (file.size > MAX_ATTACHMENT_BYTES) throw new Error(`attachment of ${file.size} bytes`);
            const response = await fetch(file.url, { signal: AbortSignal.timeout(10_000) });
            if (!response.ok) throw new Error(`attachment download failed: HTTP ${response.status}`);
            return new Uint8Array(await response.arrayBuffer());
          },
        };
      }
      if (o.options) walk(o.options);
    }
  };
  walk(interaction.options.data);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Turns a discord.js interaction into the router's plain request; null for kinds the bot ignores. */
export function toRequest(interaction: Interaction): BotRequest | null {
  const caller = callerOf(interaction);
  if (interaction.isChatInputCommand()) {
    const subcommand = interaction.options.getSubcommand(false) ?? undefined;
    const attachments = attachmentsOf(interaction);
    return {
      type: "command",
      command: interaction.commandName,
      ...(subcommand ? { subcommand } : {}),
      options: optionsOf(interaction),
      caller,
      followUp: followUpOf(interaction),
      ...(attachments ? { attachments } : {}),
    };
  }
  if (interaction.isMessageContextMenuCommand()) {
    const message = interaction.targetMessage;
    return {
      type: "command",
      command: interaction.commandName,
      options: {},
      caller,
      target: { messageId: message.id, content: message.content ?? "" },
      followUp: followUpOf(interaction),
    };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    const subcommand = interaction.options.getSubcommand(false) ?? undefined;
    return {
      type: "autocomplete",
      command: interaction.commandName,
      ...(subcommand ? { subcommand } : {}),
      focused: { name: focused.name, value: String(focused.value) },
      options: optionsOf(interaction),
      caller,
    };
  }
  if (interaction.isButton())
    return {
      type: "component",
      customId: interaction.customId,
      values: [],
      caller,
      followUp: followUpOf(interaction),
    };
  if (interaction.isModalSubmit()) {
    const fields: Record<string, string> = {};
    for (const [id, field] of interaction.fields.fields) {
      if ("value" in field && typeof field.value === "string") fields[id] = field.value;
    }
    return {
      type: "component",
      customId: interaction.customId,
      values: [],
      caller,
      fields,
      followUp: followUpOf(interaction),
    };
  }
  if (interaction.isStringSelectMenu()) {
    return {
      type: "component",
      customId: interaction.customId,
      values: interaction.values,
      caller,
      followUp: followUpOf(interaction),
    };
  }
  return null;
}

/** Our API-shaped payload in the form discord.js's reply methods take. */
function toReplyOptions(payload: MessagePayload): InteractionReplyOptions & InteractionUpdateOptions {
  const options: InteractionReplyOptions & InteractionUpdateOptions = {
    allowedMentions: { parse: [] },
    embeds: payload.embeds ?? [],
    components: payload.components ?? [],
  };
  if (payload.content !== undefined) options.content = payload.content;
  if (payload.files) {
    options.files = payload.files.map((f) => ({
      // A view, not a copy: pictures come from a shared cache and discord.js only reads them.
      attachment: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength),
      name: f.name,
      ...(f.description ? { description: f.description } : {}),
    }));
  }
  return options;
}

type Repliable =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | ModalSubmitInteraction;

/** Sends the router's answer, deferring first if the handler is slow. */
async function respond(router: Router, interaction: Interaction, log: Logger): Promise<void> {
  const request = toRequest(interaction);
  if (!request) return;
  if (interaction.isAutocomplete()) {
    const response = await router.handle(request);
    if (response.type === "choices") await interaction.respond(response.choices);
    return;
  }
  const repliable = interaction as Repliable;
  const work = router.handle(request);
  let deferred = false;
  const timer = setTimeout(() => {
    deferred = true;
    const defer = repliable.isMessageComponent() ? repliable.deferUpdate() : repliable.deferReply();
    defer.catch((err: unknown) => log.warn({ err }, "defer failed"));
  }, DEFER_AFTER_MS);
  const response = await work.finally(() => clearTimeout(timer));
  if (response.type === "choices") return;
  if (response.type === "modal") {
    // A form can only be the first answer; a deferred one cannot open it any more.
    if (!deferred && !repliable.isModalSubmit()) await repliable.showModal(response.modal);
    else await repliable.followUp({ content: "…", flags: MessageFlags.Ephemeral }).catch(() => undefined);
    return;
  }
  const options = toReplyOptions(response.payload);
  const ephemeral = ((response.payload.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  if (deferred) {
    if (ephemeral && !repliable.isMessageComponent()) {
      await repliable.deleteReply().catch(() => undefined);
      await repliable.followUp({ ...options, flags: MessageFlags.Ephemeral });
    } else {
      await repliable.editReply(options);
    }
    return;
  }
  if (response.type === "update" && repliable.isMessageComponent()) {
    await repliable.update(options);
    return;
  }
  await repliable.reply({ ...options, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
}

/**
 * What discord.js keeps in memory. Every interaction carries its user and member, and discord.js
 * would otherwise cache each one it sees for as long as the bot runs: on a busy server that grows
 * without bound. Nothing here reads users, members or messages from the cache (the bot's own user
 * and member stay); guilds, channels and roles, which the Guilds intent keeps current, are kept.
 */
const LEAN_CACHES = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
  MessageManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  PresenceManager: 0,
  VoiceStateManager: 0,
  ThreadMemberManager: 0,
});

export interface RunningBot {
  client: Client;
  stop(): Promise<void>;
}

/** Connects to Discord (or to DISCORD_API_BASE) and serves interactions until stopped. */
/** The shards this process runs, of how many: under the ShardingManager its own, alone all (one). */
function ownShards(client: Client): { ids: number[]; count: number } {
  const ids = Array.isArray(client.options.shards) ? client.options.shards : [0];
  return { ids, count: client.options.shardCount ?? 1 };
}

export async function startBot(
  config: Config,
  loadEngine: () => Promise<Engine>,
  log: Logger,
): Promise<RunningBot> {
  if (!config.DISCORD_TOKEN) throw new Error("DISCORD_TOKEN is not set");
  // The first request to Discord is in flight while the dataset and indexes are built.
  const reachable = checkDiscordReachable(config.DISCORD_TOKEN, config.DISCORD_API_BASE).then(
    () => null,
    (err: unknown) => err,
  );
  const engine = await loadEngine();
  const problem = await reachable;
  if (problem) throw problem;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    makeCache: LEAN_CACHES,
    allowedMentions: { parse: [] },
    ...(config.DISCORD_API_BASE ? { rest: { api: config.DISCORD_API_BASE } } : {}),
  });
  const storage = await openStorage(config);
  const trivia = createTrivia(engine.dataset, storage.sql, channelMessenger(client), {
    log: log.child({ module: "trivia" }),
  });
  const router = new Router({ ...engine, trivia }, COMMANDS, COMPONENTS, log.child({ module: "router" }));
  // Answers still being worked on, so that a shutdown finishes them before it disconnects.
  const inFlight = new Set<Promise<void>>();
  const onInteraction = (interaction: Interaction) => {
    const answering = respond(router, interaction, log)
      .catch((err: unknown) => {
        log.error({ err, interaction: interaction.id }, "could not answer the interaction");
      })
      .finally(() => inFlight.delete(answering));
    inFlight.add(answering);
  };
  client.on(Events.InteractionCreate, onInteraction);
  client.once(Events.ClientReady, (ready) => {
    log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, "connected to Discord");
    // This process's rounds only: those in the servers of its shards (and, on shard 0, DMs).
    const shards = ownShards(client);
    trivia
      .resume((round) => shards.ids.includes(shardOfGuild(round.guild_id, shards.count)))
      .then(
        ({ resumed, interrupted }) =>
          resumed + interrupted > 0 &&
          log.info({ resumed, interrupted, shards: shards.ids }, "picked up trivia rounds left running"),
      )
      .catch((err: unknown) => log.error({ err }, "could not resume trivia rounds"));
  });
  client.on(Events.Error, (err) => log.error({ err }, "client error"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ code: event.code, shard }, "gateway disconnected"),
  );
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, "gateway resumed"));
  await client.login(config.DISCORD_TOKEN);
  return {
    client,
    stop: async () => {
      // Take no new interactions, answer the ones already taken (within Discord's own 3 s), then
      // close the gateway and, last, the database those answers write to.
      client.off(Events.InteractionCreate, onInteraction);
      trivia.shutdown();
      const pending = inFlight.size;
      if (pending > 0) {
        log.info({ pending }, "finishing answers in flight");
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.all(inFlight),
          new Promise((resolve) => {
            timer = setTimeout(resolve, 3000);
          }),
        ]);
        clearTimeout(timer);
      }
      await client.destroy();
      await storage.close();
      log.info("disconnected from Discord; database closed");
    },
  };
}
