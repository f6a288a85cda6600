// The teacher's page in a real browser (Chromium through playwright-core) over a real HTTP port:
// paging, the language switch, a player's page, a revoked link, no request to any other host, no
// serious or critical accessibility problem (axe-core), dark mode, and a picture at phone width.
// One browser and one server for the whole file.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpApp } from "../src/http/app.js";
import { type RunningHttp, startHttp } from "../src/http/server.js";
import { createLogger } from "../src/log.js";
import { projectPath } from "../src/paths.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { PageStore } from "../src/trivia/pages.js";
import { ProgressQueries } from "../src/trivia/progress.js";
import { engine } from "./helpers.js";
import { chromiumMissing, launchChromium } from "./support/chromium.js";
import { seedProgress } from "./support/progress-fixture.js";

/** Where the phone-width picture is kept (var/ is git-ignored), for a reviewer to look at. */
export const PHONE_SCREENSHOT = projectPath("var", "screenshots", "teacher-page-phone.png");

const AXE_SOURCE = readFileSync(projectPath("node_modules", "axe-core", "axe.min.js"), "utf8");

const missing = chromiumMissing();

describe.skipIf(missing !== "")("the teacher's page in Chromium", () => {
  let browser: Browser;
  let http: RunningHttp;
  let origin: string;
  let secret: string;
  let pages: PageStore;

  beforeAll(async () => {
    const { sql } = openSqlite(":memory:");
    const ds = engine().dataset;
    // 60 players: three pages of the board. The two at the top go by names that test escaping
    // and Cyrillic: one tries to be markup.
    await seedProgress(sql, ds, { scope: "guild-browser", players: 60 });
    const progress = new ProgressQueries(sql, ds);
    const [first, second] = await progress.board("guild-browser", 0);
    for (const [row, name] of [
      [first, "<script>alert('x')</script>"],
      [second, "Мария Иванова"],
    ] as const)
      await sql.run("UPDATE player_names SET name = ? WHERE scope = 'guild-browser' AND user_id = ?", [
        name,
        row?.userId ?? "",
      ]);
    await sql.run(
      "INSERT INTO question_reports (scope, question_id, user_id, text, created_at) VALUES ('guild-browser', 'q', 'u', 't', 1)",
    );
    pages = new PageStore(sql);
    secret = await pages.enable("guild-browser", "teacher", 1);
    const data = { pages, progress };
    const app = httpApp({
      ops: { readiness: async () => ({ ready: true, shards: [0] }), metrics: async () => "" },
      page: () => data,
    });
    [http, browser] = await Promise.all([
      startHttp(app, { port: 0, host: "127.0.0.1" }, createLogger({ level: "silent" })),
      launchChromium(),
    ]);
    origin = `http://127.0.0.1:${http.port}`;
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await http?.close();
  });

  /** A fresh page that records every request it makes and every console error. */
  async function open(
    path: string,
    options: { locale?: string; colorScheme?: "light" | "dark"; width?: number } = {},
  ) {
    const context = await browser.newContext({
      locale: options.locale ?? "en-US",
      colorScheme: options.colorScheme ?? "light",
      viewport: { width: options.width ?? 1024, height: 800 },
    });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    const response = await page.goto(`${origin}${path}`);
    return { page, context, requests, errors, status: response?.status() };
  }

  const ranks = (page: Page) => page.locator("tbody tr td:first-child").allTextContents();

  it("pages through the leaderboard with its links, and shows a name like <script> as text", async () => {
    const { page, context, errors } = await open(`/p/${secret}`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Trivia progress");
    expect((await ranks(page)).slice(0, 2)).toEqual(["1", "2"]);
    expect(await page.getByText("Page 1 of 3").count()).toBe(1);
    await page.getByRole("link", { name: /Next page/ }).click();
    await page.getByText("Page 2 of 3").waitFor();
    expect((await ranks(page))[0]).toBe("26");
    await page.getByRole("link", { name: /Next page/ }).click();
    await page.getByText("Page 3 of 3").waitFor();
    expect(await ranks(page)).toEqual(Array.from({ length: 10 }, (_, i) => String(51 + i)));
    await page.getByRole("link", { name: /Previous page/ }).click();
    await page.getByText("Page 2 of 3").waitFor();
    // The first player's name is shown as typed, and ran nothing.
    await page.goto(`${origin}/p/${secret}`);
    expect(await page.locator("tbody tr:first-child td:nth-child(2)").textContent()).toBe(
      "<script>alert('x')</script>",
    );
    expect(await page.locator("script").count()).toBe(0);
    expect(errors, "console errors (a blocked stylesheet would show here)").toEqual([]);
    await context.close();
  });

  it("switches language with its link, and opens in Russian for a Russian browser", async () => {
    const { page, context } = await open(`/p/${secret}`);
    await page.getByRole("link", { name: "Русский" }).click();
    await page.getByRole("heading", { name: "Таблица лидеров" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ru");
    await page.getByRole("link", { name: /Следующая страница/ }).click();
    await page.getByText("Страница 2 из 3").waitFor();
    await page.getByRole("link", { name: "English" }).click();
    await page.getByText("Page 2 of 3").waitFor();
    await context.close();
    const russian = await open(`/p/${secret}`, { locale: "ru-RU" });
    expect(await russian.page.locator("h1").textContent()).toBe("Успехи в викторине");
    await russian.context.close();
  });

  it("opens a player's own page from the board, with their numbers per era", async () => {
    const { page, context } = await open(`/p/${secret}`);
    await page.getByRole("link", { name: "Мария Иванова" }).click();
    await page.getByRole("heading", { name: "Мария Иванова: progress" }).waitFor();
    expect(await page.locator("svg title").textContent()).toMatch(
      /^Accuracy per era\. Revolution and civil war/,
    );
    await page.getByRole("link", { name: /Back to the leaderboard/ }).click();
    await page.getByRole("heading", { name: "Leaderboard" }).waitFor();
    await context.close();
  });

  it("makes no request to any other host", async () => {
    const { requests, context, page } = await open(`/p/${secret}`);
    await page.getByRole("link", { name: /Next page/ }).click();
    await page.getByText("Page 2 of 3").waitFor();
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    await context.close();
  });

  it("has no serious or critical accessibility problem (axe-core), light or dark", async () => {
    // The board in English and light, a player's page in Russian and dark: every element the page has.
    const player = await open(`/p/${secret}`);
    const playerPath = new URL(
      (await player.page.getByRole("link", { name: "Мария Иванова" }).getAttribute("href")) ?? "",
      origin,
    ).pathname;
    await player.context.close();
    for (const [path, colorScheme] of [
      [`/p/${secret}`, "light"],
      [`${playerPath}?lang=ru`, "dark"],
    ] as const) {
      {
        const { page, context } = await open(path, { colorScheme });
        // The page's CSP allows no script, so axe runs through the protocol's evaluate, not a tag.
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(async () => {
          const axe = (
            globalThis as unknown as {
              axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
            }
          ).axe;
          return (await axe.run()).violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes.length,
          }));
        });
        expect(
          violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
          `${colorScheme} ${path}`,
        ).toEqual([]);
        await context.close();
      }
    }
  });

  it("follows the system's dark mode and fits a phone's width; the picture is saved", async () => {
    const { page, context } = await open(`/p/${secret}`, { colorScheme: "dark", width: 390 });
    const background = await page.evaluate("getComputedStyle(document.body).backgroundColor");
    expect(background).toBe("rgb(20, 20, 24)");
    // Nothing wider than the screen but the table's own scrolling box.
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync(dirname(PHONE_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: PHONE_SCREENSHOT, fullPage: true });
    expect(readFileSync(PHONE_SCREENSHOT).subarray(1, 4).toString()).toBe("PNG");
    await context.close();
  });

  it("a revoked link gets the plain 404 at once", async () => {
    const before = await open(`/p/${secret}`);
    expect(before.status).toBe(200);
    await before.context.close();
    await pages.revoke("guild-browser");
    const after = await open(`/p/${secret}`);
    expect(after.status).toBe(404);
    expect(await after.page.locator("body").textContent()).toBe("Not found · Не найдено\n");
    await after.context.close();
    secret = await pages.enable("guild-browser", "teacher", 2);
  });
});
