// The HTTP routes through hono's app.request: the operator's endpoints, and the teacher's page as a
// reader sees it (names as text, paging, languages, the same 404 for every miss, the rate limit),
// over SQLite and PostgreSQL.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { httpApp, type PageData } from "../src/http/app.js";
import { playerHandle, userOfHandle } from "../src/http/handles.js";
import { pageLang } from "../src/http/lang.js";
import { BotMetrics } from "../src/http/metrics.js";
import { LocalOps, type Operations, type Readiness } from "../src/http/ops.js";
import { observedSql } from "../src/storage/observed.js";
import type { Sql } from "../src/storage/sql.js";
import { recordStreaks } from "../src/trivia/daily-store.js";
import { PageStore } from "../src/trivia/pages.js";
import { ProgressQueries } from "../src/trivia/progress.js";
import { TriviaStore } from "../src/trivia/store.js";
import { TermStore } from "../src/trivia/terms.js";
import { engine } from "./helpers.js";
import { freshDatabases, KINDS, postgresAvailable } from "./support/databases.js";
import { fixtureCorrect, fixtureUser, questionsByEra, seedProgress } from "./support/progress-fixture.js";

const ds = engine().dataset;
const freshDatabase = freshDatabases();

/** Questions of every era, for rounds a test plays by hand. */
const QUESTIONS = [...questionsByEra(ds, 1).values()].flat();

/**
 * A finished round in guild-a at `at`, asking one question per answer list; `answers[j]` is who
 * answered question j and whether right (100 points). `counted` as the round's end decided it.
 * Returns the asked questions' ids.
 */
