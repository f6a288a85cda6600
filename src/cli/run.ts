import { writeFileSync } from "node:fs";
import { COMMANDS } from "../../commands/index.js";
import type { Engine } from "../app.js";
import { configOrMessage } from "../config.js";
import { createRouter, payloadJson, runSlash } from "../console/run.js";
import { CONSOLE_CALLER, consoleCaller } from "../console/slash.js";
import { componentAt, formSubmission, modalToText, payloadToText } from "../console/text.js";
import { waitWords } from "../i18n/dates.js";
import { type Lang, text } from "../i18n/index.js";
import type { BotResponse, MessagePayload } from "../interactions/types.js";
import { sanitizeText } from "../text/sanitize.js";
import { ManualClock } from "../trivia/clock.js";
import type { RoundRow } from "../trivia/store.js";

/** Commands that keep state (scores, sets, settings): they get the database (DATABASE_PATH). */
const KEEPING_STATE = new Set(["trivia", "daily", "leaderboard", "study", "settings"]);

/**
 * Whether a command line needs the database: by its command's name, as the router finds it, or
 * the name a Russian Discord shows (`/викторина семестр начать …` with --locale ru).
 */
export function needsDatabase(line: string): boolean {
  const name = line.trim().replace(/^\//, "").split(/\s+/)[0]?.toLowerCase() ?? "";
  const def = COMMANDS.find((c) => c.data.name === name || c.data.name_localizations?.ru === name);
  return KEEPING_STATE.has(def?.data.name ?? name);
}

/**
 * The exit status an answer stands for: 0 when it does what was asked, 1 when it turns it down
 * (a date it cannot read, a name it cannot find, not allowed here; see BotResponse's `refused`).
 */
const statusOf = (response: BotResponse) =>
  (response.type === "reply" || response.type === "update") && response.refused ? 1 : 0;

export interface RunOptions {
  json: boolean;
  out?: string;
  /** Buttons or menu entries to press, in order, each in the newest message that has them (1-based). */
  press?: number[];
  /** Texts for the forms a press opens (a report), in order. */
  fill?: string[];
  /**
   * Aborted when the run must end early (stdout closed, a signal): nothing more is printed or
   * pressed, the round it started is stopped and committed, and the database closed.
   */
  interrupted?: AbortSignal;
  /** The language of the Discord the answers are for (`--locale`): English unless "ru". */
  lang?: Lang;
}

/**
 * `cli run "/who name:krushchev" [--json] [--out file] [--press N]…`: one command, exactly as the
 * bot answers it. Trivia and study run offline against DATABASE_PATH; a round plays out on a
 * virtual clock, so its later messages follow at once, each saying when it would be posted.
 * With --json every message is one JSON object, in order (a stream `jq -s` reads).
 */
export async function runCli(engine: Engine, command: string, opts: RunOptions): Promise<number> {
  if (!command.trim()) {
    process.stderr.write('Give a slash command, e.g. run "/who name:krushchev"\n');
    return 2;
  }
  const stopping = () => opts.interrupted?.aborted === true;
  const lang = opts.lang ?? "en";
  const caller = consoleCaller(lang);
  const words = text(lang);
  const print = (payload: MessagePayload, heading?: string) => {
    // The reader may be gone: once interrupted, nothing more is written.
    if (stopping()) return;
    if (opts.json) process.stdout.write(`${JSON.stringify(payloadJson(payload), null, 2)}\n`);
    else process.stdout.write(`${heading ? `— ${heading} —\n` : ""}${payloadToText(payload, 72, lang)}\n`);
  };
  let newest: MessagePayload | null = null;
  const shown = (payload: MessagePayload, heading?: string) => {
    if (payload.components?.length) newest = payload;
    print(payload, heading);
  };

  // A round plays out at once on a clock that moves only when the run moves it on.
  const clock = new ManualClock();
  let postedAfter = 0;
  let closeDb = async (): Promise<void> => undefined;
  /** The round this run starts, if any, and how to stop it (see `finally`). */
  let roundNow = async (): Promise<RoundRow | undefined> => undefined;
  let before: RoundRow | undefined;
  let playing = engine;
  if (needsDatabase(command)) {
    const { config, message } = configOrMessage();
    if (!config) {
      process.stderr.write(`${message}\n`);
      return 1;
    }
    const { openStorage } = await import("../storage/open.js");
    const { createTrivia, showingMessenger } = await import("../interactions/trivia.js");
    const { TriviaStore } = await import("../trivia/store.js");
    const storage = await openStorage(config);
    closeDb = () => storage.close();
    const store = new TriviaStore(storage.sql);
    roundNow = () => store.runningRound(CONSOLE_CALLER.channelId as string);
    before = await roundNow();
    const trivia = createTrivia(
      engine.dataset,
      storage.sql,
      showingMessenger((payload, via) =>
        shown(
          payload,
          words.postedLater({
            wait: waitWords(lang, postedAfter),
            via: via === "channel" ? "channel" : "follow-up",
          }),
        ),
      ),
      { clock },
    );
    // `/daily set`: that schedule's next question and its reveal play out on the virtual clock
    // below, and then the run ends (no day after it).
    trivia.daily.oneDay = true;
    playing = { ...engine, trivia };
  }
  try {
    const router = createRouter(playing);
    const result = await runSlash(router, command, caller);
    if (!result.ok) {
      process.stderr.write(`${sanitizeText(result.error)}\n`);
      return 2;
    }
    const { response } = result;
    // The newest answer decides: a did-you-mean menu is 1, the card a press opens from it 0.
    let status = statusOf(response);
    if (response.type === "choices") {
      process.stdout.write(`${JSON.stringify(response.choices, null, 2)}\n`);
      return 0;
    }
    if (response.type === "modal") {
      process.stdout.write(
        `${opts.json ? JSON.stringify(response.modal, null, 2) : modalToText(response.modal, lang)}\n`,
      );
      return 0;
    }
    const { payload } = response;
    if (opts.out) {
      const file = payload.files?.[0];
      if (!file) {
        process.stderr.write("This command sends no attachment to write.\n");
        return 1;
      }
      writeFileSync(opts.out, file.data);
    }
    shown(payload);
    for (const n of opts.press ?? []) {
      if (stopping()) break;
      const target = newest ? componentAt(newest, n) : null;
      if (!target) {
        process.stderr.write(`There is no button or entry ${n} in the newest message.\n`);
        return 2;
      }
      let pressed = await router.handle({ type: "component", ...target, caller });
      status = statusOf(pressed);
      // A form (a report): filled in with --fill, as someone would type it in Discord.
      if (pressed.type === "modal") {
        if (opts.json) process.stdout.write(`${JSON.stringify(pressed.modal, null, 2)}\n`);
        else
          print(
            { content: modalToText(pressed.modal, lang), allowed_mentions: { parse: [] } },
            words.afterPressing({ n }),
          );
        const fill = opts.fill?.shift();
        if (fill === undefined) continue;
        pressed = await router.handle({
          type: "component",
          ...formSubmission(pressed.modal, fill),
          caller,
        });
        status = statusOf(pressed);
      }
      if (pressed.type === "reply" || pressed.type === "update")
        shown(pressed.payload, words.afterPressing({ n }));
    }
    // Play any round out: each timer in turn, its posts printed as they are made; interrupted,
    // after the step under way.
    while (
      !stopping() &&
      (await clock.next((ms) => {
        postedAfter = Math.round(ms / 1000);
      }))
    );
    return status;
  } finally {
    // A round this run started and did not finish (interrupted, or a failure) is stopped and
    // committed here, so that the channel's next /trivia start is not refused as busy.
    const left = await roundNow();
    if (left && left.id !== before?.id && playing.trivia) await playing.trivia.stop(caller);
    playing.trivia?.shutdown();
    await closeDb();
  }
}
