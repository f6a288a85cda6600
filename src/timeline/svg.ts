/**
 * Timeline pictures: a pure SVG builder. One row per term in chronological order, on a time axis,
 * with the styles of the sources' uncertainty (de facto, acting, imprecise and disputed dates,
 * vacancies). No I/O, no clock, no randomness: the same input always gives the same bytes.
 */
import type { Dataset } from "../data/load.js";
import type { Office, Person, Term } from "../data/schema.js";
import { claimBounds } from "../dates/calendar.js";
import { MONTHS_EN } from "../dates/parse.js";
import { type Lang, t } from "../i18n/index.js";
import { findHolders } from "../query/when.js";
import { textWidth } from "./metrics.js";

export interface TimelineOptions {
  /** First day shown, "YYYY-MM-DD". Default: the founding of the Secretariat (or the office's first term). */
  from?: string;
  /** Last day shown, "YYYY-MM-DD". Default: the ban of the party (or the office's last term). */
  to?: string;
  /** Only this office's terms; default: the party's leading-office chain (`ds.leadership`). */
  office?: string;
  /** A day to mark with a vertical line and its date. */
  highlight?: string;
  lang?: Lang;
  /** Picture width in pixels (default 1000; clamped to 480–4000). */
  width?: number;
}

export interface TimelineSvg {
  svg: string;
  width: number;
  height: number;
  /** Ids of the terms drawn, top row first. */
  terms: string[];
}

// ---------------------------------------------------------------------------------------------
// Layout constants (pixels)

const DEFAULT_WIDTH = 1000;
const MIN_WIDTH = 480;
const MAX_WIDTH = 4000;
const MARGIN_X = 16;
const FONT = "DejaVu Sans";
const FONT_SIZE = 14;
const TITLE_SIZE = 22;
const ROW_H = 26;
const BAR_H = 16;
const TOP_LANE_H = 26;
const LANE_H = 22;
const LEGEND_ROW_H = 22;
const MIN_BAR_W = 3;
/** Opacity at the uncertain end of an imprecise date. */
const FADE_LOW = 0.12;

const INK = "#1a1a1a";
const MUTED = "#555555";
const GRID_MAJOR = "#d4d4d4";
const GRID_MINOR = "#eeeeee";
const ZEBRA = "#f7f7f7";
const VACANCY = "#e8a317";
const VACANCY_INK = "#8a5a00";
const OUTSIDE = "#bdbdbd";
const DISPUTE_INK = "#b45309";
const HIGHLIGHT = "#111111";
const LEGEND_COLOR = "#5a5a5a";

/** Bar colours by office; anything else gets the fallback. */
const OFFICE_COLORS: Record<string, string> = {
  "technical-secretary": "#4d7c0f",
  "chairman-of-the-secretariat": "#0f766e",
  "responsible-secretary": "#6a51a3",
  "general-secretary": "#b3202a",
  "first-secretary": "#c2570c",
};
const FALLBACK_COLOR = "#3b5b92";

const OFFICE_SHORT: Record<Lang, Record<string, string>> = {
  en: {
    "technical-secretary": "Technical Secretary",
    "chairman-of-the-secretariat": "Chairman",
    "responsible-secretary": "Responsible Secretary",
    "general-secretary": "General Secretary",
    "first-secretary": "First Secretary",
  },
  ru: {
    "technical-secretary": "техсекретарь",
    "chairman-of-the-secretariat": "председатель Секретариата",
    "responsible-secretary": "ответсекретарь",
    "general-secretary": "генсек",
    "first-secretary": "первый секретарь",
  },
};

const TEXT = {
  en: {
    leaders: "The party's leaders",
    deJure: "de jure",
    deFacto: "de facto",
    acting: "acting",
    imprecise: "date known only to the month or year",
    died: "died in office",
    disputed: "start date disputed",
    vacant: "vacant",
    outside: "no party leadership",
    beforeFounding: "before the Secretariat",
    suspended: "party suspended",
    afterBan: "party banned",
    noTerms: "No terms in this range",
    reversed: "The start of the range is after its end.",
    badDate: (s: string) => `“${s}” is not a date of the form YYYY-MM-DD.`,
    unknownOffice: (s: string) => `There is no office “${s}”.`,
    beforeFoundingNote: (d: string) => `The Secretariat was established on ${d}.`,
    afterNote: (d: string) => `The party was banned on ${d}.`,
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    monthsLong: MONTHS_EN,
    yearSuffix: "",
  },
  ru: {
    leaders: "Руководители партии",
    deJure: "де-юре",
    deFacto: "де-факто",
    acting: "и. о.",
    imprecise: "дата известна лишь с точностью до месяца или года",
    died: "умер в должности",
    disputed: "дата начала оспаривается",
    vacant: "вакансия",
    outside: "нет руководства партии",
    beforeFounding: "до Секретариата",
    suspended: "КПСС приостановлена",
    afterBan: "КПСС запрещена",
    noTerms: "В этом промежутке никто не занимал должность",
    reversed: "Начало промежутка позже его конца.",
    badDate: (s: string) => `«${s}» — не дата вида ГГГГ-ММ-ДД.`,
    unknownOffice: (s: string) => `Должности «${s}» нет.`,
    beforeFoundingNote: (d: string) => `Секретариат образован ${d}.`,
    afterNote: (d: string) => `Партия запрещена ${d}.`,
    months: [
      "янв.",
      "февр.",
      "март",
      "апр.",
      "май",
      "июнь",
      "июль",
      "авг.",
      "сент.",
      "окт.",
      "нояб.",
      "дек.",
    ],
    monthsLong: [
      "января",
      "февраля",
      "марта",
      "апреля",
      "мая",
      "июня",
      "июля",
      "августа",
      "сентября",
      "октября",
      "ноября",
      "декабря",
    ],
    yearSuffix: " г.",
  },
} as const;

