// Where things go on the timeline: which terms are drawn and where each may start and end, the
// range shown, the axis ticks, and label slots that do not collide. Pure geometry over day
// numbers; ./svg.ts draws it.
import type { Dataset } from "../data/build.js";
import type { Term } from "../data/schema.js";
import { claimBounds } from "../dates/calendar.js";
import { type Lang, text } from "../i18n/index.js";
import { dayNum, isIsoDay, isoNum, numParts } from "./days.js";
import { textWidth } from "./metrics.js";
import { FONT_SIZE } from "./style.js";
import { longDay } from "./words.js";

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

/** Disputes about when a term began: "khrushchev-start", or a dispute over someone's dates. */
export function startDisputed(ds: Dataset, term: Term): boolean {
  return term.disputes.some((id) => {
    const dispute = ds.disputeById.get(id);
    return /(^|-)start$/.test(id) || /dates/.test(id) || /\btook charge\b/i.test(dispute?.topic ?? "");
  });
}

export interface Placed {
  term: Term;
  /** Day numbers: earliest/latest possible start, earliest/latest possible end (inclusive). */
  s0: number;
  s1: number;
  e0: number;
  e1: number;
}

export function placeTerm(ds: Dataset, term: Term): Placed {
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

export interface Range {
  ok: boolean;
  /** Inclusive day numbers. */
  from: number;
  to: number;
  problem: string | null;
}

export function resolveRange(
  ds: Dataset,
  options: TimelineOptions,
  terms: readonly Placed[],
  lang: Lang,
  officeProblem: string | null,
): Range {
  const L = text(lang).timeline;
  for (const value of [options.from, options.to]) {
    if (value !== undefined && !isIsoDay(value)) {
      return { ok: false, from: 0, to: 0, problem: L.badDate({ text: value }) };
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

export interface Tick {
  x: number;
  label: string | null;
  major: boolean;
}

/** Year ticks every 1, 2, 5, 10 or 20 years (whichever keeps labels apart), then months or days when zoomed in. */
export function computeTicks(from: number, toExcl: number, X: (n: number) => number, lang: Lang): Tick[] {
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
  const monthLabelW = Math.max(...text(lang).monthsShort.map((m) => textWidth(m, FONT_SIZE))) + 14;
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
      ticks.push({ x: X(n), label: labelled ? (text(lang).monthsShort[m - 1] ?? null) : null, major: false });
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

export interface LaneLabel {
  x0: number;
  x1: number;
}

/** Places a label of one of the `candidates` (longest first) centred at `cx`, avoiding `taken`. */
export function placeLaneLabel(
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

/** Why an otherwise valid range has no terms. */
export function emptyNote(ds: Dataset, range: Range, lang: Lang): string | null {
  const span = ds.leadershipSpan;
  const L = text(lang).timeline;
  if (range.to < isoNum(span.from)) return L.beforeFoundingNote({ date: longDay(isoNum(span.from), lang) });
  if (range.from >= isoNum(span.banned)) return L.afterNote({ date: longDay(isoNum(span.banned), lang) });
  return null;
}
