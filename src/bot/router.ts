import { MessageFlags } from "discord.js";
import type { Logger } from "pino";
import type { Engine } from "../app.js";
import { parseId } from "../cards/ids.js";
import { langOf, t } from "../i18n/index.js";
import { silentLogger } from "../log.js";
import { cardPayload, ephemeralText } from "./payload.js";
import { renderTarget } from "./render.js";
import type {
  AutocompleteRequest,
  BotRequest,
  BotResponse,
  CommandModule,
  CommandRequest,
  ComponentRequest,
} from "./types.js";

/**
 * The one entry point for every interaction: slash commands, autocomplete, buttons and menus.
 * The Discord client, the console, the CLI and the tests all call `handle`, so they see the same
 * answers. Every call is timed and logged, and any failure becomes a polite ephemeral reply.
 */
export class Router {
  private readonly commands: ReadonlyMap<string, CommandModule>;

  constructor(
    private readonly engine: Engine,
    commands: readonly CommandModule[],
    private readonly log: Logger = silentLogger,
  ) {
    this.commands = new Map(commands.map((c) => [c.data.name, c]));
  }

  get definitions() {
    return [...this.commands.values()].map((c) => c.data.toJSON());
  }

  async handle(request: BotRequest): Promise<BotResponse> {
    const started = performance.now();
    const context = describe(request);
    try {
      const response = await this.dispatch(request);
      this.log.debug(
        { ...context, ms: +(performance.now() - started).toFixed(2), response: response.type },
        "handled",
      );
      return response;
    } catch (err) {
      this.log.error({ ...context, err, ms: +(performance.now() - started).toFixed(2) }, "handler failed");
      if (request.type === "autocomplete") return { type: "choices", choices: [] };
      return { type: "reply", payload: ephemeralText(t(langOf(request.caller.locale), "error")) };
    }
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
      return {
        type: "reply",
        payload: ephemeralText(`I don't know the command /${request.command}. Try /help.`),
      };
    }
    return command.execute(this.engine, request);
  }

  private autocomplete(request: AutocompleteRequest): BotResponse {
    const command = this.commands.get(request.command);
    return { type: "choices", choices: command?.autocomplete?.(this.engine, request) ?? [] };
  }

  private component(request: ComponentRequest): BotResponse {
    const lang = langOf(request.caller.locale);
    const trivia = this.engine.trivia?.component(request);
    if (trivia) return trivia;
    const parsed = parseId(request.customId);
    if (parsed.action === "unknown") {
      return {
        type: "reply",
        payload: ephemeralText(
          lang === "ru"
            ? "Эта кнопка устарела. Повторите команду."
            : "That button is from an older version of the bot. Please run the command again.",
        ),
      };
    }
    if (parsed.action === "pick") {
      const id = request.values[0] ?? "";
      const card = renderTarget(
        this.engine,
        { kind: parsed.kind, id, asker: request.caller.userId },
        lang,
        request.caller.userId,
      );
      if (!card)
        return { type: "reply", payload: ephemeralText("That entry no longer exists. Please search again.") };
      return { type: "reply", payload: cardPayload(card) };
    }
    const { target } = parsed;
    const card = renderTarget(this.engine, target, lang, request.caller.userId);
    if (!card)
      return { type: "reply", payload: ephemeralText("That card no longer exists. Please search again.") };
    // The asker walks the succession in place; anyone else gets a private copy instead of
    // changing a card someone else is reading.
    if (target.asker === request.caller.userId) return { type: "update", payload: cardPayload(card) };
    return {
      type: "reply",
      payload: { ...cardPayload(card, { ephemeral: true }), flags: MessageFlags.Ephemeral },
    };
  }
}

function describe(request: BotRequest) {
  const base = { kind: request.type, user: request.caller.userId, guild: request.caller.guildId };
  if (request.type === "component") return { ...base, customId: request.customId };
  return { ...base, command: request.command, subcommand: request.subcommand };
}
