// How the timeline looks: sizes and colours, and the small helpers that write SVG numbers, text and
// patterns.
import { textWidth } from "./metrics.js";

export const DEFAULT_WIDTH = 1000;
export const MIN_WIDTH = 480;
export const MAX_WIDTH = 4000;
export const MARGIN_X = 16;
export const FONT = "DejaVu Sans";
export const FONT_SIZE = 14;
export const TITLE_SIZE = 22;
export const ROW_H = 26;
export const BAR_H = 16;
export const TOP_LANE_H = 26;
export const LANE_H = 22;
export const LEGEND_ROW_H = 22;
export const MIN_BAR_W = 3;
/** Opacity at the uncertain end of an imprecise date. */
export const FADE_LOW = 0.12;

export const INK = "#1a1a1a";
export const MUTED = "#555555";
export const GRID_MAJOR = "#d4d4d4";
export const GRID_MINOR = "#eeeeee";
export const ZEBRA = "#f7f7f7";
export const VACANCY = "#e8a317";
export const VACANCY_INK = "#8a5a00";
export const OUTSIDE = "#bdbdbd";
export const DISPUTE_INK = "#b45309";
export const HIGHLIGHT = "#111111";
export const LEGEND_COLOR = "#5a5a5a";

/** Bar colours by office; anything else gets the fallback. */
export const OFFICE_COLORS: Record<string, string> = {
  "technical-secretary": "#4d7c0f",
  "chairman-of-the-secretariat": "#0f766e",
  "responsible-secretary": "#6a51a3",
  "general-secretary": "#b3202a",
  "first-secretary": "#c2570c",
};
export const FALLBACK_COLOR = "#3b5b92";

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
export function f(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
}

export function fitText(
  text: string,
  max: number,
  size: number,
  weight: "normal" | "bold" = "normal",
): string {
  if (textWidth(text, size, weight) <= max) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n--) {
    const cut = `${chars.slice(0, n).join("").trimEnd()}…`;
    if (textWidth(cut, size, weight) <= max) return cut;
  }
  return "";
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Mixes a colour with white: `amount` 0 = the colour, 1 = white. */
export function tint(hex: string, amount: number): string {
  const [r, g, b] = hexToRgb(hex);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `#${[mix(r), mix(g), mix(b)].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

export function hatchPattern(id: string, color: string, lightness = 0.72, stripe = color): string {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="7" height="7" fill="${tint(color, lightness)}"/><rect width="3.5" height="7" fill="${stripe}"/></pattern>`;
}
