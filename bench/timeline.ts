/**
 * Timeline pictures: SVG build time, PNG render time and PNG size, on the real dataset.
 * `benchTimeline()` returns table rows [label, value, target, PASS/MISS]; run this file directly
 * (`npx tsx bench/timeline.ts`) to print them.
 */
import { pathToFileURL } from "node:url";
import { type Dataset, loadDataset } from "../src/data/load.js";
import { renderPng, renderTimelinePng } from "../src/timeline/png.js";
import { buildTimelineSvg, type TimelineOptions } from "../src/timeline/svg.js";
import { percentile as percentileOfSorted } from "./report.js";

const SVG_RUNS = 50;
const PNG_RUNS = 30;
const WARMUP = 10;
const SVG_TARGET_P50_MS = 5;
const SVG_TARGET_P99_MS = 20;
const PNG_TARGET_MS = 50;
const PNG_TARGET_BYTES = 512 * 1024;

/** The pictures measured: the full timeline (the largest) and a zoomed range. */
const CASES: [string, TimelineOptions][] = [
  ["full", {}],
  ["1952–1954 zoom", { from: "1952-01-01", to: "1954-12-31", highlight: "1953-03-05" }],
];

/** Nearest-rank percentile of samples in any order. */
const percentile = (samples: readonly number[], p: number): number =>
  percentileOfSorted(
    [...samples].sort((a, b) => a - b),
    p,
  );

function time(runs: number, fn: () => void): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const verdict = (value: number, target: number) => (value < target ? "PASS" : "MISS");
const ms = (v: number) => `${v.toFixed(2)} ms`;

export async function benchTimeline(ds: Dataset = loadDataset()): Promise<string[][]> {
  const rows: string[][] = [];
  let sink = 0;
  for (const [name, options] of CASES) {
    const svgTimes = time(SVG_RUNS, () => {
      sink += buildTimelineSvg(ds, options).svg.length;
    });
    const { svg } = buildTimelineSvg(ds, options);
    let bytes = 0;
    const pngTimes = time(PNG_RUNS, () => {
      bytes = renderPng(svg).byteLength;
    });
    const svgP50 = percentile(svgTimes, 50);
    const svgP99 = percentile(svgTimes, 99);
    const pngP50 = percentile(pngTimes, 50);
    const pngP99 = percentile(pngTimes, 99);
    rows.push(
      [
        `timeline SVG build, ${name} (p50, ${SVG_RUNS} runs)`,
        ms(svgP50),
        `< ${SVG_TARGET_P50_MS} ms`,
        verdict(svgP50, SVG_TARGET_P50_MS),
      ],
      [
        `timeline SVG build, ${name} (p99)`,
        ms(svgP99),
        `< ${SVG_TARGET_P99_MS} ms`,
        verdict(svgP99, SVG_TARGET_P99_MS),
      ],
      [
        `timeline PNG render, ${name} (p50, ${PNG_RUNS} runs)`,
        ms(pngP50),
        `< ${PNG_TARGET_MS} ms`,
        verdict(pngP50, PNG_TARGET_MS),
      ],
      [
        `timeline PNG render, ${name} (p99)`,
        ms(pngP99),
        `< ${PNG_TARGET_MS} ms`,
        verdict(pngP99, PNG_TARGET_MS),
      ],
      [
        `timeline PNG size, ${name}`,
        `${(bytes / 1024).toFixed(1)} KiB`,
        `< ${PNG_TARGET_BYTES / 1024} KiB`,
        verdict(bytes, PNG_TARGET_BYTES),
      ],
    );
  }
  // The bot's path: renderTimelinePng keeps recent pictures, so a repeated request skips the render.
  renderTimelinePng(ds, {});
  const repeat = time(SVG_RUNS, () => {
    sink += renderTimelinePng(ds, {}).png.byteLength;
  });
  const repeatP50 = percentile(repeat, 50);
  rows.push([
    "timeline PNG, full, asked again (p50, cached)",
    ms(repeatP50),
    `< ${PNG_TARGET_MS} ms`,
    verdict(repeatP50, PNG_TARGET_MS),
  ]);
  if (sink < 0) rows.push(["(unreachable)", "", "", ""]);
  return rows;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const rows = await benchTimeline();
  const header = ["measure", "value", "target", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join("  ")
      .trimEnd();
  console.log("Timeline pictures");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}