/** Genitive month abbreviations for compact Russian dates ("14 мар. 1953"). */
const RU_MONTHS_SHORT_GEN = [
  "янв.",
  "февр.",
  "мар.",
  "апр.",
  "мая",
  "июня",
  "июля",
  "авг.",
  "сент.",
  "окт.",
  "нояб.",
  "дек.",
];

// ---------------------------------------------------------------------------------------------
// Days as integers (days since 1970-01-01, UTC), so that the layout never touches the clock.

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(iso: string): [number, number, number] | null {
  const m = DAY_RE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const [, , back] = numParts(dayNum(y, mo, d));
  return back === d ? [y, mo, d] : null;
}

function dayNum(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / 86_400_000);
}

/** Day number of a valid ISO day (callers have checked it). */
function isoNum(iso: string): number {
  const [y, m, d] = parseDay(iso) ?? [1970, 1, 1];
  return dayNum(y, m, d);
}

function numParts(n: number): [number, number, number] {
  const date = new Date(n * 86_400_000);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** Numbers in the SVG: one decimal, no "-0". */
function f(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
}

function personLabel(
  person: Person | undefined,
  fallback: string,
  lang: Lang,
): { full: string; short: string } {
  if (!person) return { full: fallback, short: fallback };
  if (lang === "ru") {
    const words = person.nameRu.split(/\s+/).filter(Boolean);
    const first = words[0] ?? person.nameRu;
    const last = words[words.length - 1] ?? person.nameRu;
    return { full: words.length > 1 ? `${first} ${last}` : first, short: last };
  }
  const words = person.name.split(/\s+/).filter(Boolean);
  return { full: person.name, short: words[words.length - 1] ?? person.name };
}

function officeLabel(office: Office | undefined, id: string, lang: Lang): string {
  return OFFICE_SHORT[lang][id] ?? (office ? (lang === "ru" ? office.nameRu : office.name) : id);
}

/** "14 March 1953" / "14 марта 1953 г.", from a day number. */
function longDay(n: number, lang: Lang): string {
  const [y, m, d] = numParts(n);
  return `${d} ${TEXT[lang].monthsLong[m - 1]} ${y}${TEXT[lang].yearSuffix}`;
}

function shortMonth(m: number, lang: Lang): string {
  return lang === "ru" ? (RU_MONTHS_SHORT_GEN[m - 1] ?? "") : (TEXT.en.months[m - 1] ?? "");
}

/** A compact inclusive range of day numbers: "11 Nov 1982", "10–12 Feb 1984", "16 Oct 1952 – 5 Mar 1953". */
function compactRange(a: number, b: number, lang: Lang): string {
  const [y1, m1, d1] = numParts(a);
  const [y2, m2, d2] = numParts(b);
  const suffix = TEXT[lang].yearSuffix;
  if (a === b) return `${d1} ${shortMonth(m1, lang)} ${y1}${suffix}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${shortMonth(m1, lang)} ${y1}${suffix}`;
  if (y1 === y2) return `${d1} ${shortMonth(m1, lang)} – ${d2} ${shortMonth(m2, lang)} ${y1}${suffix}`;
  return `${d1} ${shortMonth(m1, lang)} ${y1} – ${d2} ${shortMonth(m2, lang)} ${y2}${suffix}`;
}

/** A term's own dates, compactly, at their precision: "14 Mar – 14 Sep 1953", "Dec 1919 – Mar 1921". */
function termDates(term: Term, lang: Lang): string {
  const s = term.start;
  const e = term.end;
  if (s.precision === "day" && e?.precision === "day")
    return compactRange(isoNum(s.date), isoNum(e.date), lang);
  const claim = (c: Term["start"]) => {
    const [y, m, d] = c.date.split("-").map(Number) as [number, number?, number?];
    if (c.precision === "year" || m === undefined) return String(y);
    if (c.precision === "month" || d === undefined) return `${TEXT[lang].months[m - 1]} ${y}`;
    return `${d} ${shortMonth(m, lang)} ${y}`;
  };
  if (!e) return `${claim(s)} –`;
  const a = claim(s);
  const b = claim(e);
  return a === b ? a : /^\d{4}$/.test(a) && /^\d{4}$/.test(b) ? `${a}–${b}` : `${a} – ${b}`;
}

function basisSuffix(term: Term, lang: Lang): string {
  if (term.basis === "de facto") return ` (${TEXT[lang].deFacto})`;
  if (term.basis === "acting") return ` (${TEXT[lang].acting})`;
  return "";
}

/** Cuts `text` with an ellipsis so that it fits `max` pixels (or returns "" if nothing fits). */
function fitText(text: string, max: number, size: number, weight: "normal" | "bold" = "normal"): string {
  if (textWidth(text, size, weight) <= max) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n--) {
    const cut = `${chars.slice(0, n).join("").trimEnd()}…`;
    if (textWidth(cut, size, weight) <= max) return cut;
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Colours

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Mixes a colour with white: `amount` 0 = the colour, 1 = white. */
function tint(hex: string, amount: number): string {
  const [r, g, b] = hexToRgb(hex);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `#${[mix(r), mix(g), mix(b)].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

// ---------------------------------------------------------------------------------------------
// Terms

function termsFor(ds: Dataset, office: string | undefined): readonly Term[] {
  if (!office) return ds.leadership;
  const record = ds.officeById.get(office);
  if (record?.kind === "title" && record.partOf) {
    return (ds.termsByOffice.get(record.partOf) ?? []).filter((x) => x.basis === "acting");
  }
  return ds.termsByOffice.get(office) ?? [];
}

/** Disputes about when a term began: "khrushchev-start", or a dispute over someone's dates. */
function startDisputed(ds: Dataset, term: Term): boolean {
  return term.disputes.some((id) => {
    const dispute = ds.disputeById.get(id);
    return /(^|-)start$/.test(id) || /dates/.test(id) || /\btook charge\b/i.test(dispute?.topic ?? "");
  });
}

interface Placed {
  term: Term;
  /** Day numbers: earliest/latest possible start, earliest/latest possible end (inclusive). */
  s0: number;
  s1: number;
  e0: number;
  e1: number;
}

function placeTerm(ds: Dataset, term: Term): Placed {
  const span = ds.leadershipSpan;
  const founded = isoNum(span.from);
  const sb = claimBounds(term.start);
  const s0 = Math.max(isoNum(sb.from), founded);
  const s1 = Math.max(isoNum(sb.to), s0);
  const eb = term.end ? claimBounds(term.end) : { from: span.to, to: span.to };
  const e1 = Math.max(isoNum(eb.to), s0);
  const e0 = Math.min(Math.max(isoNum(eb.from), s0), e1);
  return { term, s0, s1, e0, e1 };
}

// ---------------------------------------------------------------------------------------------
// The picture

interface Range {
  ok: boolean;
  /** Inclusive day numbers. */
  from: number;
  to: number;
  problem: string | null;
}

function resolveRange(
  ds: Dataset,
  options: TimelineOptions,
  terms: readonly Placed[],
  lang: Lang,
  officeProblem: string | null,
): Range {
  const L = TEXT[lang];
  for (const value of [options.from, options.to]) {
    if (value !== undefined && !parseDay(value)) {
      return { ok: false, from: 0, to: 0, problem: L.badDate(value) };
    }
  }
  let defaultFrom = isoNum(ds.leadershipSpan.from);
  let defaultTo = isoNum(ds.leadershipSpan.banned);
  if (options.office && terms.length > 0) {
    // An office's own period, widened to whole years.
    const first = Math.min(...terms.map((p) => p.s0));
    const last = Math.max(...terms.map((p) => p.e1));
    defaultFrom = dayNum(numParts(first)[0], 1, 1);
    defaultTo = dayNum(numParts(last)[0], 12, 31);
  }
  const from = options.from ? isoNum(options.from) : defaultFrom;
  const to = options.to ? isoNum(options.to) : defaultTo;
  if (from > to) return { ok: false, from, to, problem: L.reversed };
  return { ok: true, from, to, problem: officeProblem };
}

interface Tick {
  x: number;
  label: string | null;
  major: boolean;
}

/** Year ticks every 1, 2, 5, 10 or 20 years (whichever keeps labels apart), then months or days when zoomed in. */
function computeTicks(from: number, toExcl: number, X: (n: number) => number, lang: Lang): Tick[] {
  const width = X(toExcl) - X(from);
  const pxPerDay = width / (toExcl - from);
  const pxPerYear = pxPerDay * 365.2425;
  const yearLabelW = textWidth("0000", FONT_SIZE) + 18;
  const yearStep =
    [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].find((s) => s * pxPerYear >= yearLabelW) ?? 10_000;
  const ticks: Tick[] = [];
  const [y0] = numParts(from);
  const [y1] = numParts(toExcl);
  for (let y = y0; y <= y1; y++) {
    const n = dayNum(y, 1, 1);
    if (n < from || n > toExcl) continue;
    const labelled = y % yearStep === 0;
    if (labelled || pxPerYear >= 6)
      ticks.push({ x: X(n), label: labelled ? String(y) : null, major: labelled });
  }
  const pxPerMonth = pxPerYear / 12;
  const monthLabelW = Math.max(...TEXT[lang].months.map((m) => textWidth(m, FONT_SIZE))) + 14;
  const monthStep = [1, 2, 3, 6].find((s) => s * pxPerMonth >= monthLabelW);
  if (pxPerMonth >= 8) {
    const [fy, fm] = numParts(from);
    for (let y = fy, m = fm; ; m++) {
      if (m > 12) {
        m = 1;
        y++;
      }
      const n = dayNum(y, m, 1);
      if (n > toExcl) break;
      if (m === 1 || n < from) continue;
      const labelled = monthStep !== undefined && (m - 1) % monthStep === 0;
      ticks.push({ x: X(n), label: labelled ? (TEXT[lang].months[m - 1] ?? null) : null, major: false });
    }
  }
  const dayLabelW = textWidth("00", FONT_SIZE) + 12;
  const dayStep = [1, 2, 5, 10].find((s) => s * pxPerDay >= dayLabelW);
  if (dayStep !== undefined && pxPerMonth >= 120) {
    for (let n = from; n <= toExcl; n++) {
      const [, , d] = numParts(n);
      if (d === 1) continue;
      if ((d - 1) % dayStep !== 0 || d > 28) continue;
      ticks.push({ x: X(n), label: String(d), major: false });
    }
  }
  return ticks.sort((a, b) => a.x - b.x);
}

interface LaneLabel {
  x0: number;
  x1: number;
}

/** Places a label of one of the `candidates` (longest first) centred at `cx`, avoiding `taken`. */
function placeLaneLabel(
  candidates: string[],
  cx: number,
  left: number,
  right: number,
  taken: LaneLabel[],
): { text: string; x: number } | null {
  for (const text of candidates) {
    const w = textWidth(text, FONT_SIZE);
    if (w > right - left) continue;
    const x0 = Math.min(Math.max(cx - w / 2, left), right - w);
    const x1 = x0 + w;
    if (taken.some((o) => x0 < o.x1 + 8 && o.x0 < x1 + 8)) continue;
    taken.push({ x0, x1 });
    return { text, x: x0 };
  }
  return null;
}

/** The timeline of the party's leaders (or of one office) as an SVG document. Never throws on bad ranges. */
export function buildTimelineSvg(ds: Dataset, options: TimelineOptions = {}): TimelineSvg {
  const lang: Lang = options.lang === "ru" ? "ru" : "en";
  const L = TEXT[lang];
  const width = Math.round(
    Math.min(
      MAX_WIDTH,
      Math.max(MIN_WIDTH, Number.isFinite(options.width) ? (options.width as number) : DEFAULT_WIDTH),
    ),
  );
  const office = options.office ? ds.officeById.get(options.office) : undefined;
  const officeProblem = options.office && !office ? L.unknownOffice(options.office) : null;
  const all = termsFor(ds, options.office).map((term) => placeTerm(ds, term));
  const range = resolveRange(ds, options, all, lang, officeProblem);

  const left = MARGIN_X;
  const right = width - MARGIN_X;
  const chartW = right - left;
  const toExcl = range.to + 1;
  const X = (n: number) => left + ((n - range.from) / (toExcl - range.from)) * chartW;
  const pxPerDay = chartW / Math.max(1, toExcl - range.from);
  const detailedDates = toExcl - range.from <= 6 * 366;

  const rows = range.ok ? all.filter((p) => p.s0 <= range.to && p.e1 >= range.from) : [];

  // ----- Head
  const [fy] = numParts(range.from);
  const [ty] = numParts(range.to);
  const years = !range.ok ? "" : fy === ty ? String(fy) : `${fy}–${ty}`;
  const what = office
    ? lang === "ru"
      ? office.nameRu
      : office.name
    : options.office
      ? options.office
      : t(lang, "timelineTitle").replace(/,?\s*\d{4}–\d{4}\s*$/, "") || L.leaders;
  const title = years ? `${what}, ${years}` : what;
  const subtitle = range.ok ? `${longDay(range.from, lang)} – ${longDay(range.to, lang)}` : "";

  const defs: string[] = [];
  const back: string[] = [];
  const highlightLine: string[] = [];
  const boxes: string[] = [];
  const bands: string[] = [];
  const bars: string[] = [];
  const labels: string[] = [];
  const front: string[] = [];

  const head: string[] = [];
  head.push(
    `<text x="${f(left)}" y="30" font-size="${TITLE_SIZE}" font-weight="bold" fill="${INK}">${escapeXml(fitText(title, chartW, TITLE_SIZE, "bold"))}</text>`,
  );
  if (subtitle) {
    head.push(
      `<text x="${f(left)}" y="52" font-size="${FONT_SIZE}" fill="${MUTED}">${escapeXml(subtitle)}</text>`,
    );
  }

  const chartTop = 64 + TOP_LANE_H;
  const rowsH = Math.max(rows.length, 3) * ROW_H;
  const rowsBottom = chartTop + rowsH;
  const laneTop = rowsBottom;
  const axisY = laneTop + LANE_H;
  let height: number;

  const used = {
    deJure: false,
    deFacto: false,
    acting: false,
    imprecise: false,
    died: false,
    disputed: false,
  };
  let vacancyDrawn = false;
  let outsideDrawn = false;

  if (!range.ok) {
    // No axis to draw: just the message.
    const boxTop = 72;
    const lines = [L.noTerms, range.problem ?? ""].filter(Boolean);
    lines.forEach((line, i) => {
      labels.push(
        `<text x="${f(width / 2)}" y="${f(boxTop + 36 + i * 24)}" font-size="${i === 0 ? 18 : FONT_SIZE}"${i === 0 ? ' font-weight="bold"' : ""} fill="${i === 0 ? INK : MUTED}" text-anchor="middle">${escapeXml(fitText(line, chartW, i === 0 ? 18 : FONT_SIZE, i === 0 ? "bold" : "normal"))}</text>`,
      );
    });
    back.push(
      `<rect x="${f(left)}" y="${boxTop}" width="${f(chartW)}" height="${f(40 + lines.length * 24)}" rx="6" fill="${ZEBRA}" stroke="${GRID_MAJOR}"/>`,
    );
    height = boxTop + 40 + lines.length * 24 + 20;
  } else {
    // ----- Grid and axis
    const ticks = computeTicks(range.from, toExcl, X, lang);
    for (let i = 0; i < rows.length; i++) {
      if (i % 2 === 1) {
        back.push(
          `<rect x="${f(left)}" y="${f(chartTop + i * ROW_H)}" width="${f(chartW)}" height="${ROW_H}" fill="${ZEBRA}"/>`,
        );
      }
    }
    const tickLabels: LaneLabel[] = [];
    for (const tick of ticks) {
      back.push(
        `<line x1="${f(tick.x)}" y1="${f(chartTop)}" x2="${f(tick.x)}" y2="${f(axisY + (tick.label ? 5 : 0))}" stroke="${tick.major || tick.label ? GRID_MAJOR : GRID_MINOR}" stroke-width="1"/>`,
      );
    }
    // Labels: years first (they win collisions), then months/days.
    const ordered = [...ticks].sort((a, b) => Number(b.major) - Number(a.major));
    for (const tick of ordered) {
      if (!tick.label) continue;
      const placed = placeLaneLabel([tick.label], tick.x, left, right, tickLabels);
      if (!placed) continue;
      front.push(
        `<text x="${f(placed.x)}" y="${f(axisY + 19)}" font-size="${FONT_SIZE}"${tick.major ? ' font-weight="bold"' : ""} fill="${tick.major ? INK : MUTED}">${escapeXml(placed.text)}</text>`,
      );
    }
    back.push(
      `<line x1="${f(left)}" y1="${f(axisY)}" x2="${f(right)}" y2="${f(axisY)}" stroke="${MUTED}" stroke-width="1"/>`,
    );

    // ----- Vacancies and the days without a leadership
    const clampX = (n: number) => Math.min(right, Math.max(left, X(n)));
    const band = (fromN: number, toN: number) => {
      let x0 = clampX(fromN);
      let x1 = clampX(toN + 1);
      if (x1 - x0 < MIN_BAR_W) {
        const c = (x0 + x1) / 2;
        x0 = Math.max(left, Math.min(c - MIN_BAR_W / 2, right - MIN_BAR_W));
        x1 = x0 + MIN_BAR_W;
      }
      return { x0, x1 };
    };
    const laneTaken: LaneLabel[] = [];
    const laneLabels: { candidates: string[]; cx: number; color: string }[] = [];
    const answer = findHolders(ds, {
      from: isoOf(range.from),
      to: isoOf(range.to),
      precision: "range",
      label: "",
    });
    for (const o of answer.outside) {
      const a = isoNum(o.from);
      const b = isoNum(o.to);
      if (a > b) continue;
      const { x0, x1 } = band(a, b);
      outsideDrawn = true;
      back.push(
        `<rect x="${f(x0)}" y="${f(chartTop)}" width="${f(x1 - x0)}" height="${f(axisY - chartTop)}" fill="url(#outside)"/>`,
        `<line x1="${f(x0)}" y1="${f(chartTop)}" x2="${f(x0)}" y2="${f(axisY)}" stroke="${OUTSIDE}" stroke-width="1"/>`,
      );
      const word =
        o.kind === "before-founding" ? L.beforeFounding : o.kind === "suspended" ? L.suspended : L.afterBan;
      laneLabels.push({ candidates: [word], cx: (x0 + x1) / 2, color: MUTED });
    }
    if (!options.office) {
      // Vacancies too close to label one by one share a label: "vacant 11 Nov 1982; 10–12 Feb 1984".
      let cluster: { ranges: string[]; x0: number; x1: number } | null = null;
      const flush = () => {
        if (!cluster) return;
        laneLabels.push({
          candidates: [`${L.vacant} ${cluster.ranges.join("; ")}`, L.vacant],
          cx: (cluster.x0 + cluster.x1) / 2,
          color: VACANCY_INK,
        });
        cluster = null;
      };
      for (const v of answer.vacancies) {
        const a = isoNum(v.from);
        const b = isoNum(v.to);
        const { x0, x1 } = band(a, b);
        vacancyDrawn = true;
        bands.push(
          `<rect x="${f(x0)}" y="${f(chartTop)}" width="${f(x1 - x0)}" height="${f(axisY - chartTop)}" fill="${VACANCY}" fill-opacity="0.45"/>`,
        );
        const text = compactRange(a, b, lang);
        const reach = textWidth(`${L.vacant} ${text}`, FONT_SIZE) + 12;
        const c: { ranges: string[]; x0: number; x1: number } | null = cluster;
        if (c && x0 - c.x1 < reach) {
          c.ranges.push(text);
          c.x1 = x1;
        } else {
          flush();
          cluster = { ranges: [text], x0, x1 };
        }
      }
      flush();
    }
    laneLabels.sort((p, q) => p.cx - q.cx);
    for (const lab of laneLabels) {
      const placed = placeLaneLabel(lab.candidates, lab.cx, left, right, laneTaken);
      if (!placed) continue;
      const w = textWidth(placed.text, FONT_SIZE);
      boxes.push(
        `<rect x="${f(placed.x - 2)}" y="${f(laneTop + 3)}" width="${f(w + 4)}" height="${LANE_H - 6}" fill="#ffffff"/>`,
      );
      labels.push(
        `<text x="${f(placed.x)}" y="${f(laneTop + 16)}" font-size="${FONT_SIZE}" fill="${lab.color}">${escapeXml(placed.text)}</text>`,
      );
    }

    // ----- Bars
    const patterns = new Set<string>();
    rows.forEach((p, i) => {
      const term = p.term;
      const color = OFFICE_COLORS[term.office] ?? FALLBACK_COLOR;
      const rowTop = chartTop + i * ROW_H;
      const barY = rowTop + (ROW_H - BAR_H) / 2;
      const midY = rowTop + ROW_H / 2;
      let x0 = clampX(p.s0);
      let x1 = clampX(p.e1 + 1);
      if (x1 - x0 < MIN_BAR_W) {
        x0 = Math.max(left, Math.min(x0, right - MIN_BAR_W));
        x1 = x0 + MIN_BAR_W;
      }
      const startImprecise = term.start.precision !== "day" && p.s1 > p.s0;
      const endImprecise = !!term.end && term.end.precision !== "day" && p.e1 > p.e0;
      // A fade needs room to show; a bar of a few pixels is drawn plain.
      const faded = (startImprecise || endImprecise) && X(p.e1 + 1) - X(p.s0) >= 3 * MIN_BAR_W;
      if (faded) {
        used.imprecise = true;
        const ga = X(p.s0);
        const gb = X(p.e1 + 1);
        const span = Math.max(1e-6, gb - ga);
        const stop = (x: number) => Math.min(1, Math.max(0, (x - ga) / span));
        const stops: string[] = [];
        stops.push(`<stop offset="0" stop-color="#fff" stop-opacity="${startImprecise ? FADE_LOW : 1}"/>`);
        if (startImprecise) stops.push(`<stop offset="${stop(X(p.s1 + 1)).toFixed(4)}" stop-color="#fff"/>`);
        if (endImprecise) stops.push(`<stop offset="${stop(X(p.e0)).toFixed(4)}" stop-color="#fff"/>`);
        stops.push(`<stop offset="1" stop-color="#fff" stop-opacity="${endImprecise ? FADE_LOW : 1}"/>`);
        defs.push(
          `<linearGradient id="fade-g${i}" gradientUnits="userSpaceOnUse" x1="${f(ga)}" y1="0" x2="${f(gb)}" y2="0">${stops.join("")}</linearGradient>`,
          `<mask id="fade${i}" maskUnits="userSpaceOnUse" x="${f(left - 2)}" y="${f(rowTop)}" width="${f(chartW + 4)}" height="${ROW_H}"><rect x="${f(left - 2)}" y="${f(rowTop)}" width="${f(chartW + 4)}" height="${ROW_H}" fill="url(#fade-g${i})"/></mask>`,
        );
      }
      const rect = `x="${f(x0)}" y="${f(barY)}" width="${f(x1 - x0)}" height="${BAR_H}"`;
      let shape: string;
      if (term.basis === "de facto") {
        used.deFacto = true;
        const pid = `hatch-${term.office}`;
        if (!patterns.has(pid)) {
          patterns.add(pid);
          defs.push(hatchPattern(pid, color));
        }
        shape = `<rect ${rect} fill="url(#${pid})" stroke="${color}" stroke-width="1"/>`;
      } else if (term.basis === "acting") {
        used.acting = true;
        shape = `<rect ${rect} fill="${tint(color, 0.8)}" stroke="${color}" stroke-width="1.5" stroke-dasharray="4 3"/>`;
      } else {
        used.deJure = true;
        shape = `<rect ${rect} fill="${color}"/>`;
      }
      bars.push(faded ? `<g mask="url(#fade${i})">${shape}</g>` : shape);

      // Markers: "?" before a disputed start, "†" after a death in office.
      const startVisible = p.s0 >= range.from;
      const endVisible = p.e1 <= range.to;
      let leftLimit = x0 - 6;
      let rightStart = x1 + 6;
      if (startVisible && startDisputed(ds, term)) {
        used.disputed = true;
        bars.push(
          `<line x1="${f(x0)}" y1="${f(rowTop + 1)}" x2="${f(x0)}" y2="${f(rowTop + ROW_H - 1)}" stroke="${DISPUTE_INK}" stroke-width="1.5" stroke-dasharray="2 2"/>`,
        );
        labels.push(
          `<text x="${f(x0 - 3)}" y="${f(midY + 5)}" font-size="${FONT_SIZE}" font-weight="bold" fill="${DISPUTE_INK}" text-anchor="end">?</text>`,
        );
        leftLimit = x0 - 3 - textWidth("?", FONT_SIZE, "bold") - 8;
      }
      if (endVisible && term.endedByDeath) {
        used.died = true;
        labels.push(
          `<text x="${f(x1 + 2)}" y="${f(midY + 5)}" font-size="${FONT_SIZE + 1}" font-weight="bold" fill="${INK}">†</text>`,
        );
        rightStart = x1 + 4 + textWidth("†", FONT_SIZE + 1, "bold") + 4;
      }

      // Label: the longest wording that fits inside the bar, beside it on the right, or on the left.
      const person = personLabel(ds.personById.get(term.person), term.person, lang);
      const officeName = officeLabel(ds.officeById.get(term.office), term.office, lang);
      const suffix = basisSuffix(term, lang);
      const candidates = [
        ...(detailedDates ? [`${person.full} · ${officeName}${suffix} · ${termDates(term, lang)}`] : []),
        `${person.full} · ${officeName}${suffix}`,
        `${person.full}${suffix}`,
        person.full,
        person.short,
      ];
      const solid0 = startImprecise ? Math.max(x0, X(p.s1 + 1)) : x0;
      const solid1 = endImprecise ? Math.min(x1, X(p.e0)) : x1;
      const canInside = term.basis === "de jure";
      const rowFill = i % 2 === 1 ? ZEBRA : "#ffffff";
      const textY = f(midY + 5);
      /** A label beside the bar, on a box of the row's colour that hides the grid behind it. */
      const beside = (text: string, x: number, anchor: "start" | "end") => {
        const w = textWidth(text, FONT_SIZE);
        const bx = anchor === "start" ? x - 2 : x - w - 2;
        boxes.push(
          `<rect x="${f(bx)}" y="${f(rowTop + 3)}" width="${f(w + 4)}" height="${ROW_H - 6}" fill="${rowFill}"/>`,
        );
        labels.push(
          `<text x="${f(x)}" y="${textY}" font-size="${FONT_SIZE}" fill="${INK}"${anchor === "end" ? ' text-anchor="end"' : ""}>${escapeXml(text)}</text>`,
        );
      };
      let placed = false;
      for (const text of candidates) {
        const w = textWidth(text, FONT_SIZE);
        if (canInside && w + 14 <= solid1 - solid0) {
          labels.push(
            `<text x="${f(solid0 + 7)}" y="${textY}" font-size="${FONT_SIZE}" fill="#ffffff">${escapeXml(text)}</text>`,
          );
        } else if (rightStart + w <= right) {
          beside(text, rightStart, "start");
        } else if (leftLimit - w >= left) {
          beside(text, leftLimit, "end");
        } else {
          continue;
        }
        placed = true;
        break;
      }
      if (!placed) {
        // Nothing fits whole: shorten into the widest room, the bar itself included (on a box when
        // the bar is patterned).
        const roomRight = right - rightStart;
        const roomLeft = leftLimit - left;
        const roomInside = solid1 - solid0 - 14;
        const room = Math.max(roomRight, roomLeft, roomInside);
        const text =
          candidates.find((c) => textWidth(c, FONT_SIZE) <= room) ?? fitText(person.short, room, FONT_SIZE);
        if (!text) {
          // Not even the surname fits anywhere: leave the row unlabelled.
        } else if (room === roomInside && canInside) {
          labels.push(
            `<text x="${f(solid0 + 7)}" y="${textY}" font-size="${FONT_SIZE}" fill="#ffffff">${escapeXml(text)}</text>`,
          );
        } else if (room === roomInside) {
          const w = textWidth(text, FONT_SIZE);
          labels.push(
            `<rect x="${f(solid0 + 5)}" y="${f(rowTop + 4)}" width="${f(w + 4)}" height="${ROW_H - 8}" fill="#ffffff"/>`,
            `<text x="${f(solid0 + 7)}" y="${textY}" font-size="${FONT_SIZE}" fill="${INK}">${escapeXml(text)}</text>`,
          );
        } else if (room === roomRight) {
          beside(text, rightStart, "start");
        } else {
          beside(text, leftLimit, "end");
        }
      }
    });

    if (rows.length === 0) {
      const lines = [L.noTerms, range.problem ?? emptyNote(ds, range, lang) ?? ""].filter(Boolean);
      const cy = chartTop + rowsH / 2 - (lines.length - 1) * 12;
      const boxW =
        Math.max(
          ...lines.map((line, i) => textWidth(line, i === 0 ? 18 : FONT_SIZE, i === 0 ? "bold" : "normal")),
        ) + 32;
      const bw = Math.min(chartW, boxW);
      labels.push(
        `<rect x="${f(left + (chartW - bw) / 2)}" y="${f(cy - 20)}" width="${f(bw)}" height="${f(lines.length * 24 + 14)}" rx="6" fill="#ffffff" stroke="${GRID_MAJOR}"/>`,
      );
      lines.forEach((line, i) => {
        labels.push(
          `<text x="${f(left + chartW / 2)}" y="${f(cy + 6 + i * 24)}" font-size="${i === 0 ? 18 : FONT_SIZE}"${i === 0 ? ' font-weight="bold"' : ""} fill="${i === 0 ? INK : MUTED}" text-anchor="middle">${escapeXml(fitText(line, chartW, i === 0 ? 18 : FONT_SIZE, i === 0 ? "bold" : "normal"))}</text>`,
        );
      });
    }

    // ----- Highlighted day
    const hl = options.highlight ? parseDay(options.highlight) : null;
    if (hl) {
      const n = dayNum(...hl);
      if (n >= range.from && n <= range.to) {
        const x = pxPerDay >= 2 ? X(n) + pxPerDay / 2 : X(n);
        highlightLine.push(
          `<line x1="${f(x)}" y1="${f(chartTop - 4)}" x2="${f(x)}" y2="${f(axisY)}" stroke="${HIGHLIGHT}" stroke-width="1.5"/>`,
        );
        const text = longDay(n, lang);
        const w = textWidth(text, FONT_SIZE, "bold") + 12;
        const bx = Math.min(Math.max(x - w / 2, left), right - w);
        front.push(
          `<rect x="${f(bx)}" y="${f(chartTop - TOP_LANE_H)}" width="${f(w)}" height="${TOP_LANE_H - 4}" rx="4" fill="${HIGHLIGHT}"/>`,
          `<text x="${f(bx + 6)}" y="${f(chartTop - TOP_LANE_H + 16)}" font-size="${FONT_SIZE}" font-weight="bold" fill="#ffffff">${escapeXml(text)}</text>`,
        );
      }
    }

    // ----- Legend
    const items = legendItems(used, vacancyDrawn, outsideDrawn, lang);
    let lx = left;
    let ly = axisY + 34;
    for (const item of items) {
      const w = 30 + 6 + textWidth(item.text, FONT_SIZE);
      if (lx > left && lx + w > right) {
        lx = left;
        ly += LEGEND_ROW_H;
      }
      front.push(item.swatch(lx, ly));
      front.push(
        `<text x="${f(lx + 36)}" y="${f(ly + 12)}" font-size="${FONT_SIZE}" fill="${INK}">${escapeXml(item.text)}</text>`,
      );
      lx += w + 20;
    }
    if (items.some((i) => i.pattern)) defs.push(hatchPattern("hatch-legend", LEGEND_COLOR));
    if (items.some((i) => i.fade)) {
      defs.push(
        `<linearGradient id="fade-legend"><stop offset="0" stop-color="${LEGEND_COLOR}" stop-opacity="${FADE_LOW}"/><stop offset="1" stop-color="${LEGEND_COLOR}"/></linearGradient>`,
      );
    }
    height = (items.length ? ly + LEGEND_ROW_H : axisY + 28) + 8;
  }
  if (outsideDrawn) defs.push(hatchPattern("outside", OUTSIDE, 0.8, "#cfcfcf"));

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    defs.length ? `<defs>${defs.join("")}</defs>` : "",
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...head,
    ...back,
    ...boxes,
    ...bands,
    ...bars,
    ...highlightLine,
    ...labels,
    ...front,
    "</svg>",
  ]
    .filter(Boolean)
    .join("\n");
  return { svg, width, height, terms: rows.map((p) => p.term.id) };
}

function isoOf(n: number): string {
  const [y, m, d] = numParts(n);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function hatchPattern(id: string, color: string, lightness = 0.72, stripe = color): string {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="7" height="7" fill="${tint(color, lightness)}"/><rect width="3.5" height="7" fill="${stripe}"/></pattern>`;
}

/** Why an otherwise valid range has no terms. */
function emptyNote(ds: Dataset, range: Range, lang: Lang): string | null {
  const span = ds.leadershipSpan;
  if (range.to < isoNum(span.from)) return TEXT[lang].beforeFoundingNote(longDay(isoNum(span.from), lang));
  if (range.from >= isoNum(span.banned)) return TEXT[lang].afterNote(longDay(isoNum(span.banned), lang));
  return null;
}

interface LegendItem {
  text: string;
  swatch: (x: number, y: number) => string;
  pattern?: boolean;
  fade?: boolean;
}

function legendItems(
  used: Record<"deJure" | "deFacto" | "acting" | "imprecise" | "died" | "disputed", boolean>,
  vacancy: boolean,
  outside: boolean,
  lang: Lang,
): LegendItem[] {
  const L = TEXT[lang];
  const box = (x: number, y: number, attrs: string, w = 30) =>
    `<rect x="${f(x)}" y="${f(y)}" width="${w}" height="14" ${attrs}/>`;
  const items: LegendItem[] = [];
  if (used.deJure) items.push({ text: L.deJure, swatch: (x, y) => box(x, y, `fill="${LEGEND_COLOR}"`) });
  if (used.deFacto) {
    items.push({
      text: L.deFacto,
      pattern: true,
      swatch: (x, y) => box(x, y, `fill="url(#hatch-legend)" stroke="${LEGEND_COLOR}" stroke-width="1"`),
    });
  }
  if (used.acting) {
    items.push({
      text: L.acting,
      swatch: (x, y) =>
        box(
          x,
          y,
          `fill="${tint(LEGEND_COLOR, 0.8)}" stroke="${LEGEND_COLOR}" stroke-width="1.5" stroke-dasharray="4 3"`,
        ),
    });
  }
  if (used.imprecise) {
    items.push({ text: L.imprecise, fade: true, swatch: (x, y) => box(x, y, `fill="url(#fade-legend)"`) });
  }
  if (used.died) {
    items.push({
      text: L.died,
      swatch: (x, y) =>
        `${box(x, y, `fill="${LEGEND_COLOR}"`, 18)}<text x="${f(x + 20)}" y="${f(y + 13)}" font-size="${FONT_SIZE + 1}" font-weight="bold" fill="${INK}">†</text>`,
    });
  }
  if (used.disputed) {
    items.push({
      text: L.disputed,
      swatch: (x, y) =>
        `<text x="${f(x + 11)}" y="${f(y + 13)}" font-size="${FONT_SIZE}" font-weight="bold" fill="${DISPUTE_INK}" text-anchor="end">?</text><line x1="${f(x + 14)}" y1="${f(y - 3)}" x2="${f(x + 14)}" y2="${f(y + 17)}" stroke="${DISPUTE_INK}" stroke-width="1.5" stroke-dasharray="2 2"/><rect x="${f(x + 14)}" y="${f(y)}" width="16" height="14" fill="${LEGEND_COLOR}"/>`,
    });
  }
  if (vacancy) {
    items.push({
      text: L.vacant,
      swatch: (x, y) =>
        `<rect x="${f(x + 11)}" y="${f(y - 3)}" width="8" height="20" fill="${VACANCY}" fill-opacity="0.45"/>`,
    });
  }
  if (outside) {
    items.push({
      text: L.outside,
      swatch: (x, y) => box(x, y, `fill="url(#outside)"`),
    });
  }
  return items;
}
