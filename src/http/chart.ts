// Accuracy per era as an SVG picture drawn on the server: one bar per era, its share of right
// answers, with its era and numbers written above it. It needs no script; a screen reader gets its title,
// which says every bar's numbers too. About as wide as a phone, so its text stays readable there.
import { esc } from "./html.js";

export interface ChartBar {
  label: string;
  /** 0–100, or null when nothing was answered in that era. */
  percent: number | null;
  /** What the bar says under its label: the percentage and the counts, in the reader's language. */
  value: string;
}

const WIDTH = 400;
const ROW = 76;
const BAR_X = 0;
const BAR_W = WIDTH;
const BAR_H = 18;

export function accuracyChart(title: string, bars: readonly ChartBar[]): string {
  const height = bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const filled = b.percent === null ? 0 : Math.round((BAR_W * Math.max(0, Math.min(100, b.percent))) / 100);
    return `<g>
<text x="${BAR_X}" y="${y + 16}">${esc(b.label)}</text>
<text x="${BAR_X}" y="${y + 36}">${esc(b.value)}</text>
<rect class="track" x="${BAR_X}" y="${y + 44}" width="${BAR_W}" height="${BAR_H}" rx="3"/>
${filled > 0 ? `<rect class="bar" x="${BAR_X}" y="${y + 44}" width="${filled}" height="${BAR_H}" rx="3"/>` : ""}
</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title">
<title id="chart-title">${esc([title, ...bars.map((b) => `${b.label}: ${b.value}`)].join(". "))}</title>
${rows.join("\n")}
</svg>`;
}
