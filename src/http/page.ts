// The teacher's page as HTML: a term's leaderboard a page at a time with the group's accuracy per
// era and links to the earlier terms, and one player's own page. Every text comes from the
// language tables and every value someone wrote (a display name, a term's name) goes through
// esc(). Links keep the chosen language and the term asked for.
import { type Lang, text } from "../i18n/index.js";
import type { BoardRow, EraTally, PlayerProgress } from "../trivia/progress.js";
import type { TermRow } from "../trivia/terms.js";
import { accuracyChart } from "./chart.js";
import { esc, layout } from "./html.js";

const percent = (correct: number, answered: number) =>
  answered ? Math.round((correct * 100) / answered) : 0;

const OTHER: Record<Lang, { lang: Lang; name: string }> = {
  en: { lang: "ru", name: "Русский" },
  ru: { lang: "en", name: "English" },
};

/** A link to one of the page's own addresses, with the language and any other query values. */
function href(path: string, lang: Lang, query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({
    ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
    lang,
  });
  return `${path}?${params.toString()}`;
}

function header(lang: Lang, title: string, switchTo: string): string {
  const words = text(lang);
  const other = OTHER[lang];
  return `<header>
<h1>${esc(title)}</h1>
<nav class="lang" aria-label="${esc(words.webLanguage)}"><a href="${esc(switchTo)}" hreflang="${other.lang}" lang="${other.lang}">${esc(other.name)}</a></nav>
</header>`;
}

function eraChart(lang: Lang, eras: readonly EraTally[]): string {
  const words = text(lang);
  return accuracyChart(
    words.webErasTitle,
    eras.map((e) => {
      const p = percent(e.correct, e.answered);
      return {
        label: words.categoryNames[`era:${e.era}`] ?? e.era,
        percent: e.answered ? p : null,
        value: words.webEraValue({ correct: e.correct, answered: e.answered, percent: p }),
      };
    }),
  );
}

const nameOf = (lang: Lang, name: string | null) => (name?.trim() ? name : text(lang).webNoName);

/** What a page shows: a term (running or ended), or everything since the last reset. */
export interface TermShown {
  term: TermRow | undefined;
  /** The link's own query for it: the term's id when the link named one, else nothing. */
  query: Record<string, number>;
}

function termLine(lang: Lang, shown: TermShown): string {
  const words = text(lang);
  const t = shown.term;
  const line = !t
    ? words.webTerm
    : t.ended_at === null
      ? words.webTermRunning({ name: t.name })
      : words.webTermEnded({ name: t.name });
  return `<p class="muted">${esc(line)}</p>`;
}

export interface BoardView {
  /** The page's own path: /p/<secret>. */
  base: string;
  lang: Lang;
  /** 0-based. */
  page: number;
  pages: number;
  rows: readonly (BoardRow & { handle: string | undefined })[];
  eras: readonly EraTally[];
  openReports: number;
  shown: TermShown;
  /** The scope's ended terms, newest first, each a link. */
  ended: readonly TermRow[];
}

function termsList(v: BoardView): string {
  const words = text(v.lang);
  const items = v.ended.map((t) =>
    t.id === v.shown.term?.id
      ? `<li aria-current="page">${esc(t.name)}</li>`
      : `<li><a href="${esc(href(v.base, v.lang, { term: t.id }))}">${esc(t.name)}</a></li>`,
  );
  const back =
    v.shown.query.term === undefined
      ? ""
      : `<p><a href="${esc(href(v.base, v.lang))}">${esc(words.webCurrentBoard)}</a></p>`;
  return items.length === 0 && !back
    ? ""
    : `<h2>${esc(words.webEarlierTerms)}</h2>
${items.length ? `<ul class="terms">${items.join("")}</ul>` : ""}${back}`;
}

export function boardPage(v: BoardView): string {
  const words = text(v.lang);
  const rows = v.rows.map(
    (r) =>
      `<tr><td>${r.rank}</td><td>${
        r.handle
          ? `<a href="${esc(href(`${v.base}/player/${r.handle}`, v.lang, v.shown.query))}">${esc(nameOf(v.lang, r.name))}</a>`
          : esc(nameOf(v.lang, r.name))
      }</td><td>${r.points}</td><td class="wide">${r.answered}</td><td class="wide">${r.correct}</td><td>${esc(
        words.webPercent({ value: percent(r.correct, r.answered) }),
      )}</td></tr>`,
  );
  const paging =
    v.pages > 1
      ? `<nav class="pages" aria-label="${esc(words.webPageOf({ page: v.page + 1, total: v.pages }))}">${
          v.page > 0
            ? `<a rel="prev" href="${esc(href(v.base, v.lang, { ...v.shown.query, page: v.page }))}">← ${esc(words.webPrevious)}</a>`
            : ""
        }<span>${esc(words.webPageOf({ page: v.page + 1, total: v.pages }))}</span>${
          v.page + 1 < v.pages
            ? `<a rel="next" href="${esc(href(v.base, v.lang, { ...v.shown.query, page: v.page + 2 }))}">${esc(words.webNext)} →</a>`
            : ""
        }</nav>`
      : "";
  const table =
    v.rows.length === 0
      ? `<p>${esc(words.webNoPlayers)}</p>`
      : `<div class="table"><table>
<thead><tr><th scope="col">${esc(words.webRank)}</th><th scope="col">${esc(words.webPlayer)}</th><th scope="col">${esc(words.webPoints)}</th><th scope="col" class="wide">${esc(words.webAnswered)}</th><th scope="col" class="wide">${esc(words.webCorrect)}</th><th scope="col">${esc(words.webAccuracy)}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
${paging}`;
  const body = `${header(v.lang, words.webTitle, href(v.base, OTHER[v.lang].lang, { ...v.shown.query, ...(v.page > 0 ? { page: v.page + 1 } : {}) }))}
<main>
${termLine(v.lang, v.shown)}
<h2>${esc(words.webBoard)}</h2>
${table}
<h2>${esc(words.webErasTitle)}</h2>
${eraChart(v.lang, v.eras)}
<p>${esc(words.webOpenReports({ count: v.openReports }))}</p>
${termsList(v)}
</main>`;
  return layout(v.lang, words.webTitle, body);
}

export interface PlayerView {
  base: string;
  /** This player's page's own path. */
  path: string;
  lang: Lang;
  player: PlayerProgress;
  shown: TermShown;
}

export function playerPage(v: PlayerView): string {
  const words = text(v.lang);
  const p = v.player;
  const title = words.webPlayerTitle({ name: nameOf(v.lang, p.name) });
  const body = `${header(v.lang, title, href(v.path, OTHER[v.lang].lang, v.shown.query))}
<main>
${termLine(v.lang, v.shown)}
<p>${esc(words.webPlace({ rank: p.rank }))}</p>
<div class="table"><table>
<thead><tr><th scope="col">${esc(words.webPoints)}</th><th scope="col">${esc(words.webAnswered)}</th><th scope="col">${esc(words.webCorrect)}</th><th scope="col">${esc(words.webAccuracy)}</th></tr></thead>
<tbody><tr><td>${p.points}</td><td>${p.answered}</td><td>${p.correct}</td><td>${esc(
    words.webPercent({ value: percent(p.correct, p.answered) }),
  )}</td></tr></tbody>
</table></div>
<p>${esc(words.webDailyStreak(p.dailyStreak))}</p>
<h2>${esc(words.webErasTitle)}</h2>
${eraChart(v.lang, p.eras)}
<p><a href="${esc(href(v.base, v.lang, v.shown.query))}">← ${esc(words.webBack)}</a></p>
</main>`;
  return layout(v.lang, title, body);
}
