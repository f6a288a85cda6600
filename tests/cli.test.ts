import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needsDatabase } from "../src/cli/run.js";
import { createRouter } from "../src/console/run.js";
import { CONSOLE_CALLER } from "../src/console/slash.js";
import { text } from "../src/i18n/index.js";
import { ApplicationCommandOptionType } from "../src/interactions/api.js";
import { engine } from "./helpers.js";

/**
 * Runs the CLI exactly as `npm run --silent cli -- …` does (the launcher, on the compiled code it
 * rebuilds if the sources changed), without npm's own start-up cost.
 */
function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["scripts/launch.mjs", "cli", ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("CLI contract", () => {
  it("people --json prints people with id, name and nameRu", () => {
    const r = cli(["people", "--json"]);
    expect(r.code).toBe(0);
    const people = JSON.parse(r.stdout) as { id: string; name: string; nameRu: string }[];
    expect(people.length).toBeGreaterThanOrEqual(27);
    expect(people.find((p) => p.id === "nikita-khrushchev")).toMatchObject({
      name: "Nikita Khrushchev",
      nameRu: expect.stringMatching(/Хрущёв/),
    });
  });

  it("search --jsonl answers one JSON object per stdin line, in order", () => {
    const r = cli(["search", "--jsonl"], "krushchev\nPutin\nГорбачёв\n");
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.query, l.best])).toEqual([
      ["krushchev", "nikita-khrushchev"],
      ["Putin", null],
      ["Горбачёв", "mikhail-gorbachev"],
    ]);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(["query", "best", "results"]);
      for (const h of l.results) {
        expect(h).toMatchObject({
          id: expect.any(String),
          kind: expect.stringMatching(/^(person|office)$/),
          label: expect.any(String),
          score: expect.any(Number),
        });
      }
    }
  });

  it("search --json prints one object", () => {
    const r = cli(["search", "--json", "K.", "Chernenko"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ query: "K. Chernenko", best: "konstantin-chernenko" });
  });

  it("at --json follows the contract, for answers and errors", () => {
    const ok = JSON.parse(cli(["at", "--json", "May 1983"]).stdout);
    expect(ok).toMatchObject({
      query: "May 1983",
      ok: true,
      from: "1983-05-01",
      to: "1983-05-31",
      precision: "month",
      holders: [
        {
          person: "yuri-andropov",
          office: "general-secretary",
          start: "1982-11-12",
          end: "1984-02-09",
          basis: "de jure",
        },
      ],
      note: expect.any(String),
    });
    const bad = JSON.parse(cli(["at", "--json", "31 February 1953"]).stdout);
    expect(bad).toEqual({ query: "31 February 1953", ok: false, error: expect.stringMatching(/28 days/) });
  });

  it("spot --json follows the contract: entities with string indices, dates as ISO days", () => {
    const text = "was it krushchev or malenkov after stalin? in 1956";
    const r = cli(["spot", "--json", text]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      text,
      entities: [
        { id: "nikita-khrushchev", kind: "person", surface: "krushchev", start: 7, end: 16 },
        { id: "georgy-malenkov", kind: "person", surface: "malenkov", start: 20, end: 28 },
        { id: "joseph-stalin", kind: "person", surface: "stalin", start: 35, end: 41 },
      ],
      dates: [{ surface: "1956", from: "1956-01-01", to: "1956-12-31", start: 46, end: 50 }],
    });
    const none = cli(["spot", "--json", "our general meeting is at 5pm"]);
    expect(JSON.parse(none.stdout)).toEqual({
      text: "our general meeting is at 5pm",
      entities: [],
      dates: [],
    });
    expect(none.code).toBe(1);
  });

  it("spot --jsonl writes one object per line of input, in order", () => {
    const r = cli(["spot", "--jsonl"], "при Брежневе\nstalingrad\nthe 60s, gensec\n");
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.text)).toEqual(["при Брежневе", "stalingrad", "the 60s, gensec"]);
    expect(lines.map((l) => l.entities.map((e: { id: string }) => e.id))).toEqual([
      ["leonid-brezhnev"],
      [],
      ["general-secretary"],
    ]);
    expect(lines[2].dates).toMatchObject([{ surface: "the 60s", from: "1960-01-01", to: "1969-12-31" }]);
  });

  it("run shows what the message command sends, as for a slash command", () => {
    const r = cli(["run", "--json", "Look up in Apparat: was it krushchev or malenkov after stalin?"]);
    expect(r.code).toBe(0);
    const payload = JSON.parse(r.stdout);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.embeds[0].fields[0].value).toMatch(/Nikita Khrushchev.*Georgy Malenkov.*Joseph Stalin/s);
    expect(payload.components[0].components[0].custom_id).toMatch(/^v1\|spot\|/);
  });

  it("questions validate FILE --json follows the contract, exit 0 when valid and 1 when not", () => {
    const good = cli(["questions", "validate", "examples/question-set.json", "--json"]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({ ok: true, questions: 2, errors: [] });
    const dir = mkdtempSync(join(tmpdir(), "apparat-q-"));
    const one = join(dir, "one.csv");
    writeFileSync(one, "question,correct,wrong1\nWho came after Stalin?,Malenkov,Molotov\n");
    expect(cli(["questions", "validate", one]).stdout).toBe(`${one}: 1 question, all valid.\n`);
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "");
    expect(cli(["questions", "validate", empty]).stdout).toBe(
      `${empty}: not imported (1 problem):\n  file: The file is empty.\n`,
    );
    const file = join(dir, "week3.csv");
    writeFileSync(
      file,
      "question,correct,wrong1,wrong2,wrong3,wrong4,explanation,source,category,difficulty\nWho?,A,A,,,,,,,\n,B,C,,,,,,,hard\n",
    );
    const bad = cli(["questions", "validate", file, "--json"]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      ok: false,
      questions: 2,
      errors: [
        { line: 2, path: "correct", message: "The correct answer is also among the wrong ones." },
        { line: 3, path: "question", message: "This is required." },
      ],
    });
    const missing = cli(["questions", "validate", join(dir, "nope.csv"), "--json"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).ok).toBe(false);
    expect(cli(["questions", "validate"]).code).toBe(2);
  });

  it("run takes a local file for an attachment option (/trivia import file:…)", () => {
    const dir = mkdtempSync(join(tmpdir(), "apparat-q-"));
    const r = cli(["run", "/trivia import file:examples/question-set.csv name:Week 3"], undefined, {
      DATABASE_PATH: join(dir, "a.sqlite"),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Imported the set “Week 3”: 4 questions.");
  });

  it("at --jsonl answers each line", () => {
    const r = cli(["at", "--jsonl"], "11 November 1982\n14 October 1964\n");
    const [a, b] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(a.holders).toEqual([]);
    expect(b.holders.map((h: { person: string }) => h.person)).toEqual([
      "nikita-khrushchev",
      "leonid-brezhnev",
    ]);
  });

  it("show prints a readable record, and says so when an id is unknown", () => {
    expect(cli(["show", "general-secretary"]).stdout).toMatch(
      /General Secretary — Генеральный секретарь ЦК КПСС/,
    );
    const miss = cli(["show", "krushchev"]);
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/Did you mean: nikita-khrushchev/);
  });
});