async function playRound(
  sql: Sql,
  at: number,
  counted: 0 | 1,
  answers: readonly (readonly [user: string, right: boolean])[][],
): Promise<number[]> {
  const round = (await sql.get<{ id: number }>(
    `INSERT INTO rounds (guild_id, channel_id, starter_id, seconds, total, seed, started_at, ended_at, status, counted)
     VALUES ('guild-a', 'c', 'teacher', 20, ?, 1, ?, ?, 'finished', ?) RETURNING id`,
    [answers.length, at, at + 60_000, counted],
  )) as { id: number };
  const asked: number[] = [];
  for (const [j, list] of answers.entries()) {
    const row = (await sql.get<{ id: number }>(
      `INSERT INTO asked (round_id, question_id, position, opened_at, closes_at, closed_at, revealed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [round.id, QUESTIONS[j] as string, j, at, at + 20_000, at + 20_000, at + 20_000],
    )) as { id: number };
    asked.push(Number(row.id));
    for (const [user, right] of list)
      await sql.run(
        "INSERT INTO answers (asked_id, user_id, guild_id, choice, correct, points, answered_at) VALUES (?, ?, 'guild-a', 0, ?, ?, ?)",
        [row.id, user, right ? 1 : 0, right ? 100 : 0, at + 1000 + j],
      );
  }
  return asked;
}

const ANNA = "200000000000000001";
const BORIS = "200000000000000002";
const VERA = "200000000000000003";

const fixedOps = (state: Readiness, metrics = ""): Operations => ({
  readiness: async () => state,
  metrics: async () => metrics,
});

describe("the operator's endpoints", () => {
  it("/healthz answers 200 whatever the bot's state", async () => {
    const app = httpApp({ ops: fixedOps({ ready: false, reason: "x" }), page: () => undefined });
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok\n");
  });

  it("/readyz is 503 with the reason until every shard is connected and the database answers, then 200", async () => {
    const metrics = new BotMetrics();
    const ops = new LocalOps(metrics);
    const app = httpApp({ ops, page: () => undefined });
    let res = await app.request("/readyz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, reason: "the bot has not started its gateway yet" });
    ops.runs([0, 1], () => 42);
    ops.shardUp(0, true);
    res = await app.request("/readyz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      ready: false,
      reason: "shard 1 is not connected to Discord",
      shard: 1,
    });
    ops.shardUp(1, true);
    res = await app.request("/readyz");
    expect(await res.json()).toMatchObject({ ready: false, database: "unreachable" });
    const { sql } = await freshDatabase("sqlite", "readyz");
    ops.useDatabase(sql, async () => 0);
    res = await app.request("/readyz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, shards: [0, 1] });
    ops.shardUp(0, false);
    expect((await app.request("/readyz")).status).toBe(503);
  });

  it("/metrics counts interactions by command and outcome, answers, database errors, gateway and rounds", async () => {
    const metrics = new BotMetrics();
    const ops = new LocalOps(metrics);
    ops.runs([3], () => 87);
    ops.allUp(true);
    const { sql } = await freshDatabase("sqlite", "metrics");
    const watched = observedSql(sql, () => metrics.databaseError());
    ops.useDatabase(watched, async () => 2);
    metrics.handled("who", "ok", 0.002);
    metrics.handled("who", "ok", 0.004);
    metrics.handled("trivia", "refused", 0.01);
    metrics.answerCommitted();
    await expect(watched.get("SELECT nothing FROM nowhere")).rejects.toThrow();
    await expect(
      watched.transaction(async (tx) => {
        await tx.run("INSERT INTO nowhere VALUES (1)");
      }),
    ).rejects.toThrow();
    const res = await httpApp({ ops, page: () => undefined }).request("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const body = await res.text();
    expect(body).toContain('apparat_interactions_total{command="who",outcome="ok"} 2');
    expect(body).toContain('apparat_interactions_total{command="trivia",outcome="refused"} 1');
    expect(body).toContain('apparat_handler_seconds_count{command="who"} 2');
    expect(body).toContain("apparat_trivia_answers_committed_total 1");
    // The failed statement inside the transaction fails the transaction too: counted once.
    expect(body).toContain("apparat_database_errors_total 2");
    expect(body).toContain('apparat_gateway_connected{shard="3"} 1');
    expect(body).toContain('apparat_gateway_latency_seconds{shard="3"} 0.087');
    expect(body).toContain("apparat_trivia_rounds_running 2");
    expect(body).toContain("process_cpu_seconds_total");
  });
});

describe("the player handle in a page's links", () => {
  it("turns back into the same id under the same secret, and into nothing under another", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.string(), fc.string(), (id, a, b) => {
        const handle = playerHandle(a, id.toString()) as string;
        expect(handle).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(userOfHandle(a, handle)).toBe(id.toString());
        if (a !== b) expect(userOfHandle(b, handle)).toBeUndefined();
      }),
    );
  });

  it("refuses anything that is not a handle it made", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (secret, handle) => {
        const made = userOfHandle(secret, handle);
        if (made !== undefined) expect(playerHandle(secret, made)).toBe(handle);
      }),
    );
  });
});

describe("the page's language", () => {
  it("follows the switch first, then the first of Russian and English the browser prefers", () => {
    expect(pageLang("ru", "en-US")).toBe("ru");
    expect(pageLang("en", "ru")).toBe("en");
    expect(pageLang(undefined, "ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(pageLang(undefined, "de-DE,en;q=0.5,ru;q=0.4")).toBe("en");
    expect(pageLang(undefined, "en;q=0.2, ru;q=0.7")).toBe("ru");
    expect(pageLang(undefined, "ru;q=0")).toBe("en");
    expect(pageLang(undefined, undefined)).toBe("en");
    expect(pageLang("fr", undefined)).toBe("en");
  });

  it("reads any header without throwing, and says Russian only when the header names it", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (choice, header) => {
        const lang = pageLang(choice ?? undefined, header ?? undefined);
        expect(["en", "ru"]).toContain(lang);
        if (lang === "ru") expect(choice === "ru" || (header ?? "").toLowerCase().includes("ru")).toBe(true);
      }),
    );
  });
});

for (const kind of KINDS) {
  describe.skipIf(kind === "postgres" && !postgresAvailable())(`the teacher's page on ${kind}`, () => {
    const open = async (players: number, label: string) => {
      const { sql } = await freshDatabase(kind, `page_${label}`);
      const names = (i: number) =>
        i === 0 ? "<script>alert(1)</script>" : i === 1 ? 'Анна & "Co"' : `Player ${i}`;
      await seedProgress(sql, ds, { scope: "guild-a", players, nameOf: names });
      const pages = new PageStore(sql);
      const data: PageData = { pages, progress: new ProgressQueries(sql, ds) };
      const app = httpApp({
        ops: fixedOps({ ready: true, shards: [0] }),
        page: () => data,
        rateLimit: { burst: 1000, perMinute: 1000 },
      });
      const secret = await pages.enable("guild-a", "teacher", 1);
      return { sql, pages, app, secret };
    };

    it("shows the board by name (as text), never an id, with the eras and the open reports", async () => {
      const { app, secret, sql } = await open(3, "board");
      await sql.run(
        "INSERT INTO question_reports (scope, question_id, user_id, text, created_at) VALUES ('guild-a', 'q', 'u', 't', 1), ('guild-a', 'q', 'u', 't', 2)",
      );
      const res = await app.request(`/p/${secret}`, { headers: { "Accept-Language": "en-GB" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
      expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
      const html = await res.text();
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).not.toContain("<script");
      expect(html).toContain("Анна &amp; &quot;Co&quot;");
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(html).not.toContain(fixtureUser(0));
      expect(html).toContain("2 question reports are waiting");
      expect(html).toContain("Accuracy per era");
      // Every era has a bar caption; the fixture's player 2 answered three questions, two right.
      for (const era of [
        "Revolution and civil war",
        "The Stalin years",
        "The thaw",
        "Stagnation",
        "Perestroika",
      ])
        expect(html).toContain(era);
      // No address of another host: the only URL is SVG's namespace, which is never fetched.
      expect(html.match(/https?:\/\/[^"'\s<]+/g)).toEqual(["http://www.w3.org/2000/svg"]);
    });

    it("pages through the board 25 at a time, ranks continuing, and goes to the last page for a page past it", async () => {
      const { app, secret, sql } = await open(60, "paging");
      const first = await (await app.request(`/p/${secret}`)).text();
      expect(first).toContain("Page 1 of 3");
      expect(first).toContain(`href="/p/${secret}?page=2&amp;lang=en"`);
      expect(first).not.toContain('rel="prev"');
      const second = await (await app.request(`/p/${secret}?page=2&lang=en`)).text();
      expect(second).toContain("Page 2 of 3");
      expect(second).toMatch(/<tr><td>26<\/td>/);
      expect(second).not.toMatch(/<tr><td>25<\/td>/);
      const past = await (await app.request(`/p/${secret}?page=99`)).text();
      expect(past).toContain("Page 3 of 3");
      expect(past).toMatch(/<tr><td>60<\/td>/);
      // The same order as /leaderboard's (boards.ts), ties included: the page links each row's player.
      const shown = [first, second, past].flatMap((html) =>
        [...html.matchAll(/\/player\/([A-Za-z0-9_-]{22})/g)].map((m) => userOfHandle(secret, m[1] as string)),
      );
      const board = await new TriviaStore(sql).leaderboard("guild-a", 100);
      expect(shown).toEqual(board.map((r) => r.user_id));
    });

    it("speaks Russian to a Russian browser and switches by link", async () => {
      const { app, secret } = await open(2, "lang");
      const ru = await (
        await app.request(`/p/${secret}`, { headers: { "Accept-Language": "ru-RU,ru;q=0.9" } })
      ).text();
      expect(ru).toContain('<html lang="ru">');
      expect(ru).toContain("Таблица лидеров");
      expect(ru).toContain("Точность по эпохам");
      expect(ru).toContain(`href="/p/${secret}?lang=en"`);
      const en = await (
        await app.request(`/p/${secret}?lang=en`, { headers: { "Accept-Language": "ru" } })
      ).text();
      expect(en).toContain("Leaderboard");
    });

    it("gives each player a page of their own: answered, right, per era", async () => {
      const { app, secret } = await open(3, "player");
      const board = await (await app.request(`/p/${secret}`)).text();
      const handle = playerHandle(secret, fixtureUser(2)) as string;
      expect(board).toContain(`/p/${secret}/player/${handle}`);
      const res = await app.request(`/p/${secret}/player/${handle}?lang=en`);
      expect(res.status).toBe(200);
      const html = await res.text();
      // Player 2 answered questions 0–2 of the round: the first two are the revolution's.
      const right = [0, 1, 2].filter((j) => fixtureCorrect(2, j)).length;
      expect(html).toContain(`<td>3</td><td>${right}</td>`);
      const revolution = [0, 1].filter((j) => fixtureCorrect(2, j)).length;
      expect(html).toContain(
        `Revolution and civil war (1917–1922): ${Math.round((revolution * 100) / 2)}% (${revolution} right of 2)`,
      );
      expect(html).toContain("Perestroika (1985–1991): no answers yet");
      expect(html).not.toContain(fixtureUser(2));
    });

    it("answers every miss with the same plain 404: no such page, a guessed or revoked link, another server's player", async () => {
      const { app, secret, pages } = await open(2, "misses");
      const other = await pages.enable("guild-b", "teacher", 2);
      const strangerHandle = playerHandle(other, fixtureUser(0)) as string;
      const misses = [
        "/nothing-here",
        "/p/",
        "/p/short",
        `/p/${"A".repeat(43)}`,
        `/p/${secret}x`,
        `/p/${secret}/player/${"A".repeat(22)}`,
        `/p/${secret}/player/${strangerHandle}`,
        `/p/${other}/player/${playerHandle(other, "999")}`,
      ];
      const answers = await Promise.all(misses.map((m) => app.request(m)));
      const reference = answers[0] as Response;
      const referenceBody = await reference.clone().text();
      expect(reference.status).toBe(404);
      expect(referenceBody).toBe("Not found · Не найдено\n");
      for (const res of answers) {
        expect(res.status).toBe(404);
        expect(await res.text()).toBe(referenceBody);
        expect([...res.headers.entries()]).toEqual([...reference.headers.entries()]);
      }
      expect((await app.request(`/p/${secret}`)).status).toBe(200);
      expect(await pages.revoke("guild-a")).toBe(true);
      const revoked = await app.request(`/p/${secret}`);
      expect(revoked.status).toBe(404);
      expect(await revoked.text()).toBe(referenceBody);
      const again = await pages.enable("guild-a", "teacher", 3);
      expect(again).not.toBe(secret);
      expect((await app.request(`/p/${again}`)).status).toBe(200);
      expect((await app.request(`/p/${secret}`)).status).toBe(404);
    });

    /**
     * Autumn (ended): Anna right, Boris wrong. Spring (running, min-players 2): Boris and Vera in a
     * round of two, and Anna alone in a round of one, which doesn't count. Boris and Vera were
     * right with the question of the day on one day, Vera alone on the next.
     */
    const terms = async (label: string) => {
      const opened = await open(0, label);
      const { sql } = opened;
      const t0 = 1_900_000_000_000;
      const store = new TermStore(sql);
      await store.start("guild-a", "Autumn <2026>", "teacher", t0);
      await playRound(sql, t0 + 1000, 1, [
        [
          [ANNA, true],
          [BORIS, false],
        ],
      ]);
      await store.end("guild-a", "teacher", t0 + 100_000);
      await store.start("guild-a", "Spring", "teacher", t0 + 200_000);
      await sql.run("INSERT INTO trivia_settings (scope, min_players) VALUES ('guild-a', 2)");
      const [day1, day2] = await playRound(sql, t0 + 201_000, 1, [
        [
          [BORIS, true],
          [VERA, true],
        ],
        [
          [BORIS, false],
          [VERA, true],
        ],
      ]);
      await playRound(sql, t0 + 300_000, 0, [[[ANNA, true]]]);
      await sql.transaction(async (tx) => {
        await recordStreaks(tx, "guild-a", "2030-03-01", day1 as number);
        await recordStreaks(tx, "guild-a", "2030-03-02", day2 as number);
      });
      for (const [user, name] of [
        [ANNA, "Anna"],
        [BORIS, "Boris"],
        [VERA, "Vera"],
      ] as const)
        await sql.run(
          "INSERT INTO player_names (scope, user_id, name, updated_at) VALUES ('guild-a', ?, ?, 1)",
          [user, name],
        );
      const autumn = (await store.list("guild-a")).find((t) => t.name.startsWith("Autumn"));
      return { ...opened, autumnId: autumn?.id as number };
    };

    const namesIn = (html: string) =>
      [...html.matchAll(/<tr><td>(\d+)<\/td><td><a [^>]*>([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);

    it("shows the running term by default, without a round of fewer players than min-players, and links the ended ones", async () => {
      const { app, secret, autumnId } = await terms("term_running");
      const html = await (await app.request(`/p/${secret}?lang=en`)).text();
      expect(html).toContain("Term “Spring”, running");
      // Boris 100 of 2, Vera 200 of 2; Anna's round of one is left out.
      expect(namesIn(html)).toEqual(["1 Vera", "2 Boris"]);
      expect(html).toContain("Earlier terms");
      expect(html).toContain(`<a href="/p/${secret}?term=${autumnId}&amp;lang=en">Autumn &lt;2026&gt;</a>`);
      // The group's eras count only what the board counts: 4 answers, 3 right, none of Anna's.
      expect(html).toMatch(/Revolution and civil war \(1917–1922\): 100% \(2 right of 2\)/);
      expect(html).toMatch(/The Stalin years \(1922–1953\): 50% \(1 right of 2\)/);
      const ru = await (await app.request(`/p/${secret}?lang=ru`)).text();
      expect(ru).toContain("Семестр «Spring», идёт");
      expect(ru).toContain("Прошлые семестры");
    });

    it("shows an ended term by its link, its links keeping it, and answers a term not this server's with the 404", async () => {
      const { app, secret, autumnId, sql } = await terms("term_ended");
      const elsewhere = await new TermStore(sql).start("guild-b", "Theirs", "t", 1);
      const theirs = elsewhere.ok ? elsewhere.term.id : -1;
      const res = await app.request(`/p/${secret}?term=${autumnId}&lang=en`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("Term “Autumn &lt;2026&gt;”, ended");
      expect(namesIn(html)).toEqual(["1 Anna", "2 Boris"]);
      expect(html).toContain('<li aria-current="page">Autumn &lt;2026&gt;</li>');
      expect(html).toContain(`href="/p/${secret}?term=${autumnId}&amp;lang=ru"`);
      const anna = playerHandle(secret, ANNA) as string;
      expect(html).toContain(`/p/${secret}/player/${anna}?term=${autumnId}&amp;lang=en`);
      expect(html).toContain(`<a href="/p/${secret}?lang=en">The current leaderboard</a>`);
      const annaPage = await app.request(`/p/${secret}/player/${anna}?term=${autumnId}&lang=en`);
      expect(annaPage.status).toBe(200);
      const annaHtml = await annaPage.text();
      expect(annaHtml).toContain("Term “Autumn &lt;2026&gt;”, ended");
      expect(annaHtml).toContain("Place 1 on the leaderboard");
      expect(annaHtml).toContain("<td>100</td><td>1</td><td>1</td>");
      expect(annaHtml).toContain(
        `href="/p/${secret}?term=${autumnId}&amp;lang=en">← Back to the leaderboard`,
      );
      const missing = await app.request("/nothing");
      const body = await missing.text();
      for (const path of [
        `/p/${secret}?term=${autumnId + 100}`,
        `/p/${secret}?term=${theirs}`,
        `/p/${secret}?term=abc`,
        `/p/${secret}?term=`,
        `/p/${secret}/player/${anna}?term=x`,
        // Anna's only answers this term are in a round that doesn't count.
        `/p/${secret}/player/${anna}`,
      ]) {
        const r = await app.request(path);
        expect(r.status).toBe(404);
        expect(await r.text()).toBe(body);
      }
    });

    it("shows a player's streak of days with the question of the day, now and best, in both languages", async () => {
      const { app, secret } = await terms("streak");
      const vera = playerHandle(secret, VERA) as string;
      const boris = playerHandle(secret, BORIS) as string;
      expect(await (await app.request(`/p/${secret}/player/${vera}?lang=en`)).text()).toContain(
        "Question of the day: right 2 days in a row (best: 2)",
      );
      expect(await (await app.request(`/p/${secret}/player/${boris}?lang=en`)).text()).toContain(
        "Question of the day: right 0 days in a row (best: 1)",
      );
      expect(await (await app.request(`/p/${secret}/player/${vera}?lang=ru`)).text()).toContain(
        "Вопрос дня: 2 дня подряд без ошибок (лучшая серия — 2)",
      );
    });
  });
}

describe("the page's rate limit", () => {
  it("stops an address past its burst with 429, leaves other addresses and the operator's endpoints alone", async () => {
    const { sql } = await freshDatabase("sqlite", "limit");
    const data: PageData = { pages: new PageStore(sql), progress: new ProgressQueries(sql, ds) };
    let address = "192.0.2.1";
    const app = httpApp({
      ops: fixedOps({ ready: true, shards: [0] }),
      page: () => data,
      rateLimit: { burst: 5, perMinute: 1 },
      addressOf: () => address,
    });
    const guesses = await Promise.all(
      Array.from({ length: 7 }, (_, i) => app.request(`/p/${String(i).padStart(43, "x")}`)),
    );
    expect(guesses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 429, 429]);
    expect((await app.request("/healthz")).status).toBe(200);
    address = "192.0.2.2";
    expect((await app.request(`/p/${"y".repeat(43)}`)).status).toBe(404);
  });
});
