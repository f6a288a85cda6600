import { createInterface } from "node:readline";
import type { Engine } from "../app.js";
import { waitWords } from "../i18n/dates.js";
import { type Lang, text } from "../i18n/index.js";
import { hitName } from "../interactions/choices.js";
import { walkPath } from "../interactions/command-path.js";
import type { Router } from "../interactions/router.js";
import { createTrivia, showingMessenger } from "../interactions/trivia.js";
import type { BotResponse, MessagePayload, ModalPayload } from "../interactions/types.js";
import { openSqlite } from "../storage/sqlite.js";
import { sanitizeText } from "../text/sanitize.js";
import { ManualClock } from "../trivia/clock.js";
import { createRouter, runSlash } from "./run.js";
import { CONSOLE_CALLER, consoleCaller } from "./slash.js";
import { componentAt, formSubmission, modalToText, payloadToText } from "./text.js";

/** A command's, subcommand's or option's name as a Discord in this language shows it. */
const shownName = (lang: Lang, o: { name: string; name_localizations?: { ru?: string | null } | null }) =>
  (lang === "ru" && o.name_localizations?.ru) || o.name;

/**
 * Tab completion: command names, then option names, then names from the autocomplete engine; in
 * Russian (`lang` says which, as the session switches), the names a Russian Discord shows.
 */
export function completer(engine: Engine, router: Router, lang: () => Lang = () => "en") {
  const commands = router.slashDefinitions;
  return (line: string): [string[], string] => {
    const l = lang();
    if (!line.includes(" ")) {
      const hits = commands
        .map((c) => `/${shownName(l, c)} `)
        .filter((c) => c.startsWith(line.startsWith("/") ? line : `/${line}`));
      return [hits, line];
    }
    const def = commands.find((c) => line.startsWith(`/${shownName(l, c)} `));
    const m = line.match(/^\/(\S+)(.*?)([\p{L}\p{N}_-]+):([^:]*)$/u);
    if (m) {
      const [, , , option, partial = ""] = m;
      const named = (command: string, name: string) =>
        def?.name === command &&
        (def.options ?? []).some((o) => o.name === name && shownName(l, o) === option);
      const kind = named("who", "name") ? "person" : named("office", "title") ? "office" : null;
      if (kind) {
        const prefix = line.slice(0, line.length - partial.length);
        return [
          engine.search
            .autocomplete(partial, { kind })
            .map((h) => `${prefix}${hitName(engine.dataset, h, l)}`),
          line,
        ];
      }
      return [[], line];
    }
    // A group and a subcommand are words of their own ("/trivia term start "); options take a
    // value ("name:"). The words typed so far lead through the definition; the last one is
    // being typed.
    const words = line.split(" ");
    const done = words.slice(1, -1);
    const path = def ? walkPath(def, done, (o, word) => word === shownName(l, o)) : null;
    const options = !path
      ? []
      : path.ok
        ? path.options.map((o) => `${shownName(l, o)}:`)
        : path.unknown === undefined && path.used === done.length
          ? path.expected.map((o) => `${shownName(l, o)} `)
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
    /** The language of the Discord the answers are for: `npm start -- --locale ru`, or `lang ru`. */
    private lang: Lang = "en",
  ) {}

  private get caller() {
    return consoleCaller(this.lang);
  }

  /** The language answers are in now. */
  get language(): Lang {
    return this.lang;
  }

  /** Shows a message and remembers it if it has buttons or a menu. */
  show(payload: MessagePayload): void {
    if (payload.components?.length) this.newest = payload;
    this.out(payloadToText(payload, 72, this.lang));
  }

  /** An answer of any kind: a message is shown; a form is shown and waits for the next line. */
  private respond(response: BotResponse): void {
    if (response.type === "choices") return;
    if (response.type === "modal") {
      this.form = response.modal;
      this.out(modalToText(response.modal, this.lang));
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
          caller: this.caller,
        }),
      );
      return;
    }
    // "lang ru" / "lang en": the console's own command, not Discord's (no command is named so).
    const switchTo = line.match(/^(?:lang|язык)(?:\s+(\S*))?\s*$/i);
    if (switchTo) {
      const wanted = switchTo[1]?.toLowerCase();
      if (wanted === "ru" || wanted === "en") {
        this.lang = wanted;
        this.out(text(wanted).consoleLanguage({ lang: wanted }));
      } else this.out(text(this.lang).consoleLanguageUsage);
      return;
    }
    if (/^\d+$/.test(line)) {
      const target = this.newest ? componentAt(this.newest, Number(line)) : null;
      if (!target) {
        this.out(text(this.lang).consoleNoButton);
        return;
      }
      this.respond(await this.router.handle({ type: "component", ...target, caller: this.caller }));
      return;
    }
    // As typed: a slash command (the slash may be left out) or a message command's "name: text".
    const result = await runSlash(this.router, line, this.caller);
    if (!result.ok) this.out(result.error);
    else this.respond(result.response);
  }
}

/** The interactive console `npm start` opens when there is no token and a person at a terminal. */
export async function startConsole(engine: Engine, databasePath?: string, lang: Lang = "en"): Promise<void> {
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
    else out(payloadToText(payload, 72, lang));
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
    showingMessenger((payload) => {
      const now = session?.language ?? lang;
      return post(payload, `— ${text(now).postedLater({ wait: waitWords(now, later), via: "channel" })} —`);
    }),
    { clock: dailyClock },
  );
  days.daily.oneDay = true;
  // Only the console's own rounds: a bot sharing the file owns its rounds in Discord.
  await trivia.resume((round) => round.channel_id === CONSOLE_CALLER.channelId);
  const router = createRouter({ ...engine, trivia, daily: days.daily });
  session = new ConsoleSession(router, out, lang);
  rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    completer: completer(engine, router, () => session?.language ?? lang),
    prompt: "apparat> ",
    historySize: 200,
  });
  // A supervisor's or a terminal's signal ends the console as "exit" does: trivia stopped, the
  // database closed.
  const leave = () => rl?.close();
  process.once("SIGTERM", leave);
  process.once("SIGHUP", leave);
  process.once("SIGINT", leave);
  out(text(lang).consoleBanner);
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
