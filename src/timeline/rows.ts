// The rows of the timeline: one bar per term in the style of its basis and precision, with its
// markers (a disputed start, a death in office) and the longest label that fits.

import { termDates } from "../i18n/dates.js";
import type { Canvas } from "./canvas.js";
import { emptyNote, type Placed, startDisputed } from "./layout.js";
import { textWidth } from "./metrics.js";
import {
  BAR_H,
  DISPUTE_INK,
  escapeXml,
  FADE_LOW,
  FALLBACK_COLOR,
  FONT_SIZE,
  f,
  fitText,
  GRID_MAJOR,
  hatchPattern,
  INK,
  MIN_BAR_W,
  MUTED,
  OFFICE_COLORS,
  ROW_H,
  tint,
  ZEBRA,
} from "./style.js";
import { basisSuffix, officeLabel, personLabel } from "./words.js";

export type { TimelineOptions, TimelineSvg } from "./layout.js";

/** One term: its bar in the style of its basis and precision, its markers, and its label. */
export function drawRow(c: Canvas, p: Placed, i: number): void {
  const { ds, lang, range, X, clampX, left, right, chartW, chartTop, used, patterns, detailedDates } = c;
  const { defs, bars, labels, boxes } = c.layers;
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
  const suffix = basisSuffix(term, lang, ds);
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
}

/** A valid range with no terms in it: say so, and why where the sources tell. */
export function drawNoRows(c: Canvas): void {
  const { ds, L, lang, range, left, chartW, chartTop, rowsH } = c;
  const { labels } = c.layers;
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
