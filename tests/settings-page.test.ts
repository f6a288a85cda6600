// /settings page as a server's moderator uses it: a private link that opens the page, revoked at
// once, a new one on enabling again; refused to members, outside servers, and where no page is served.
import { describe, expect, it } from "vitest";
import { COMMANDS, COMPONENTS } from "../commands/index.js";
import { httpApp } from "../src/http/app.js";
import { MessageFlags } from "../src/interactions/api.js";
import { Router } from "../src/interactions/router.js";
import { createTrivia, showingMessenger } from "../src/interactions/trivia.js";
import type { BotResponse, Caller } from "../src/interactions/types.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { PageStore } from "../src/trivia/pages.js";
import { ProgressQueries } from "../src/trivia/progress.js";
import { engine } from "./helpers.js";

const ds = engine().dataset;

const caller = (extra: Partial<Caller> = {}): Caller => ({
  userId: "700000000000000001",
  guildId: "900000000000000001",
  channelId: "800000000000000001",
  locale: "en-US",
  canManageGuild: true,
  ...extra,
});

function setup(base: string | null = "https://apparat.example.org") {
  const { sql } = openSqlite(":memory:");
  const game = createTrivia(
    ds,
    sql,
    showingMessenger(() => undefined),
  );
  const router = new Router(
    { ...engine(), trivia: game, ...(base ? { progressPageBase: base } : {}) },
    COMMANDS,
    COMPONENTS,
  );
  const page = (who: Caller, action: string) =>
    router.handle({
      type: "command",
      command: "settings",
      group: "page",
      subcommand: action,
      options: {},
      caller: who,
    });
  const app = httpApp({
    ops: { readiness: async () => ({ ready: true, shards: [0] }), metrics: async () => "" },
    page: () => ({ pages: new PageStore(sql), progress: new ProgressQueries(sql, ds) }),
  });
  return { page, app, router };
}

const said = (r: BotResponse) => {
  if (r.type !== "reply") throw new Error(`a ${r.type}`);
  expect((r.payload.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  return { content: r.payload.content ?? "", refused: r.refused === true };
};

const pathOf = (content: string) => {
  const url = content.match(/https:\/\/apparat\.example\.org(\/p\/[A-Za-z0-9_-]{43})\n/);
  if (!url) throw new Error(`no link in ${content}`);
  return url[1] as string;
};

describe("/settings page", () => {
  it("enable answers privately with a link to the page; revoke makes it 404 at once; enable again gives a new one", async () => {
    const { page, app } = setup();
    const first = said(await page(caller(), "enable"));
    expect(first.refused).toBe(false);
    const link = pathOf(first.content);
    expect((await app.request(link)).status).toBe(200);
    expect(said(await page(caller(), "revoke")).content).toBe(
      "The progress page is down: its link opens nothing any more.",
    );
    expect((await app.request(link)).status).toBe(404);
    expect(said(await page(caller(), "revoke"))).toEqual({
      content: "This server has no progress page to take down.",
      refused: true,
    });
    const next = pathOf(said(await page(caller(), "enable")).content);
    expect(next).not.toBe(link);
    expect((await app.request(next)).status).toBe(200);
    // Enabling while a page is up replaces its link too.
    const third = pathOf(said(await page(caller(), "enable")).content);
    expect((await app.request(next)).status).toBe(404);
    expect((await app.request(third)).status).toBe(200);
  });

  it("is refused to members without Manage Server, outside servers, and where the bot serves no page", async () => {
    const { page } = setup();
    expect(said(await page(caller({ canManageGuild: false }), "enable"))).toEqual({
      content: "Only someone with Manage Server can turn this server's progress page on or off.",
      refused: true,
    });
    expect(said(await page(caller({ canManageGuild: false }), "revoke")).refused).toBe(true);
    expect(said(await page(caller({ guildId: null }), "enable")).content).toMatch(
      /^The progress page is for servers/,
    );
    const unserved = setup(null);
    expect(said(await unserved.page(caller(), "enable")).content).toMatch(/has not set HTTP_PORT/);
  });

  it("answers a subcommand the group does not have, or the group alone (as an old registration sent it), politely, changing nothing", async () => {
    const { page, app } = setup();
    const link = pathOf(said(await page(caller(), "enable")).content);
    expect(said(await page(caller(), "disable"))).toEqual({
      content: "/settings page has no subcommand “disable”; it takes one of: enable, revoke. Try /help.",
      refused: true,
    });
    const { router } = setup();
    const old = await router.handle({
      type: "command",
      command: "settings",
      subcommand: "page",
      options: { action: "revoke" },
      caller: caller(),
    });
    expect(said(old)).toEqual({ content: "/settings page needs one of: enable, revoke.", refused: true });
    expect(said(await page(caller({ locale: "ru" }), "disable")).content).toBe(
      "У команды /настройки страница нет подкоманды «disable»; есть: включить, отключить. Справка — /помощь.",
    );
    expect((await app.request(link)).status).toBe(200);
  });

  it("speaks Russian to a Russian moderator", async () => {
    const { page } = setup();
    const reply = said(await page(caller({ locale: "ru" }), "enable"));
    expect(reply.content).toMatch(/^Страница успеваемости сервера: https:\/\/apparat\.example\.org\/p\//);
    // The commands named as a Russian Discord shows them.
    expect(reply.content).toContain("`/настройки страница отключить` закроет страницу");
    expect(reply.content).toContain("`/настройки страница включить` даст новую ссылку");
  });
});
