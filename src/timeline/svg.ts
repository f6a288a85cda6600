/**
 * Timeline pictures: a pure SVG builder. One row per term in chronological order, on a time axis,
 * with the styles of the sources' uncertainty (de facto, acting, imprecise and disputed dates,
 * vacancies). No I/O, no clock, no randomness: the same input always gives the same bytes.
 * Where things go is ./layout.ts; how they look, ./style.ts; the words, ./words.ts.
 */
import type { Dataset } from "../data/build.js";
import { compactRange } from "../i18n/dates.js";
import { type Lang, langOf, localName, t, text } from "../i18n/index.js";
import { findHolders, termsFor } from "../query/when.js";
import type { Canvas } from "./canvas.js";
import { isIsoDay, isoNum, isoOf, numParts } from "./days.js";
import {
  computeTicks,
  type LaneLabel,
  placeLaneLabel,
  placeTerm,
  resolveRange,
  type TimelineOptions,
  type TimelineSvg,
} from "./layout.js";
import { legendItems } from "./legend.js";
import { textWidth } from "./metrics.js";
import { drawNoRows, drawRow } from "./rows.js";
import {
  DEFAULT_WIDTH,
  escapeXml,
  FADE_LOW,
  FONT,
  FONT_SIZE,
  f,
  fitText,
  GRID_MAJOR,
  GRID_MINOR,
  HIGHLIGHT,
  hatchPattern,
  INK,
  LANE_H,
  LEGEND_COLOR,
  LEGEND_ROW_H,
  MARGIN_X,
  MAX_WIDTH,
  MIN_BAR_W,
  MIN_WIDTH,
  MUTED,
  OUTSIDE,
  ROW_H,
  TITLE_SIZE,
  TOP_LANE_H,
  VACANCY,
  VACANCY_INK,
  ZEBRA,
} from "./style.js";
import { longDay } from "./words.js";

export type { TimelineOptions, TimelineSvg } from "./layout.js";
export { escapeXml } from "./style.js";

/** The timeline of the party's leaders (or of one office) as an SVG document. Never throws on bad ranges. */
export function buildTimelineSvg(ds: Dataset, options: TimelineOptions = {}): TimelineSvg {
  const lang: Lang = langOf(options.lang);
  const L = text(lang).timeline;
  const width = Math.round(
    Math.min(
      MAX_WIDTH,
      Math.max(MIN_WIDTH, Number.isFinite(options.width) ? (options.width as number) : DEFAULT_WIDTH),
    ),
  );
  const office = options.office ? ds.officeById.get(options.office) : undefined;
  const officeProblem = options.office && !office ? L.unknownOffice({ office: options.office }) : null;
  const all = termsFor(ds, options.office).map((term) => placeTerm(ds, term));
  const range = resolveRange(ds, options, all, lang, officeProblem);

  const left = MARGIN_X;
  const right = width - MARGIN_X;
  const chartW = right - left;
  const toExcl = range.to + 1;
  const X = (n: number) => left + ((n - range.from) / (toExcl - range.from)) * chartW;
  const rows = range.ok ? all.filter((p) => p.s0 <= range.to && p.e1 >= range.from) : [];

  const [fy] = numParts(range.from);
  const [ty] = numParts(range.to);
  const years = !range.ok ? "" : fy === ty ? String(fy) : `${fy}–${ty}`;
  const what = office
    ? localName(lang, office)
    : options.office
      ? options.office
      : t(lang, "timelineTitle").replace(/,?\s*\d{4}–\d{4}\s*$/, "") || L.leaders;
  const title = years ? `${what}, ${years}` : what;
  const subtitle = range.ok ? `${longDay(range.from, lang)} – ${longDay(range.to, lang)}` : "";

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
  const laneTop = chartTop + rowsH;
  const c: Canvas = {
    ds,
    options,
    lang,
    L,
    width,
    left,
    right,
    chartW,
    chartTop,
    rowsH,
    laneTop,
    axisY: laneTop + LANE_H,
    range,
    rows,
    X,
    clampX: (n: number) => Math.min(right, Math.max(left, X(n))),
    pxPerDay: chartW / Math.max(1, toExcl - range.from),
    detailedDates: toExcl - range.from <= 6 * 366,
    layers: { defs: [], back: [], boxes: [], bands: [], bars: [], highlightLine: [], labels: [], front: [] },
    used: { deJure: false, deFacto: false, acting: false, imprecise: false, died: false, disputed: false },
    patterns: new Set(),
    vacancyDrawn: false,
    outsideDrawn: false,
  };

  let height: number;
  if (!range.ok) height = drawMessage(c);
  else {
    drawGrid(c);
    drawLane(c);
    rows.forEach((p, i) => drawRow(c, p, i));
    if (rows.length === 0) drawNoRows(c);
    drawHighlight(c);
    height = drawLegend(c);
  }
  const { defs, back, boxes, bands, bars, highlightLine, labels, front } = c.layers;
  if (c.outsideDrawn) defs.push(hatchPattern("outside", OUTSIDE, 0.8, "#cfcfcf"));

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

/** No axis to draw (a bad range): just the message. Returns the picture's height. */
function drawMessage(c: Canvas): number {
  const { L, range, width, left, chartW } = c;
  const { labels, back } = c.layers;
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
  return boxTop + 40 + lines.length * 24 + 20;
}

/** Zebra rows, the grid lines of the ticks, their labels, and the axis. */
function drawGrid(c: Canvas): void {
  const { range, X, lang, rows, left, right, chartW, chartTop, axisY } = c;
  const { back, front } = c.layers;
  const toExcl = range.to + 1;
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
}

/** The lane under the rows: vacancies and the days without a party leadership, labelled. */
function drawLane(c: Canvas): void {
  const { ds, options, lang, L, range, clampX, left, right, chartTop, axisY, laneTop } = c;
  const { back, bands, boxes, labels } = c.layers;
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
    c.outsideDrawn = true;
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
      c.vacancyDrawn = true;
      bands.push(
        `<rect x="${f(x0)}" y="${f(chartTop)}" width="${f(x1 - x0)}" height="${f(axisY - chartTop)}" fill="${VACANCY}" fill-opacity="0.45"/>`,
      );
      const text = compactRange(a, b, lang);
      const reach = textWidth(`${L.vacant} ${text}`, FONT_SIZE) + 12;
      const open: { ranges: string[]; x0: number; x1: number } | null = cluster;
      if (open && x0 - open.x1 < reach) {
        open.ranges.push(text);
        open.x1 = x1;
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
}

/** The day the user asked about, marked with a line and its date. */
function drawHighlight(c: Canvas): void {
  const { options, lang, range, X, left, right, chartTop, axisY, pxPerDay } = c;
  const { highlightLine, front } = c.layers;
  const hl = options.highlight && isIsoDay(options.highlight) ? options.highlight : null;
  if (hl) {
    const n = isoNum(hl);
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
}

/** The legend, wrapped to the width. Returns the picture's height. */
function drawLegend(c: Canvas): number {
  const { lang, left, right, axisY, used } = c;
  const { front, defs } = c.layers;
  const items = legendItems(used, c.vacancyDrawn, c.outsideDrawn, lang);
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
  return (items.length ? ly + LEGEND_ROW_H : axisY + 28) + 8;
}
