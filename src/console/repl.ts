import { createInterface } from "node:readline";
import type { Engine } from "../app.js";
import { ApplicationCommandOptionType } from "../interactions/api.js";
import type { Router } from "../interactions/router.js";
import { createTrivia, showingMessenger } from "../interactions/trivia.js";
import type { BotResponse, MessagePayload, ModalPayload } from "../interactions/types.js";
import { openSqlite } from "../storage/sqlite.js";
import { sanitizeText } from "../text/sanitize.js";
import { ManualClock } from "../trivia/clock.js";
import { createRouter, runSlash } from "./run.js";
import { CONSOLE_CALLER } from "./slash.js";
import { componentAt, formSubmission, modalToText, payloadToText, waitWords } from "./text.js";

const BANNER = `Apparat — offline console
Not connected to Discord: set DISCORD_TOKEN in .env (see .env.example and the README) and run
npm start again to bring the bot online. Here you can type slash commands as in Discord:

  /who name:krushchev        /office title:gensec       /when date:May 1983
  /timeline                  /sources                   /help
  /trivia question           /study                     /leaderboard

The message command takes the message's text after its name:
  Look up in Apparat: was it krushchev or malenkov after stalin?

Options take what Discord would let you send (a choice from the list, a number in range).
Tab completes commands, options and names. Type a number to press that button or pick that
entry of the last answer. "exit" or Ctrl-D leaves.
`;

/** Tab completion: command names, then option names, then names from the autocomplete engine. */
export function completer(engine: Engine, router: Router) {
  const commands = router.slashDefinitions;
  return (line: string): [string[], string] => {
    if (!line.includes(" ")) {
      const hits = commands
        .map((c) => `/${c.name} `)
        .filter((c) => c.startsWith(line.startsWith("/") ? line : `/${line}`));
      return [hits, line];
    }
    const m = line.match(/^\/(\S+)(.*?)(\w+):([^:]*)$/);
    if (m) {
      const [, name, , option, partial = ""] = m;
      const kind =
        name === "who" && option === "name"
          ? "person"
          : name === "office" && option === "title"
            ? "office"
            : null;
      if (kind) {
        const prefix = line.slice(0, line.length - partial.length);
        return [engine.search.autocomplete(partial, { kind }).map((h) => `${prefix}${h.label}`), line];
      }
      return [[], line];
    }
    const def = commands.find((c) => line.startsWith(`/${c.name} `));
    // A subcommand is a word of its own ("/trivia start "); options take a value ("questions:").
    const words = line.split(" ");
    const subcommands = (def?.options ?? []).filter(
      (o) => o.type === ApplicationCommandOptionType.Subcommand,
    );
    const chosen = subcommands.find((o) => words[1] === o.name && words.length > 2);
    const options =
      subcommands.length === 0
        ? (def?.options ?? []).map((o) => `${o.name}:`)
        : chosen
          ? ("options" in chosen ? (chosen.options ?? []) : []).map((o) => `${o.name}:`)
          : words.length === 2
            ? subcommands.map((o) => `${o.name} `)
            : [];
    const last = words.at(-1) ?? "";
    const head = line.slice(0, line.length - last.length);
    return [options.filter((o) => o.startsWith(last)).map((o) => `${head}${o}`), line];
  };
}

/**
 * What the console does with each line and each message the bot posts by itself, apart from the
 * terminal: a typed number presses that button of the newest message that has buttons, whether
 * it was an answer or a round's later question.
 */
export class ConsoleSession {
  private newest: MessagePayload | null = null;
  /** A form the bot opened (a report): the next line typed fills it in. */
  private form: ModalPayload | null = null;

  constructor(
    private readonly router: Router,
    private readonly out: (text: string) => void,
  ) {}

  /** Shows a message and remembers it if it has buttons or a menu. */
  show(payload: MessagePayload): void {
    if (payload.components?.length) this.newest = payload;
    this.out(payloadToText(payload));
  }

