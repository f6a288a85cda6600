#!/usr/bin/env node
// The offline command line: the same engine and handlers the bot uses, printed to a terminal.
import { constants } from "node:os";
import { createInterface } from "node:readline";
import { createEngine, type Engine } from "../app.js";
import { atAnswer } from "../query/at.js";
import { describeOffice, describePerson, personSummary } from "./describe.js";

const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  people [--json]                 every person in the dataset
  offices [--json]                every office and body
  show <id> [--json]              one person, office, term, event or source
  search [--json] <text>          fuzzy name search (--jsonl: one query per stdin line)
  at [--json] [--office <id>] <text>
                                  who held office at a date or interval (--jsonl: stdin)
  spot [--json] <text>            the people, offices and dates a message mentions, as "Look up
                                  in Apparat" finds them (--jsonl: one message per stdin line)
  questions validate FILE [--json]
                                  check a question set (JSON or CSV) as /trivia import would
  run "<slash command>" [--json] [--locale en|ru] [--out file.png] [--press N]...
                                  run one slash command as the bot would, e.g. "/who name:krushchev",
                                  or the message command: "Look up in Apparat: <message text>";
                                  --locale ru answers as for a Discord set to Russian, which also
                                  takes the Russian names: "/кто имя:Хрущёв" (default: en);
                                  --fill TEXT answers the form a press opens (a question report);
                                  --press N presses button or entry N of the newest message (trivia,
                                  /study, /leaderboard and /settings use DATABASE_PATH; a round
                                  plays out at once)