describe("cli run", () => {
  it("prints the exact payload: Khrushchev's card first", () => {
    const r = cli(["run", "/who name:krushchev", "--json"]);
    expect(r.code).toBe(0);
    const payload = JSON.parse(r.stdout);
    expect(payload.embeds[0].title).toMatch(/^Nikita Khrushchev/);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
  });

  it("names Andropov for May 1983 and writes the timeline picture with --out", () => {
    expect(cli(["run", "/when date:May 1983"]).stdout).toMatch(/Yuri Andropov/);
    const out = join(mkdtempSync(join(tmpdir(), "apparat-png-")), "timeline.png");
    const r = cli(["run", "/timeline", "--out", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(1, 4).toString()).toBe("PNG");
  });
});

describe("cli run --locale: what a Russian Discord would show", () => {
  it("answers in Russian and takes the Russian names, in text and with --json, exit status as in English", () => {
    const card = cli(["run", "--locale", "ru", "/who name:Хрущёв"]);
    expect(card.code, card.stderr).toBe(0);
    expect(card.stdout).toMatch(/▌ Никита Хрущёв\n/);
    expect(card.stdout).toMatch(/Предшественник: Иосиф Сталин/);
    expect(card.stdout).toMatch(/\[2\] ▶️ Леонид Брежнев/);
    const json = cli(["run", "/кто имя:Хрущёв", "--json", "--locale=ru"]);
    expect(json.code, json.stderr).toBe(0);
    const payload = JSON.parse(json.stdout);
    expect(payload.embeds[0].title).toBe("Никита Хрущёв");
    expect(payload.embeds[0].fields[0].name).toBe("Должности");
    const lookup = cli(["run", "--locale", "ru", "Найти в Apparat: кто был после Сталина?"]);
    expect(lookup.code, lookup.stderr).toBe(0);
    expect(lookup.stdout).toMatch(/В этом сообщении[\s\S]*Иосиф Сталин/);
    const refused = cli(["run", "--locale", "ru", "/когда дата:вчера"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/Не могу прочитать «вчера» как дату/);
    const unsendable = cli(["run", "--locale", "ru", "/викторина начать вопросы:30"]);
    expect(unsendable.code).toBe(2);
    expect(unsendable.stderr).toMatch(/вопросы: 30 — вне допустимых значений; можно от 1 до 20\./);
    expect(unsendable.stdout).toBe("");
  });

  it("stays English by default and with --locale en, and refuses any other locale as a usage error", () => {
    expect(cli(["run", "--locale", "en", "/who name:Хрущёв", "--json"]).stdout).toMatch(
      /"title": "Nikita Khrushchev · Никита Хрущёв"/,
    );
    expect(cli(["run", "--locale", "en", "/кто имя:Хрущёв"]).code).toBe(2);
    const bad = cli(["run", "--locale", "de", "/who name:krushchev"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--locale takes en or ru/);
  });
});

describe("cli run: the exit status the usage documents, one per status", () => {
  const database = () => ({ DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "apparat-cli-")), "cli.sqlite") });

  it("0 when the command is answered: a card, a did-you-mean menu pressed, /settings with the database", () => {
    expect(cli(["run", "/when date:May 1983"]).code).toBe(0);
    expect(cli(["run", "Look up in Apparat: was it krushchev or malenkov?"]).code).toBe(0);
    const picked = cli(["run", "/who name:Nik", "--press", "1"]);
    expect(picked.code, picked.stderr).toBe(0);
    expect(picked.stdout).toMatch(/after pressing 1 —[\s\S]*Nikita Khrushchev · Никита Хрущёв/);
    const settings = cli(["run", "/settings trivia difficulty:any seconds:30"], undefined, database());
    expect(settings.code, settings.stderr).toBe(0);
    expect(settings.stdout).toMatch(/Trivia settings for this server[\s\S]*Seconds per question: 30/);
    expect(settings.stdout).not.toMatch(/not available/);
    const term = cli(["run", "/trivia term start name:Autumn"], undefined, database());
    expect(term.code, term.stderr).toBe(0);
    expect(term.stdout).toMatch(/The term “Autumn” has started\./);
    const ru = cli(
      ["run", "--locale", "ru", "/викторина семестр начать название:Осень"],
      undefined,
      database(),
    );
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout).toMatch(/Семестр «Осень» начался\./);
  });

  it("1 when the answer is a refusal: a date it cannot read, a name or message in which nothing is found", () => {
    const date = cli(["run", "/when date:yesterday"]);
    expect(date.code).toBe(1);
    expect(date.stdout).toMatch(/I couldn't read "yesterday" as a date/);
    const who = cli(["run", "/who name:xyzzy"]);
    expect(who.code).toBe(1);
    expect(who.stdout).toMatch(/I couldn't find “xyzzy”/);
    // The menu alone is not the card asked for.
    expect(cli(["run", "/who name:Nik"]).code).toBe(1);
    expect(cli(["run", "Look up in Apparat: see you at lunch tomorrow"]).code).toBe(1);
    expect(cli(["run", "/when date:1953 office:second secretary"]).code).toBe(1);
    const env = database();
    expect(cli(["run", "/trivia stop"], undefined, env).code).toBe(1);
    expect(cli(["run", "/trivia sets action:delete name:nothing"], undefined, env).code).toBe(1);
  });

  it("2 for a line Discord would not send, said politely on stderr, with nothing run or shown", () => {
    const cases: [string, RegExp][] = [
      ["/trivia start difficulty:any", /difficulty: “any” is not one of its choices: easy, medium, hard\./],
      ["/trivia start questions:30", /questions: 30 is out of range; it takes 1 to 20\./],
      ["/trivia start seconds:five", /seconds: takes a whole number, not “five”\./],
      ["/who krushchev", /Give options as name:value; \/who takes name:\./],
      ["/when", /\/when needs date: /],
      ["/nope", /There is no command \/nope\./],
      ["/trivia begin", /\/trivia needs one of: start, stop/],
      ["/trivia term action:start name:Autumn", /\/trivia term needs one of: start, end\./],
    ];
    const env = database();
    for (const [line, message] of cases) {
      const r = cli(["run", line], undefined, env);
      expect(r.code, line).toBe(2);
      expect(r.stderr, line).toMatch(message);
      expect(r.stdout, line).toBe("");
    }
    expect(cli(["run", "/who name:krushchev", "--jsn"]).code).toBe(2);
    expect(cli(["at"]).code).toBe(2);
  });
});

describe("cli run: the database for every command that keeps state", () => {
  it("opens it for each command that cannot answer without it, /settings included", async () => {
    // Without the database, a command that needs it says so; `run` must open it for that command.
    const router = createRouter(engine());
    const unavailable = [text("en").triviaUnavailable, text("en").studyUnavailable];
    const needing: string[] = [];
    for (const def of router.slashDefinitions) {
      const sub = def.options?.find((o) => o.type === ApplicationCommandOptionType.Subcommand)?.name;
      const r = await router.handle({
        type: "command",
        command: def.name,
        ...(sub ? { subcommand: sub } : {}),
        options: {},
        caller: CONSOLE_CALLER,
      });
      const content = r.type === "reply" ? (r.payload.content ?? "") : "";
      if (unavailable.includes(content)) needing.push(def.name);
    }
    expect(needing.sort()).toEqual(["daily", "leaderboard", "settings", "study", "trivia"]);
    for (const name of router.slashDefinitions.map((d) => d.name))
      expect(needsDatabase(`/${name} x:1`), name).toBe(needing.includes(name));
    // By the names a Russian Discord shows too (cli run --locale ru).
    for (const def of router.slashDefinitions)
      expect(needsDatabase(`/${def.name_localizations?.ru} x:1`), def.name).toBe(needing.includes(def.name));
  });
});

describe("exit status and pipes", () => {
  it("exits 1 on a date it cannot read and on a search that finds nothing, 2 on an empty search", () => {
    const at = cli(["at", "--json", "blah"]);
    expect(at.code).toBe(1);
    expect(JSON.parse(at.stdout)).toMatchObject({ query: "blah", ok: false });
    expect(cli(["search", "Putin"]).code).toBe(1);
    expect(cli(["search"]).code).toBe(2);
    expect(cli(["search", "krushchev"]).code).toBe(0);
  });

  it("stays quiet when the reader closes the pipe (cli … | head -1)", () => {
    // Far more output than a pipe holds, so the CLI is still writing when head has gone.
    const r = spawnSync(
      "sh",
      ["-c", `yes 1983 | head -3000 | "${process.execPath}" scripts/launch.mjs cli at --jsonl | head -1`],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe("cli run: trivia and study offline", () => {
  const database = () => ({ DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "apparat-cli-")), "cli.sqlite") });

  it("/trivia question: the question, the pressed answer locked in privately, then the reveal and standings", () => {
    const env = database();
    const r = cli(["run", "/trivia question", "--press", "1"], undefined, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Quick question/);
    expect(r.stdout).toMatch(
      /after pressing 1 —\n\(only you can see this\)\nLocked in: \*\*A\*\*|Locked in: A/,
    );
    expect(r.stdout).toMatch(/posted to the channel 30 s later —[\s\S]*Answer: /);
    expect(r.stdout).toMatch(/Standings[\s\S]*0\/1 right|Standings[\s\S]*1\/1 right/);
    // The answer was committed: the leaderboard of the same database has it.
    const board = cli(["run", "/leaderboard", "--json"], undefined, env);
    expect(JSON.parse(board.stdout).embeds[0].description).toMatch(/<@100000000000000001>/);
  });

  it("/trivia start --json prints every message of the round in order, as JSON objects", () => {
    const r = cli(["run", "/trivia start questions:2 seconds:10", "--json"], undefined, database());
    expect(r.code, r.stderr).toBe(0);
    const titles = r.stdout
      .split(/\n(?=\{)/)
      .map((doc) => JSON.parse(doc) as { embeds?: { title?: string }[] })
      .map((m) => m.embeds?.[0]?.title ?? "");
    expect(titles[0]).toBe("Question 1 of 2");
    expect(titles[1]).toMatch(/^Answer: /);
    expect(titles[2]).toBe("Question 2 of 2");
    expect(titles[3]).toMatch(/^Answer: /);
    expect(titles[4]).toBe("Standings");
  });

  it("/study: a private question, and pressing an answer gives the verdict and the next one", () => {
    const r = cli(["run", "/study", "--press", "2"], undefined, database());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Study — just for you/);
    expect(r.stdout).toMatch(/after pressing 2 —[\s\S]*(Right|Not quite)/);
  });
});