  /** An answer of any kind: a message is shown; a form is shown and waits for the next line. */
  private respond(response: BotResponse): void {
    if (response.type === "choices") return;
    if (response.type === "modal") {
      this.form = response.modal;
      this.out(modalToText(response.modal));
      return;
    }
    this.show(response.payload);
  }

  /** One typed line: a slash command, a number that presses a button, or what a form asked for. */
  async line(line: string): Promise<void> {
    const form = this.form;
    if (form) {
      this.form = null;
      this.respond(
        await this.router.handle({
          type: "component",
          ...formSubmission(form, line),
          caller: CONSOLE_CALLER,
        }),
      );
      return;
    }
    if (/^\d+$/.test(line)) {
      const target = this.newest ? componentAt(this.newest, Number(line)) : null;
      if (!target) {
        this.out("There is no such button or entry in the newest message.");
        return;
      }
      this.respond(await this.router.handle({ type: "component", ...target, caller: CONSOLE_CALLER }));
      return;
    }
    // As typed: a slash command (the slash may be left out) or a message command's "name: text".
    const result = await runSlash(this.router, line);
    if (!result.ok) this.out(result.error);
    else this.respond(result.response);
  }
}

/** The interactive console `npm start` opens when there is no token and a person at a terminal. */
export async function startConsole(engine: Engine, databasePath?: string): Promise<void> {
  // Nothing but text reaches the terminal: a user's or a set's text has no control characters or
  // escape sequences by the time it is printed (src/text/sanitize.ts).
  const out = (s: string) => process.stdout.write(`${sanitizeText(s)}\n`);
  // The console is one person at a terminal: always the local SQLite file.
  const storage = openSqlite(databasePath);
  // Trivia in the console posts its reveals and next questions straight to the terminal, above the
  // prompt, which is then drawn again with whatever the user had typed.
  let rl: ReturnType<typeof createInterface> | undefined;
  let session: ConsoleSession | undefined;
  const post = async (payload: MessagePayload, heading?: string) => {
    if (rl) process.stdout.write("\r\x1b[K");
    if (heading) out(heading);
    if (session) session.show(payload);
    else out(payloadToText(payload));
    rl?.prompt(true);
  };
  const trivia = createTrivia(
    engine.dataset,
    storage.sql,
    showingMessenger((payload) => post(payload)),
  );
  // The question of the day set here plays out at once on a virtual clock (its next question and
  // reveal, each saying how much later it would be posted), while rounds keep real time.
  const dailyClock = new ManualClock();
  let later = 0;
  const days = createTrivia(
    engine.dataset,
    storage.sql,
    showingMessenger((payload) => post(payload, `— posted to the channel ${waitWords(later)} later —`)),
    { clock: dailyClock },
  );
  days.daily.oneDay = true;
  // Only the console's own rounds: a bot sharing the file owns its rounds in Discord.
  await trivia.resume((round) => round.channel_id === CONSOLE_CALLER.channelId);
  const router = createRouter({ ...engine, trivia, daily: days.daily });
  session = new ConsoleSession(router, out);
  rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    completer: completer(engine, router),
    prompt: "apparat> ",
    historySize: 200,
  });
  // A supervisor's or a terminal's signal ends the console as "exit" does: trivia stopped, the
  // database closed.
  const leave = () => rl?.close();
  process.once("SIGTERM", leave);
  process.once("SIGHUP", leave);
  process.once("SIGINT", leave);
  out(BANNER);
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === "exit" || line === "quit") break;
    if (line !== "") await session.line(line);
    while (
      await dailyClock.next((ms) => {
        later = Math.round(ms / 1000);
      })
    );
    rl.prompt();
  }
  rl.close();
  process.off("SIGTERM", leave);
  process.off("SIGHUP", leave);
  process.off("SIGINT", leave);
  trivia.shutdown();
  days.shutdown();
  await storage.close();
}
