import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APITextInputComponent,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { Engine } from "../app.js";

/**
 * Who is asking, and where: what every handler may need from an interaction. The fields the game
 * needs are a Player's (src/trivia/game.ts); the follow-up travels on the request instead.
 */
export interface Caller extends Omit<Player, "followUp"> {
  /** Where the interaction happened: a server, the bot's own DM, or a DM or group DM of people. */
  context?: "guild" | "bot-dm" | "private";
}

/** What answers an interaction after its first reply (see src/trivia/game.ts). */
export type { FollowUpHandle } from "../trivia/game.js";

import type { FollowUpHandle, Player } from "../trivia/game.js";

export type OptionValue = string | number | boolean;

/** A file given to an attachment option: its name and size, and its bytes when asked for. */
export interface RequestAttachment {
  name: string;
  size: number;
  /**
   * Fetches the file (from Discord's CDN, or the local disk in the console and the CLI). With
   * `maxBytes`, a reader that can stop early returns at most `maxBytes + 1` bytes: a result longer
   * than `maxBytes` means the file is larger than that.
   */
  read(maxBytes?: number): Promise<Uint8Array>;
}

export interface CommandRequest {
  type: "command";
  command: string;
  /** The subcommand group, for a subcommand inside one (`term` of `/trivia term start`). */
  group?: string;
  subcommand?: string;
  options: Record<string, OptionValue>;
  caller: Caller;
  /** Files given to attachment options, by option name. */
  attachments?: Record<string, RequestAttachment>;
  /** For a message command: the message it was used on. */
  target?: { messageId: string; content: string };
  /** Where later messages about this command go when the bot cannot post in the channel. */
  followUp?: FollowUpHandle;
}

export interface AutocompleteRequest {
  type: "autocomplete";
  command: string;
  group?: string;
  subcommand?: string;
  focused: { name: string; value: string };
  options: Record<string, OptionValue>;
  caller: Caller;
}

export interface ComponentRequest {
  type: "component";
  customId: string;
  values: string[];
  caller: Caller;
  followUp?: FollowUpHandle;
  /** For a submitted form (modal): its text inputs' values, by their custom ids. */
  fields?: Record<string, string>;
}

export type BotRequest = CommandRequest | AutocompleteRequest | ComponentRequest;

/** A message body exactly as sent to Discord's API. */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  flags?: number;
  allowed_mentions: { parse: [] };
  /** Files to attach, by name (issue 7: timeline pictures). */
  files?: { name: string; data: Uint8Array; description?: string }[];
}

export interface Choice {
  name: string;
  value: string;
}

/** A form Discord shows over the chat (a modal): a title and up to five text inputs. */
export interface ModalPayload {
  custom_id: string;
  title: string;
  components: APIActionRowComponent<APITextInputComponent>[];
}

/**
 * A message answer. `refused` marks one that does not do what was asked (a date it cannot read, a
 * name or set it cannot find, something not allowed there, a failure): Discord shows it like any
 * other, and `cli run` exits with status 1 for it.
 */
export type BotResponse =
  | { type: "reply"; payload: MessagePayload; refused?: boolean }
  | { type: "update"; payload: MessagePayload; refused?: boolean }
  | { type: "choices"; choices: Choice[] }
  | { type: "modal"; modal: ModalPayload };

/** A button or menu handler: owns the custom ids with its prefix (see custom-id.ts). */
export interface ComponentHandler {
  prefix: string;
  /** `args` are the id's decoded arguments; ids it cannot use get a polite answer, never a throw. */
  handle(engine: Engine, request: ComponentRequest, args: string[]): BotResponse | Promise<BotResponse>;
}

export interface CommandModule {
  /** The definition as Discord's API takes it (see commands/shared/define.ts). */
  data: (
    | RESTPostAPIChatInputApplicationCommandsJSONBody
    | RESTPostAPIContextMenuApplicationCommandsJSONBody
  ) & {
    name: string;
  };
  execute(engine: Engine, request: CommandRequest): BotResponse | Promise<BotResponse>;
  autocomplete?(engine: Engine, request: AutocompleteRequest): Choice[] | Promise<Choice[]>;
}
