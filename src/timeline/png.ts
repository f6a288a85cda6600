/** PNG rendering of timeline pictures with resvg and the committed DejaVu fonts (no system fonts). */
import { resolve } from "node:path";
import { Resvg, renderAsync } from "@resvg/resvg-js";
import type { Dataset } from "../data/load.js";
import { projectPath } from "../paths.js";
import { encodeIndexedPng, encodeIndexedPngAsync, quantise } from "./palette.js";
import { buildTimelineSvg, type TimelineOptions } from "./svg.js";

const FONTS_DIR = projectPath("assets", "fonts");
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;

const FONT_PATHS = FONT_FILES.map((file) => resolve(FONTS_DIR, file));

/** Absolute paths of the fonts every picture is drawn with. */
export function timelineFontFiles(): string[] {
  return [...FONT_PATHS];
}

const RESVG_OPTIONS = {
  font: { fontFiles: FONT_PATHS, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  background: "#ffffff",
};

/**
 * Renders an SVG document to a palette PNG, at the SVG's own size, identically on every machine
 * (resvg and the committed fonts draw the pixels; `palette.ts` encodes them).
 */
export function renderPng(svg: string): Uint8Array {
  const rendered = new Resvg(svg, RESVG_OPTIONS).render();
  return encodeIndexedPng(quantise(rendered.pixels, rendered.width, rendered.height));
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
  const render = limitRenders(async () => {
    const rendered = await renderAsync(svg, RESVG_OPTIONS);
    return encodeIndexedPngAsync(quantise(rendered.pixels, rendered.width, rendered.height));
  })
    .then((png) => {
      const picture = { png, width, height, terms };
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
