// The few enum values of Discord's API that the bot's own code uses, as plain constants typed
// with discord-api-types. Its runtime module is large (loading it costs ~100 ms at every start of
// the CLI and the console), while these are a handful of numbers; tests/api.test.ts checks each
// one against the real enum, since a cast would let a wrong number through the type checker.
import type {
  InteractionResponseType as CallbackType,
  ApplicationCommandType as CommandType,
  ComponentType as Component,
  MessageFlags as Flags,
  TextInputStyle as InputStyle,
  ApplicationIntegrationType as Integration,
  InteractionContextType as InteractionContext,
  InteractionType as InteractionKind,
  ApplicationCommandOptionType as OptionType,
  ButtonStyle as Style,
} from "discord-api-types/v10";

export const ComponentType = {
  ActionRow: 1 as Component.ActionRow,
  Button: 2 as Component.Button,
  StringSelect: 3 as Component.StringSelect,
  TextInput: 4 as Component.TextInput,
} as const;

export const TextInputStyle = {
  Short: 1 as InputStyle.Short,
  Paragraph: 2 as InputStyle.Paragraph,
} as const;

export const ButtonStyle = {
  Primary: 1 as Style.Primary,
  Secondary: 2 as Style.Secondary,
  Success: 3 as Style.Success,
  Danger: 4 as Style.Danger,
} as const;

export const MessageFlags = {
  Ephemeral: 64 as Flags.Ephemeral,
} as const;

export const ApplicationCommandType = {
  ChatInput: 1 as CommandType.ChatInput,
  Message: 3 as CommandType.Message,
} as const;

/** Where an app can be installed: to a server, or to a user's own account. */
export const ApplicationIntegrationType = {
  GuildInstall: 0 as Integration.GuildInstall,
  UserInstall: 1 as Integration.UserInstall,
} as const;

/** Where a command can be used: in a server, in the bot's DM, in other DMs and group DMs. */
export const InteractionContextType = {
  Guild: 0 as InteractionContext.Guild,
  BotDM: 1 as InteractionContext.BotDM,
  PrivateChannel: 2 as InteractionContext.PrivateChannel,
} as const;

export const ApplicationCommandOptionType = {
  Subcommand: 1 as OptionType.Subcommand,
  SubcommandGroup: 2 as OptionType.SubcommandGroup,
  String: 3 as OptionType.String,
  Integer: 4 as OptionType.Integer,
  Boolean: 5 as OptionType.Boolean,
  User: 6 as OptionType.User,
  Channel: 7 as OptionType.Channel,
  Number: 10 as OptionType.Number,
  Attachment: 11 as OptionType.Attachment,
} as const;

/** What an incoming interaction is. */
export const InteractionType = {
  Ping: 1 as InteractionKind.Ping,
  ApplicationCommand: 2 as InteractionKind.ApplicationCommand,
  MessageComponent: 3 as InteractionKind.MessageComponent,
  ApplicationCommandAutocomplete: 4 as InteractionKind.ApplicationCommandAutocomplete,
  ModalSubmit: 5 as InteractionKind.ModalSubmit,
} as const;

/** How the bot answers one (the callback's `type`). */
export const InteractionResponseType = {
  ChannelMessageWithSource: 4 as CallbackType.ChannelMessageWithSource,
  DeferredChannelMessageWithSource: 5 as CallbackType.DeferredChannelMessageWithSource,
  DeferredMessageUpdate: 6 as CallbackType.DeferredMessageUpdate,
  UpdateMessage: 7 as CallbackType.UpdateMessage,
  ApplicationCommandAutocompleteResult: 8 as CallbackType.ApplicationCommandAutocompleteResult,
  Modal: 9 as CallbackType.Modal,
} as const;

/** Permission bits the bot reads from an interaction's member. */
export const Permission = {
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
} as const;
