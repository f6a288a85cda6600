// In-process cost of each command through the router, as the bot calls it for an interaction: the
// request in, the payload out (nothing sent). Median of several passes, in µs per call, on the
// real dataset. Targets from issue #16: /who ≤ 15 µs, autocomplete ≤ 10 µs.
import { createEngine } from "../src/app.js";
import { createRouter } from "../src/console/run.js";
import { CONSOLE_CALLER } from "../src/console/slash.js";
import type { Router } from "../src/interactions/router.js";
import { createTrivia, showingMessenger } from "../src/interactions/trivia.js";
import type { BotRequest } from "../src/interactions/types.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { ManualClock } from "../src/trivia/clock.js";
import { percentile } from "./report.js";

const CALLS = 20_000;
const PASSES = 5;

interface Case {
  name: string;
  /** Another router than the plain one (trivia needs storage). */
  router?: Router;
  target?: number;
  /** The i-th request of the case (they vary, as real traffic does). */
  request: (i: number) => BotRequest;
}

const caller = { ...CONSOLE_CALLER };
const cmd = (command: string, options: Record<string, string>): BotRequest => ({
  type: "command",
  command,
  options,
  caller,
});
const auto = (command: string, name: string, value: string): BotRequest => ({
  type: "autocomplete",
  command,
  focused: { name, value },
  options: { [name]: value },
  caller,
});

const TYPED = ["krushchev", "Stalin", "андропов", "chernenko", "brezhnev", "gorbachev", "lenin?", "Sverdlov"];
const PREFIXES = ["kh", "st", "gorb", "бре", "andr", "mal", "ch", ""];
const MESSAGES = [
  "Our reading group meets Thursday: we cover Khrushchev's secret speech of February 1956 and how the First Secretary post came back in September 1953.",
  "Was Stalin still General Secretary after the 19th Congress in October 1952? Malenkov ran the Secretariat for about a week in March 1953, I think.",
  "Brezhnev, Andropov, Chernenko, Gorbachev: four general secretaries between 1964 and 1991. Андропов умер 9 февраля 1984 года.",
];
const DATES = ["1953-03-10", "May 1983", "10 November 1982", "1964", "1920"];

export async function benchCommands(): Promise<string[][]> {
  const engine = await createEngine();
  // Starts of real names and two more letters: many more distinct inputs than are kept.
  const starts = engine.dataset.people.flatMap((p) =>
    [1, 2, 3, 4, 5].map((n) => p.name.toLowerCase().slice(0, n)),
  );
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let n = 0;
  const unseen = () => {
    n++;
    const a = letters[Math.floor(n / starts.length) % 26] as string;
    const b = letters[Math.floor(n / (starts.length * 26)) % 26] as string;
    return `${starts[n % starts.length]}${a}${b}`;
  };
  const router = createRouter(engine);
  const people = engine.dataset.people.map((p) => p.id);
  const offices = engine.dataset.offices.map((o) => o.id);
  const cases: Case[] = [
    {
      name: "/who typed name (search + card)",
      target: 15,
      request: (i) => cmd("who", { name: TYPED[i % TYPED.length] as string }),
    },
    {
      name: "/who picked from autocomplete (id)",
      target: 15,
      request: (i) => cmd("who", { name: people[i % people.length] as string }),
    },
    {
      name: "/office picked (id)",
      request: (i) => cmd("office", { title: offices[i % offices.length] as string }),
    },
    {
      name: "/office typed",
      request: (i) => cmd("office", { title: ["general secretary", "генсек", "first sec"][i % 3] as string }),
    },
    { name: "/when (text card)", request: (i) => cmd("when", { date: DATES[i % DATES.length] as string }) },
    {
      name: "autocomplete /who, as people type (repeated prefixes)",
      target: 10,
      request: (i) => auto("who", "name", PREFIXES[i % PREFIXES.length] as string),
    },
    {
      // What nobody typed in a while: never among the answers kept, so worked out in full.
      name: "autocomplete /who, input not seen before",
      request: () => auto("who", "name", unseen()),
    },
    {
      name: "autocomplete /office",
      target: 10,
      request: (i) => auto("office", "title", ["", "g", "gen", "первый"][i % 4] as string),
    },
    {
      name: "card button (open a successor's card)",
      request: (i) => ({
        type: "component",
        customId: `v1|open|p1|${people[i % people.length]}|${caller.userId}`,
        values: [],
        caller,
      }),
    },
  ];
  // An imported question set and rounds drawn from it: each start writes its round to SQLite.
  const storage = openSqlite(":memory:");
  const trivia = createTrivia(
    engine.dataset,
    storage.sql,
    showingMessenger(() => undefined),
    {
      clock: new ManualClock(),
    },
  );
  const teacher = { ...caller, guildId: "900000000000000001", canManageGuild: true };
  const set = Array.from({ length: 40 }, (_, n) => ({
    question: `Question ${n}: who followed whom?`,
    correct: "Brezhnev",
    wrong: ["Andropov", "Chernenko", "Gorbachev"],
  }));
  await trivia.services?.saveSet(teacher, "Week 1", set);
  const playing = createRouter({ ...engine, trivia });
  void engine.spotter; // built before timing (the first lookup builds it)
  let round = 0;
  cases.push(
    {
      name: "Look up in Apparat (a 300-character message)",
      request: (i) => ({
        type: "command",
        command: "Look up in Apparat",
        options: {},
        caller,
        target: { messageId: "1", content: MESSAGES[i % MESSAGES.length] as string },
      }),
    },
    {
      name: "/trivia start set:Week 1 (imported set; the round written to SQLite)",
      router: playing,
      request: () => ({
        type: "command",
        command: "trivia",
        subcommand: "start",
        options: { set: "Week 1", questions: 5 },
        // A new channel each time: one running round per channel.
        caller: { ...teacher, channelId: String(800000000000000000n + BigInt(round++)) },
      }),
    },
  );
  const rows: string[][] = [];
  for (const c of cases) {
    const via = c.router ?? router;
    for (let i = 0; i < 2000; i++) await via.handle(c.request(i)); // warm-up
    const perCall: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < CALLS; i++) await via.handle(c.request(i));
      perCall.push(Number(process.hrtime.bigint() - t0) / 1000 / CALLS);
    }
    const sorted = perCall.sort((a, b) => a - b);
    const us = percentile(sorted, 50);
    rows.push([
      c.name,
      us.toFixed(2),
      `${(sorted[0] as number).toFixed(2)}–${(sorted.at(-1) as number).toFixed(2)}`,
      c.target ? `≤ ${c.target}` : "info",
      c.target ? (us <= c.target ? "PASS" : "MISS") : "",
    ]);
  }
  trivia.shutdown();
  await storage.close();
  return rows;
}
