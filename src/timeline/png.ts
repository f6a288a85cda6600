/** PNG rendering of timeline pictures with resvg and the committed DejaVu fonts (no system fonts). */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg, renderAsync } from "@resvg/resvg-js";
import type { Dataset } from "../data/load.js";
import { buildTimelineSvg, type TimelineOptions } from "./svg.js";

const FONTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../assets/fonts");
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;

let fontPaths: string[] | undefined;

/** Absolute paths of the fonts every picture is drawn with. */
export function timelineFontFiles(): string[] {
  fontPaths ??= FONT_FILES.map((file) => resolve(FONTS_DIR, file));
  return fontPaths;
}

/** Renders an SVG document to PNG bytes, at the SVG's own size, identically on every machine. */
export function renderPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { fontFiles: timelineFontFiles(), loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

export interface TimelinePng {
  png: Uint8Array;
  width: number;
  height: number;
  /** Ids of the terms drawn, top row first. */
  terms: string[];
}

/** Recently rendered pictures by SVG text (a PNG depends on nothing else); oldest first. */
const recent = new Map<string, Uint8Array>();
const RECENT_MAX = 16;

/**
 * The timeline picture as PNG: `buildTimelineSvg`, then `renderPng`. The last few pictures are kept,
 * so asking again for the same one (the default timeline, say) costs a copy instead of a render.
 */
export function renderTimelinePng(ds: Dataset, options: TimelineOptions = {}): TimelinePng {
  const { svg, width, height, terms } = buildTimelineSvg(ds, options);
  let png = recent.get(svg);
  if (png) {
    recent.delete(svg);
  } else {
    png = renderPng(svg);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  }
  recent.set(svg, png);
  return { png: png.slice(), width, height, terms };
}

/**
 * The same picture, rendered on libuv's thread pool so the event loop keeps serving other
 * interactions meanwhile; shares the cache with `renderTimelinePng`.
 */
export async function renderTimelinePngAsync(
  ds: Dataset,
  options: TimelineOptions = {},
): Promise<TimelinePng> {
  const { svg, width, height, terms } = buildTimelineSvg(ds, options);
  let png = recent.get(svg);
  if (!png) {
    const rendered = await limitRenders(() =>
      renderAsync(svg, {
        font: { fontFiles: timelineFontFiles(), loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
        background: "#ffffff",
      }),
    );
    const bytes = rendered.asPng();
    png = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(svg, png);
  }
  return { png: png.slice(), width, height, terms };
}

/**
 * At most two pictures render at once: each render holds tens of megabytes, and under a burst of
 * /when and /timeline requests an unbounded pool multiplies the bot's memory.
 */
const MAX_PARALLEL_RENDERS = 2;
let rendering = 0;
const waiting: (() => void)[] = [];

async function limitRenders<T>(work: () => Promise<T>): Promise<T> {
  if (rendering >= MAX_PARALLEL_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  rendering++;
  try {
    return await work();
  } finally {
    rendering--;
    waiting.shift()?.();
  }
}
