import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { Engine } from "../app.js";
import { type Lang, langOf, text } from "../i18n/index.js";
import { type LogSink, silentLogger } from "../log-sink.js";
import { ApplicationCommandType } from "./api.js";
import { type Named, type PathResult, requestPath } from "./command-path.js";
import { decodeId } from "./custom-id.js";
import { ephemeralText, quoteUserText } from "./payload.js";
import type {
  AutocompleteRequest,
  BotRequest,
  BotResponse,
  CommandModule,
  CommandRequest,
  ComponentHandler,
  ComponentRequest,
} from "./types.js";

/**
 * The one entry point for every interaction: slash commands, autocomplete, buttons and menus.
 * The Discord client, the console, the CLI and the tests all call `handle`, so they see the same
 * answers. Every call is timed and logged, and any failure becomes a polite ephemeral reply.
 * Commands are found by name and components by their custom id's prefix; nothing is special-cased.
 */
export class Router {
  private readonly commands: ReadonlyMap<string, CommandModule>;
  private readonly components: ReadonlyMap<string, ComponentHandler>;

  constructor(
    private readonly engine: Engine,
    commands: readonly CommandModule[],
    components: readonly ComponentHandler[],
    private readonly log: LogSink = silentLogger,
    /** Told of every interaction handled: what it was, how it went, how long it took (metrics). */
    private readonly observe?: (label: string, outcome: "ok" | "refused" | "error", seconds: number) => void,
  ) {
    this.commands = new Map(commands.map((c) => [c.data.name, c]));
    const byPrefix = new Map<string, ComponentHandler>();
    for (const c of components) {
      if (byPrefix.has(c.prefix)) throw new Error(`two component handlers claim the prefix ${c.prefix}`);
      byPrefix.set(c.prefix, c);
    }
    this.components = byPrefix;
  }

  /** Every command's definition, slash and message commands alike, as registered with Discord. */
  get definitions() {
    return [...this.commands.values()].map((c) => c.data);
  }

  /** The slash commands only: what the console and the CLI can type. */
  get slashDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
    return this.definitions.filter(
      (d): d is RESTPostAPIChatInputApplicationCommandsJSONBody =>
        (d.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput,
    );
  }

  async handle(request: BotRequest): Promise<BotResponse> {
    const started = performance.now();
    try {
      const response = await this.dispatch(request);
      this.observe?.(
        this.labelOf(request),
        "refused" in response && response.refused ? "refused" : "ok",
        (performance.now() - started) / 1000,
      );
      if (this.log.isLevelEnabled("debug"))
        this.log.debug(
          { ...describe(request), ms: +(performance.now() - started).toFixed(2), response: response.type },
          "handled",
        );
      return response;
    } catch (err) {
      this.log.error(
        { ...describe(request), err, ms: +(performance.now() - started).toFixed(2) },
        "handler failed",
      );
      this.observe?.(this.labelOf(request), "error", (performance.now() - started) / 1000);
      if (request.type === "autocomplete") return { type: "choices", choices: [] };
      return {
        type: "reply",
        payload: ephemeralText(text(langOf(request.caller.locale)).error),
        refused: true,
      };
    }
  }

  /**
   * A bounded name for metrics: the command (autocomplete as "<command>:autocomplete"), or a
   * component's prefix; anything this bot does not know is "unknown".
   */
  private labelOf(request: BotRequest): string {
    if (request.type === "component") {
      const prefix = decodeId(request.customId)?.prefix;
      return prefix && this.components.has(prefix) ? `component:${prefix}` : "component:unknown";
    }
    const known = this.commands.has(request.command) ? request.command : "unknown";
    return request.type === "autocomplete" ? `${known}:autocomplete` : known;
  }

  private async dispatch(request: BotRequest): Promise<BotResponse> {
    switch (request.type) {
      case "command":
        return this.command(request);
      case "autocomplete":
        return this.autocomplete(request);
      case "component":
        return this.component(request);
    }
  }

  private command(request: CommandRequest): BotResponse | Promise<BotResponse> {
    const command = this.commands.get(request.command);
    if (!command) {
      const words = text(langOf(request.caller.locale));
      return {
        type: "reply",
        payload: ephemeralText(words.unknownCommand({ name: request.command })),
        refused: true,
      };
    }
    // Only what the definition holds reaches the command: a group's subcommand, or a subcommand.
    const path = requestPath(command.data, request);
    if (!path.ok) {
      const payload = ephemeralText(pathRefusal(langOf(request.caller.locale), path));
      return { type: "reply", payload, refused: true };
    }
    return command.execute(this.engine, request);
  }

  private autocomplete(request: AutocompleteRequest): BotResponse | Promise<BotResponse> {
    const command = this.commands.get(request.command);
    if (command && !requestPath(command.data, request).ok) return { type: "choices", choices: [] };
    const choices = command?.autocomplete?.(this.engine, request) ?? [];
    // Most suggestions come from memory at once; a server's set names come from the database.
    return Array.isArray(choices)
      ? { type: "choices", choices }
      : choices.then((list) => ({ type: "choices", choices: list }));
  }

  private component(request: ComponentRequest): BotResponse | Promise<BotResponse> {
    const decoded = decodeId(request.customId);
    const handler = decoded ? this.components.get(decoded.prefix) : undefined;
    if (!decoded || !handler) return outdated(request);
    return handler.handle(this.engine, request, decoded.args);
  }
}

/** Why a request's group or subcommand is not one of the command's, named as the caller's Discord shows it. */
function pathRefusal(lang: Lang, path: Exclude<PathResult, { ok: true }>): string {
  const words = text(lang);
  const shown = (o: Named) => (lang === "ru" && o.name_localizations?.ru) || o.name;
  const command = `/${path.walked.map(shown).join(" ")}`;
  const subcommands = path.expected.map(shown).join(", ");
  if (path.unknown === undefined) return words.lineNeedsSubcommand({ command, subcommands });
  return words.unknownSubcommand({ command, word: quoteUserText(path.unknown, 40), subcommands });
}

/** The answer to a button or menu whose id this version of the bot cannot use. */
export function outdated(request: ComponentRequest): BotResponse {
  return {
    type: "reply",
    payload: ephemeralText(text(langOf(request.caller.locale)).outdatedButton),
    refused: true,
  };
}

function describe(request: BotRequest) {
  const base = { kind: request.type, user: request.caller.userId, guild: request.caller.guildId };
  if (request.type === "component") return { ...base, customId: request.customId };
  return { ...base, command: request.command, group: request.group, subcommand: request.subcommand };
}
