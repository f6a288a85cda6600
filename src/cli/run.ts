import { writeFileSync } from "node:fs";
import type { Engine } from "../app.js";
import { configOrMessage } from "../config.js";
import { createRouter, payloadJson, runSlash } from "../console/run.js";
import { CONSOLE_CALLER } from "../console/slash.js";
import { componentAt, payloadToText } from "../console/text.js";
import type { MessagePayload } from "../interactions/types.js";
import type { Clock } from "../trivia/game.js";

/** Commands that keep scores: they get the database (DATABASE_PATH) and trivia. */
const NEEDS_TRIVIA = /^\/?(trivia|leaderboard|study)\b/;

/**
 * Time for a one-shot CLI run: it starts now and moves only when the run plays a round out, so a
 * round's reveals and standings are printed at once, in order, and no round is left running.
 */
class VirtualClock implements Clock {
  private t = Date.now();
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => this.t;
  setTimer = (ms: number, fn: () => void) => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimer = (handle: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== handle);
  };
  /** Moves on to the next timer and fires it, telling `moving` how many seconds pass first; false when none is left. */
  fireNext(moving: (seconds: number) => void): boolean {
    const next = this.timers.sort((a, b) => a.at - b.at || a.id - b.id).shift();
    if (!next) return false;
    moving((next.at - this.t) / 1000);
    this.t = next.at;
    next.fn();
    return true;
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

export interface RunOptions {
  json: boolean;
  out?: string;
  /** Buttons or menu entries to press, in order, each in the newest message that has them (1-based). */
  press?: number[];
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
  const print = (payload: MessagePayload, heading?: string) => {
    if (opts.json) process.stdout.write(`${JSON.stringify(payloadJson(payload), null, 2)}\n`);
    else process.stdout.write(`${heading ? `— ${heading} —\n` : ""}${payloadToText(payload)}\n`);
  };
  let newest: MessagePayload | null = null;
  const shown = (payload: MessagePayload, heading?: string) => {
    if (payload.components?.length) newest = payload;
    print(payload, heading);
  };

  const clock = new VirtualClock();
  let postedAfter = 0;
  let closeDb = (): void => undefined;
  let playing = engine;
  if (NEEDS_TRIVIA.test(command.trim())) {
    const { config, message } = configOrMessage();
    if (!config) {
      process.stderr.write(`${message}\n`);
      return 1;
    }
    const { openDatabase } = await import("../storage/db.js");
    const { createTrivia } = await import("../interactions/trivia.js");
    const db = openDatabase(config.DATABASE_PATH);
    closeDb = () => db.close();
    const trivia = createTrivia(
      engine.dataset,
      db,
      {
        send: async (_channel, payload) => shown(payload, `posted to the channel ${postedAfter} s later`),
      },
      { clock },
    );
    playing = { ...engine, trivia };
  }
  try {
    const router = createRouter(playing);
    const result = await runSlash(router, command);
    if (!result.ok) {
      process.stderr.write(`${result.error}\n`);
      return 2;
    }
    const { response } = result;
    if (response.type === "choices") {
      process.stdout.write(`${JSON.stringify(response.choices, null, 2)}\n`);
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
      const target = newest ? componentAt(newest, n) : null;
      if (!target) {
        process.stderr.write(`There is no button or entry ${n} in the newest message.\n`);
        return 2;
      }
      const pressed = await router.handle({ type: "component", ...target, caller: CONSOLE_CALLER });
      if (pressed.type !== "choices") shown(pressed.payload, `after pressing ${n}`);
    }
    // Play any round out: each timer in turn, its posts printed as they are made.
    while (
      clock.fireNext((seconds) => {
        postedAfter = Math.round(seconds);
      })
    )
      await settle();
    return 0;
  } finally {
    playing.trivia?.shutdown();
    closeDb();
  }
}
