/**
 * Palette (indexed-colour) PNG encoding for timeline pictures. A timeline has a few hundred
 * colours at most (flat bars, text and its anti-aliasing), so one byte per pixel instead of four
 * makes the file about 3× smaller than resvg's RGBA PNG: less to upload with every /when, less for
 * a phone to download, and less memory held by each reply in flight.
 */
import { promisify } from "node:util";
import { crc32, deflate, deflateSync, type ZlibOptions } from "node:zlib";

/** A picture as palette indices, ready for compression. */
export interface IndexedImage {
  width: number;
  height: number;
  /** RGB triples, at most 256 of them; the most used colour first. */
  palette: Uint8Array;
  /** PNG scanlines: per row a filter byte (0, none) and one palette index per pixel. */
  scanlines: Uint8Array;
}

const MAX_COLOURS = 256;

/**
 * Picks the palette (the 256 most used colours, ties by colour value so the result never depends on
 * iteration order) and maps every pixel to it. A picture with more colours maps the rare extra ones,
 * all anti-aliasing at edges, to the nearest palette colour. Alpha is dropped: pictures are drawn on
 * an opaque background.
 */
export function quantise(rgba: Uint8Array, width: number, height: number): IndexedImage {
  const pixels = width * height;
  if (rgba.length < pixels * 4)
    throw new RangeError(`expected ${pixels * 4} bytes of RGBA, got ${rgba.length}`);
  const colours = new ColourTable();
  for (let i = 0; i < pixels * 4; i += 4) colours.count(rgbAt(rgba, i));

  const ranked = colours.entries().sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = ranked.slice(0, MAX_COLOURS).map(([rgb]) => rgb);
  const palette = new Uint8Array(kept.length * 3);
  const slotOf = new ColourTable();
  kept.forEach((rgb, slot) => {
    palette[slot * 3] = rgb >>> 16;
    palette[slot * 3 + 1] = (rgb >>> 8) & 0xff;
    palette[slot * 3 + 2] = rgb & 0xff;
    slotOf.set(rgb, slot);
  });
  for (const [rgb] of ranked.slice(MAX_COLOURS)) slotOf.set(rgb, nearestSlot(rgb, kept));

  const stride = width + 1;
  const scanlines = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    // scanlines[y * stride] stays 0: filter type "none" suits palette images best.
    const row = y * stride + 1;
    const from = y * width * 4;
    for (let x = 0; x < width; x++) scanlines[row + x] = slotOf.get(rgbAt(rgba, from + x * 4));
  }
  return { width, height, palette, scanlines };
}

const rgbAt = (rgba: Uint8Array, i: number): number =>
  ((rgba[i] as number) << 16) | ((rgba[i + 1] as number) << 8) | (rgba[i + 2] as number);

function nearestSlot(rgb: number, palette: readonly number[]): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let slot = 0; slot < palette.length; slot++) {
    const p = palette[slot] as number;
    const dr = (rgb >>> 16) - (p >>> 16);
    const dg = ((rgb >>> 8) & 0xff) - ((p >>> 8) & 0xff);
    const db = (rgb & 0xff) - (p & 0xff);
    const distance = dr * dr + dg * dg + db * db;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = slot;
    }
  }
  return best;
}

/**
 * 24-bit colour → number, open addressing in typed arrays: a Map would box every lookup, and this
 * runs twice for each of the ~600,000 pixels of a picture.
 */
class ColourTable {
  /** log2 of the table size; the slot is that many high bits of a multiplicative hash. */
  private bits = 10;
  private keys = new Int32Array(1 << this.bits).fill(-1);
  private values = new Int32Array(1 << this.bits);
  private size = 0;

  private slot(rgb: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(rgb, 0x9e3779b1) >>> (32 - this.bits);
    while (this.keys[i] !== -1 && this.keys[i] !== rgb) i = (i + 1) & mask;
    return i;
  }

  count(rgb: number): void {
    const i = this.slot(rgb);
    if (this.keys[i] === rgb) {
      this.values[i] = (this.values[i] as number) + 1;
      return;
    }
    this.insert(i, rgb, 1);
  }

  set(rgb: number, value: number): void {
    const i = this.slot(rgb);
    if (this.keys[i] === rgb) this.values[i] = value;
    else this.insert(i, rgb, value);
  }

  /** The value for a colour that was counted or set (0 otherwise). */
  get(rgb: number): number {
    const i = this.slot(rgb);
    return this.keys[i] === rgb ? (this.values[i] as number) : 0;
  }

  entries(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i] as number;
      if (key !== -1) out.push([key, this.values[i] as number]);
    }
    return out;
  }

  private insert(i: number, rgb: number, value: number): void {
    this.keys[i] = rgb;
    this.values[i] = value;
    this.size++;
    if (this.size * 2 > this.keys.length) this.grow();
  }

  private grow(): void {
    const old = this.entries();
    this.bits++;
    this.keys = new Int32Array(1 << this.bits).fill(-1);
    this.values = new Int32Array(this.keys.length);
    for (const [rgb, value] of old) {
      const i = this.slot(rgb);
      this.keys[i] = rgb;
      this.values[i] = value;
    }
  }
}

// Level 6 (zlib's default): for a full timeline 38 kB in ~4 ms; level 9 saves 6% for ~8× the time.
const DEFLATE: ZlibOptions = { level: 6, memLevel: 9 };
const deflateAsync = promisify(deflate);

/** The PNG file, compressed on this thread (CLI, tests). */
export function encodeIndexedPng(image: IndexedImage): Uint8Array {
  return assemble(image, deflateSync(image.scanlines, DEFLATE));
}

/** The PNG file, compressed on libuv's thread pool so the event loop keeps serving. */
export async function encodeIndexedPngAsync(image: IndexedImage): Promise<Uint8Array> {
  return assemble(image, await deflateAsync(image.scanlines, DEFLATE));
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function assemble(image: IndexedImage, compressed: Uint8Array): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, image.width);
  view.setUint32(4, image.height);
  header[8] = 8; // bits per palette index
  header[9] = 3; // colour type 3: indexed
  const parts = [
    Uint8Array.from(SIGNATURE),
    chunk("IHDR", header),
    chunk("PLTE", image.palette),
    chunk("IDAT", compressed),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