Exit status:
  0  answered
  1  the answer is a refusal or an error: a date that cannot be read, a name, id or message in
     which nothing is found, an invalid question file, something not allowed here, a failure
     (run: the newest answer decides, the command's or that of the last --press)
  2  usage: an unknown command or flag, a missing argument, or a command line that Discord would
     not send (an unknown command or option, a value outside an option's choices, range or
     length, a required option left out)
  With --jsonl, 0 once every line is answered: each line's object says how it went.
`;

interface Flags {
  json: boolean;
  jsonl: boolean;
  office?: string;
  out?: string;
  /** `--locale`: as typed, checked by the command that uses it. */
  locale?: string;
  press: number[];
  fill: string[];
  rest: string[];
  /** Flags no command takes ("--jsn"): a usage error rather than words to search for. */
  unknown: string[];
}

function parseFlags(args: string[]): Flags {
  const flags: Flags = { json: false, jsonl: false, press: [], fill: [], rest: [], unknown: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--json") flags.json = true;
    else if (a === "--jsonl") flags.jsonl = true;
    else if (a === "--office") flags.office = args[++i];
    else if (a.startsWith("--office=")) flags.office = a.slice("--office=".length);
    else if (a === "--out") flags.out = args[++i];
    else if (a === "--locale") flags.locale = args[++i] ?? "";
    else if (a.startsWith("--locale=")) flags.locale = a.slice("--locale=".length);
    else if (a === "--press") flags.press.push(Number(args[++i]));
    else if (a === "--fill") flags.fill.push(args[++i] ?? "");
    else if (a.startsWith("--press=")) flags.press.push(Number(a.slice("--press=".length)));
    else if (a.startsWith("--out=")) flags.out = a.slice("--out=".length);
    else if (/^--[a-z]/i.test(a)) flags.unknown.push(a);
    else flags.rest.push(a);
  }
  return flags;
}

const print = (text: string) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
const printJson = (value: unknown) => print(JSON.stringify(value, null, 2));

async function eachStdinLine(handle: (line: string) => void): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) handle(line);
}

function searchJson(engine: Engine, query: string) {
  const r = engine.search.search(query);
  return {
    query,
    best: r.best,
    results: r.results.map((h) => ({
      id: h.id,
      kind: h.kind,
      label: h.label,
      score: h.score,
      ...(h.matched ? { matched: h.matched } : {}),
    })),
  };
}

function searchText(engine: Engine, query: string): string {
  const r = searchJson(engine, query);
  const lines: string[] = [];
  const top = r.results[0];
  if (r.best && top) {
    lines.push(
      `Best match: ${top.label} (${top.kind}, ${top.id})${top.matched ? ` — matched ${top.matched}` : ""}`,
    );
  } else if (r.results.length > 0) {
    lines.push(`No confident match for "${query}". Did you mean:`);
  } else {
    lines.push(`Nothing found for "${query}".`);
  }
  r.results.forEach((h, i) => {
    lines.push(
      `  ${i + 1}. ${h.label} [${h.kind} ${h.id}] score ${h.score.toFixed(3)}${h.matched ? ` — ${h.matched}` : ""}`,
    );
  });
  return lines.join("\n");
}

function atText(engine: Engine, query: string, office?: string): string {
  const a = atAnswer(engine.dataset, query, office ? { office } : {});
  if (!a.ok) return a.error;
  const lines = [`${a.from} – ${a.to} (${a.precision})`];
  for (const h of a.holders) {
    const name = engine.dataset.personById.get(h.person)?.name ?? h.person;
    const officeName = engine.dataset.officeById.get(h.office)?.name ?? h.office;
    lines.push(
      `  ${name} — ${officeName}${h.basis === "de jure" ? "" : ` (${h.basis})`}: ${h.start} – ${h.end ?? "end unknown"}${h.endedByDeath ? " †" : ""}`,
    );
  }
  if (a.holders.length === 0) lines.push("  (no holder)");
  lines.push(a.note);
  return lines.join("\n");
}

/** The `spot` contract: {text, entities: [{id, kind, surface, start, end}], dates: [{surface, from, to, …}]}. */
function spotJson(engine: Engine, text: string) {
  const r = engine.spotter.spot(text);
  return {
    text,
    entities: r.entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      surface: e.surface,
      start: e.start,
      end: e.end,
    })),
    dates: r.dates.map((d) => ({ surface: d.surface, from: d.from, to: d.to, start: d.start, end: d.end })),
  };
}

function spotText(engine: Engine, found: ReturnType<typeof spotJson>): string {
  const lines: string[] = [];
  for (const e of found.entities) {
    const name =
      (e.kind === "person" ? engine.dataset.personById.get(e.id) : engine.dataset.officeById.get(e.id))
        ?.name ?? e.id;
    lines.push(`${e.kind.padEnd(6)} ${name} [${e.id}] ← "${e.surface}" (${e.start}–${e.end})`);
  }
  for (const d of found.dates) lines.push(`date   ${d.from} – ${d.to} ← "${d.surface}"`);
  if (lines.length === 0) lines.push("Nothing in this message names a person, office or date the bot knows.");
  return lines.join("\n");
}

/** "1 question", "2 questions". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describeReport(
  file: string,
  r: { ok: boolean; questions: number; errors: { line: number | null; path: string; message: string }[] },
) {
  if (r.ok) return `${file}: ${count(r.questions, "question", "questions")}, all valid.`;
  const lines = [`${file}: not imported (${count(r.errors.length, "problem", "problems")}):`];
  for (const e of r.errors)
    lines.push(
      `  ${[e.line !== null ? `line ${e.line}` : "", e.path].filter(Boolean).join(", ") || "file"}: ${e.message}`,
    );
  return lines.join("\n");
}

/**
 * What ends a run early: the reader of stdout gone (EPIPE: `cli … | head -3`), or a signal (SIGINT
 * from Ctrl-C, SIGTERM from a supervisor, SIGHUP from a closed terminal). A command that has
 * something to finish first (`run`, whose round must not be left running in the database) says so
 * with `windDown`; it is then told through `interrupted` and the process exits when it returns.
 * Any other command stops at once, as it always did.
 */
const interruption = new AbortController();
let windDown = false;
/** The exit status for each cause: a quiet 0 for a closed pipe, 128 + the signal's number. */
const exitStatusFor = (why: "EPIPE" | NodeJS.Signals) =>
  why === "EPIPE" ? Number(process.exitCode ?? 0) : 128 + (constants.signals[why] ?? 0);

function interrupt(why: "EPIPE" | NodeJS.Signals): void {
  const status = exitStatusFor(why);
  // A second cause (another signal, a further write to the closed pipe) changes nothing; a
  // second signal while winding down means "now".
  if (interruption.signal.aborted) {
    if (why !== "EPIPE") process.exit(status);
    return;
  }
  interruption.abort(why);
  process.exitCode = status;
  if (!windDown) process.exit(status);
  // The database is normally closed within milliseconds; never hang on it.
  setTimeout(() => process.exit(status), 5000).unref();
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const flags = parseFlags(args);
  if (!command || command === "help" || command === "--help" || command === "-h") {
    print(USAGE);
    return command ? 0 : 2;
  }
  if (flags.unknown.length > 0) {
    process.stderr.write(`Unknown option ${flags.unknown.join(" ")}.\n\n${USAGE}`);
    return 2;
  }
  const engine = await createEngine();
  const ds = engine.dataset;
  switch (command) {
    case "people": {
      if (flags.json) printJson(ds.people.map(personSummary));
      else for (const p of ds.people) print(`${p.id.padEnd(24)} ${p.name} (${p.nameRu})`);
      return 0;
    }
    case "offices": {
      if (flags.json) {
        printJson(
          ds.offices.map((o) => ({
            id: o.id,
            kind: o.kind,
            name: o.name,
            nameRu: o.nameRu,
            leading: o.leading,
          })),
        );
      } else for (const o of ds.offices) print(`${o.id.padEnd(28)} ${o.name} (${o.nameRu})`);
      return 0;
    }
    case "show": {
      const id = flags.rest[0];
      if (!id) {
        process.stderr.write("show needs an id, e.g. show nikita-khrushchev\n");
        return 2;
      }
      const person = ds.personById.get(id);
      const office = ds.officeById.get(id);
      const term = ds.termById.get(id);
      const event = ds.events.find((e) => e.id === id);
      const source = ds.sourceById.get(id);
      const record = person ?? office ?? term ?? event ?? source;
      if (!record) {
        const r = engine.search.search(id);
        const hint = r.results.slice(0, 3).map((h) => h.id);
        process.stderr.write(
          `No record with id "${id}".${hint.length ? ` Did you mean: ${hint.join(", ")}?` : ""}\n`,
        );
        return 1;
      }
      if (flags.json) printJson(record);
      else if (person) print(describePerson(ds, person));
      else if (office) print(describeOffice(ds, office));
      else printJson(record);
      return 0;
    }
    case "search": {
      if (flags.jsonl) {
        await eachStdinLine((line) => print(JSON.stringify(searchJson(engine, line))));
        return 0;
      }
      const query = flags.rest.join(" ");
      if (!query.trim()) {
        process.stderr.write("search needs a name, e.g. search krushchev\n");
        return 2;
      }
      const found = searchJson(engine, query);
      print(flags.json ? JSON.stringify(found, null, 2) : searchText(engine, query));
      return found.results.length > 0 ? 0 : 1;
    }
    case "at": {
      const opts = flags.office ? { office: flags.office } : {};
      if (flags.office && !ds.officeById.has(flags.office)) {
        process.stderr.write(
          `Unknown office "${flags.office}". Offices: ${ds.offices.map((o) => o.id).join(", ")}\n`,
        );
        return 2;
      }
      if (flags.jsonl) {
        await eachStdinLine((line) => print(JSON.stringify(atAnswer(ds, line, opts))));
        return 0;
      }
      const query = flags.rest.join(" ");
      if (!query.trim()) {
        process.stderr.write('at needs a date, e.g. at "May 1983"\n');
        return 2;
      }
      const answer = atAnswer(ds, query, opts);
      print(flags.json ? JSON.stringify(answer, null, 2) : atText(engine, query, flags.office));
      return answer.ok ? 0 : 1;
    }
    case "spot": {
      const json = (text: string) => JSON.stringify(spotJson(engine, text));
      if (flags.jsonl) {
        await eachStdinLine((line) => print(json(line)));
        return 0;
      }
      const text = flags.rest.join(" ");
      if (!text.trim()) {
        process.stderr.write(
          'spot needs a message, e.g. spot "was it krushchev or malenkov after stalin?"\n',
        );
        return 2;
      }
      const found = spotJson(engine, text);
      print(flags.json ? JSON.stringify(found, null, 2) : spotText(engine, found));
      return found.entities.length + found.dates.length > 0 ? 0 : 1;
    }
    case "questions": {
      const [sub, file] = flags.rest;
      if (sub !== "validate" || !file) {
        process.stderr.write("Usage: questions validate FILE [--json]\n");
        return 2;
      }
      const { validateQuestionFile } = await import("./questions.js");
      const report = await validateQuestionFile(file);
      print(flags.json ? JSON.stringify(report, null, 2) : describeReport(file, report));
      return report.ok ? 0 : 1;
    }
    case "run": {
      const { runCli } = await import("./run.js");
      if (flags.press.some((n) => !Number.isInteger(n) || n < 1)) {
        process.stderr.write("--press takes a button or entry number, 1 or more\n");
        return 2;
      }
      if (flags.locale !== undefined && flags.locale !== "en" && flags.locale !== "ru") {
        process.stderr.write("--locale takes en or ru\n");
        return 2;
      }
      if (interruption.signal.aborted) return Number(process.exitCode ?? 1);
      windDown = true;
      return runCli(engine, flags.rest.join(" "), {
        json: flags.json,
        press: flags.press,
        fill: flags.fill,
        interrupted: interruption.signal,
        lang: flags.locale === "ru" ? "ru" : "en",
        ...(flags.out ? { out: flags.out } : {}),
      });
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

// Piped into `head` or a pager that quits: the reader is gone, so stop quietly rather than crash.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED") interrupt("EPIPE");
  else throw err;
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => interrupt(signal));

main(process.argv.slice(2)).then(
  (code) => {
    if (interruption.signal.aborted) process.exit(Number(process.exitCode ?? code));
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
    if (interruption.signal.aborted) process.exit(1);
  },
);
