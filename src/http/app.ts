// The HTTP routes (hono): the operator's /healthz, /readyz and /metrics, and the teacher's page
// under /p/<secret>. Anything else, a malformed, guessed or revoked secret, and an unknown player
// all get the same plain 404, byte for byte, so a link's answer says nothing about which servers
// have a page.
import type { Context } from "hono";
import { Hono } from "hono";
import { text } from "../i18n/index.js";
import { type LogSink, silentLogger } from "../log-sink.js";
import type { BoardView } from "../trivia/boards.js";
import type { PageStore } from "../trivia/pages.js";
import { BOARD_PAGE_SIZE, type ProgressQueries } from "../trivia/progress.js";
import { playerHandle, userOfHandle } from "./handles.js";
import { CONTENT_SECURITY_POLICY } from "./html.js";
import { pageLang } from "./lang.js";
import { METRICS_CONTENT_TYPE } from "./metrics.js";
import type { Operations } from "./ops.js";
import { boardPage, playerPage, type TermShown } from "./page.js";
import { RateLimiter, type RateLimitOptions } from "./rate-limit.js";

export interface PageData {
  pages: PageStore;
  progress: ProgressQueries;
}

export interface HttpDeps {
  ops: Operations;
  /** The page's data once the database is open; until then its links get the plain 404. */
  page: () => PageData | undefined;
  /** Per address, for the page's routes. */
  rateLimit?: RateLimitOptions;
  /** The client's address (the socket's, under @hono/node-server). */
  addressOf?: (c: Context) => string;
  log?: LogSink;
}

/** Generous for a person paging through, tight for a guesser: 30 at once, then one every 2 s. */
export const PAGE_RATE_LIMIT: RateLimitOptions = { burst: 30, perMinute: 30 };

/** The same for every miss, in both languages, since which one a reader prefers is no matter here. */
const NOT_FOUND = `${text("en").webNotFound} · ${text("ru").webNotFound}\n`;
const TOO_MANY = `${text("en").webTooMany}\n${text("ru").webTooMany}\n`;
const UNAVAILABLE = `${text("en").webUnavailable}\n${text("ru").webUnavailable}\n`;

/** What the page says it shows, and the query its links carry to keep showing it. */
const shownOf = (view: BoardView, asked: string | undefined): TermShown => ({
  term: view.term,
  query: asked !== undefined && view.term ? { term: view.term.id } : {},
});

function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

export function httpApp(deps: HttpDeps): Hono {
  const app = new Hono();
  const limiter = new RateLimiter(deps.rateLimit ?? PAGE_RATE_LIMIT);
  const addressOf = deps.addressOf ?? socketAddress;
  const log = deps.log ?? silentLogger;
  const notFound = (c: Context) => c.text(NOT_FOUND, 404);

  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Robots-Tag", "noindex, nofollow");
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("Cache-Control", "no-store");
  });

  app.get("/healthz", (c) => c.text("ok\n"));
  app.get("/readyz", async (c) => {
    const state = await deps.ops.readiness();
    return c.json(state, state.ready ? 200 : 503);
  });
  app.get("/metrics", async (c) => {
    c.header("Content-Type", METRICS_CONTENT_TYPE);
    return c.body(await deps.ops.metrics());
  });

  app.use("/p/*", async (c, next) => {
    if (!limiter.take(addressOf(c))) {
      c.header("Retry-After", "60");
      return c.text(TOO_MANY, 429);
    }
    await next();
  });

  /** The scope a secret opens, or undefined for the 404. */
  const scopeFor = async (secret: string) => {
    const data = deps.page();
    if (!data) return undefined;
    const scope = await data.pages.scopeOf(secret);
    return scope === undefined ? undefined : { scope, data };
  };

  app.get("/p/:secret", async (c) => {
    const secret = c.req.param("secret");
    const found = await scopeFor(secret);
    if (!found) return notFound(c);
    const { scope, data } = found;
    const chosen = await data.progress.termView(scope, c.req.query("term"));
    if (!chosen) return notFound(c);
    const { view } = chosen;
    const lang = pageLang(c.req.query("lang"), c.req.header("Accept-Language"));
    const players = await data.progress.players(scope, view);
    const pages = Math.max(1, Math.ceil(players / BOARD_PAGE_SIZE));
    const asked = Number.parseInt(c.req.query("page") ?? "1", 10);
    const page = Math.min(Math.max(Number.isFinite(asked) ? asked : 1, 1), pages) - 1;
    const [rows, eras, openReports] = await Promise.all([
      data.progress.board(scope, page, view),
      data.progress.groupEras(scope, view),
      data.progress.openReports(scope),
    ]);
    return c.html(
      boardPage({
        base: `/p/${secret}`,
        lang,
        page,
        pages,
        rows: rows.map((r) => ({ ...r, handle: playerHandle(secret, r.userId) })),
        eras,
        openReports,
        shown: shownOf(view, c.req.query("term")),
        ended: chosen.ended,
      }),
    );
  });

  app.get("/p/:secret/player/:handle", async (c) => {
    const secret = c.req.param("secret");
    const found = await scopeFor(secret);
    const userId = found && userOfHandle(secret, c.req.param("handle"));
    const chosen =
      found && userId ? await found.data.progress.termView(found.scope, c.req.query("term")) : undefined;
    const player =
      found && userId && chosen
        ? await found.data.progress.player(found.scope, userId, chosen.view)
        : undefined;
    if (!player || !chosen) return notFound(c);
    const lang = pageLang(c.req.query("lang"), c.req.header("Accept-Language"));
    const shown = shownOf(chosen.view, c.req.query("term"));
    return c.html(playerPage({ base: `/p/${secret}`, path: c.req.path, lang, player, shown }));
  });

  app.notFound(notFound);
  app.onError((err, c) => {
    // Never the URL: it holds the page's secret.
    log.warn({ err, route: c.req.routePath }, "HTTP request failed");
    return c.text(UNAVAILABLE, 503);
  });
  return app;
}
