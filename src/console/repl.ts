import { createInterface } from "node:readline";
import type { Engine } from "../app.js";
import { ApplicationCommandOptionType } from "../interactions/api.js";
import type { Router } from "../interactions/router.js";
import { createTrivia } from "../interactions/trivia.js";
import type { MessagePayload } from "../interactions/types.js";
import { openDatabase } from "../storage/db.js";
import { createRouter, runSlash } from "./run.js";
import { CONSOLE_CALLER } from "./slash.js";
import { componentAt, payloadToText } from "./text.js";

const BANNER = `Apparat — offline console
Not connected to Discord: set DISCORD_TOKEN in .env (see .env.example and the README) and run
npm start again to bring the bot online. Here you can type slash commands as in Discord:

  /who name:krushchev        /office title:gensec       /when date:May 1983
  /timeline                  /sources                   /help
  /trivia question           /study                     /leaderboard

Tab completes commands, options and names. Type a number to press that button or pick that
entry of the last answer. "exit" or Ctrl-D leaves.
`;

/** Tab completion: command names, then option names, then names from the autocomplete engine. */
function completer(engine: Engine, router: Router) {
  const commands = router.definitions;
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

/** The interactive console `npm start` opens when there is no token and a person at a terminal. */
export async function startConsole(engine: Engine, databasePath?: string): Promise<void> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  let last: MessagePayload | null = null;
  /** The newest message with buttons or a menu: what a typed number presses. */
  const remember = (payload: MessagePayload) => {
    if (payload.components?.length) last = payload;
  };
  const db = openDatabase(databasePath);
  // Trivia in the console posts its reveals and next questions straight to the terminal, above the
  // prompt, which is then drawn again with whatever the user had typed.
  let rl: ReturnType<typeof createInterface> | undefined;
  const trivia = createTrivia(engine.dataset, db, {
    send: async (_channel, payload) => {
      remember(payload);
      if (rl) process.stdout.write("\r\x1b[K");
      out(payloadToText(payload));
      rl?.prompt(true);
    },
  });
  await trivia.recover();
  const router = createRouter({ ...engine, trivia });
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
    if (line === "") {
      rl.prompt();
      continue;
    }
    if (/^\d+$/.test(line)) {
      const target = last ? componentAt(last, Number(line)) : null;
      if (!target) out("There is no such button or entry in the last answer.");
      else {
        const response = await router.handle({ type: "component", ...target, caller: CONSOLE_CALLER });
        if (response.type !== "choices") {
          remember(response.payload);
          out(payloadToText(response.payload));
        }
      }
      rl.prompt();
      continue;
    }
    const result = await runSlash(router, line.startsWith("/") ? line : `/${line}`);
    if (!result.ok) out(result.error);
    else if (result.response.type !== "choices") {
      remember(result.response.payload);
      out(payloadToText(result.response.payload));
    }
    rl.prompt();
  }
  rl.close();
  process.off("SIGTERM", leave);
  process.off("SIGHUP", leave);
  process.off("SIGINT", leave);
  trivia.shutdown();
  db.close();
}
