/** PNG rendering of timeline pictures with resvg and the committed DejaVu fonts (no system fonts). */
import { resolve } from "node:path";
import { Resvg, renderAsync } from "@resvg/resvg-js";
import type { Dataset } from "../data/load.js";
import { projectPath } from "../paths.js";
import { buildTimelineSvg, type TimelineOptions } from "./svg.js";

const FONTS_DIR = projectPath("assets", "fonts");
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

/**
 * Recently made pictures, per dataset, by the options that drew them (a dataset never changes, so
 * the same options always give the same picture); oldest first. Keyed by options rather than by SVG
 * text so that a repeated /when costs neither an SVG build nor hashing a 30 kB string.
 */
const recent = new WeakMap<Dataset, Map<string, TimelinePng>>();
const RECENT_MAX = 32;
/** Renders under way, so a burst of identical requests renders once. */
const pending = new WeakMap<Dataset, Map<string, Promise<TimelinePng>>>();

function optionsKey(o: TimelineOptions): string {
  return `${o.from ?? ""}|${o.to ?? ""}|${o.office ?? ""}|${o.highlight ?? ""}|${o.lang ?? ""}|${o.width ?? ""}`;
}

/** The map that `weak` keeps for `ds`, made on first use. */
function perDataset<V>(weak: WeakMap<Dataset, Map<string, V>>, ds: Dataset): Map<string, V> {
  const existing = weak.get(ds);
  if (existing) return existing;
  const made = new Map<string, V>();
  weak.set(ds, made);
  return made;
}

const cacheFor = (ds: Dataset) => perDataset(recent, ds);

function lookup(ds: Dataset, key: string): TimelinePng | undefined {
  const cache = cacheFor(ds);
  const hit = cache.get(key);
  if (hit) {
    // Most recently used goes last.
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

function remember(ds: Dataset, key: string, picture: TimelinePng): void {
  const cache = cacheFor(ds);
  if (cache.size >= RECENT_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, picture);
}

/**
 * The timeline picture as PNG: `buildTimelineSvg`, then `renderPng`. Recent pictures are kept, so
 * asking again for the same one (the default timeline, say) costs a map lookup. The bytes are
 * shared between callers: read them, never write to them.
 */
export function renderTimelinePng(ds: Dataset, options: TimelineOptions = {}): TimelinePng {
  const key = optionsKey(options);
  const hit = lookup(ds, key);
  if (hit) return hit;
  const { svg, width, height, terms } = buildTimelineSvg(ds, options);
  const picture = { png: renderPng(svg), width, height, terms };
  remember(ds, key, picture);
  return picture;
}

/**
 * The same picture, rendered on libuv's thread pool so the event loop keeps serving other
 * interactions meanwhile; shares the cache with `renderTimelinePng`.
 */
export function renderTimelinePngAsync(ds: Dataset, options: TimelineOptions = {}): Promise<TimelinePng> {
  const key = optionsKey(options);
  const hit = lookup(ds, key);
  if (hit) return Promise.resolve(hit);
  const inFlight = perDataset(pending, ds);
  const running = inFlight.get(key);
  if (running) return running;
  const { svg, width, height, terms } = buildTimelineSvg(ds, options);
  const render = limitRenders(() =>
    renderAsync(svg, {
      font: { fontFiles: timelineFontFiles(), loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
      background: "#ffffff",
    }),
  )
    .then((rendered) => {
      const bytes = rendered.asPng();
      const picture = {
        png: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        width,
        height,
        terms,
      };
      remember(ds, key, picture);
      return picture;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, render);
  return render;
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
