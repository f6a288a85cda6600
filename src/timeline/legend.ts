// The legend under the timeline: one swatch for each way of drawing that the picture uses.
import { type Lang, text } from "../i18n/index.js";
import { DISPUTE_INK, FONT_SIZE, f, INK, LEGEND_COLOR, tint, VACANCY } from "./style.js";

/** Which ways of drawing a term the picture used. */
export type Used = Record<"deJure" | "deFacto" | "acting" | "imprecise" | "died" | "disputed", boolean>;

export interface LegendItem {
  text: string;
  swatch: (x: number, y: number) => string;
  pattern?: boolean;
  fade?: boolean;
}

export function legendItems(used: Used, vacancy: boolean, outside: boolean, lang: Lang): LegendItem[] {
  const L = text(lang).timeline;
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
