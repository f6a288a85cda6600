import { crc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../src/data/load.js";
import { encodeIndexedPng, encodeIndexedPngAsync, quantise } from "../src/timeline/palette.js";
import { renderPng } from "../src/timeline/png.js";
import { buildTimelineSvg } from "../src/timeline/svg.js";

/** A minimal reader for what the encoder writes: checks every CRC and returns RGB pixels. */
function decodePalettePng(png: Uint8Array): {
  width: number;
  height: number;
  rgb: Uint8Array;
  colours: number;
} {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  let palette: Uint8Array = new Uint8Array(0);
  const idat: Uint8Array[] = [];
  const types: string[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    expect(view.getUint32(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    types.push(type);
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      expect([data[8], data[9]]).toEqual([8, 3]);
    }
    if (type === "PLTE") palette = data;
    if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  expect(types).toEqual(["IHDR", "PLTE", "IDAT", "IEND"]);
  const scanlines = inflateSync(Buffer.concat(idat));
  expect(scanlines.length).toBe((width + 1) * height);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    expect(scanlines[y * (width + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const slot = scanlines[y * (width + 1) + 1 + x] as number;
      expect(slot * 3).toBeLessThan(palette.length);
      rgb.set(palette.subarray(slot * 3, slot * 3 + 3), (y * width + x) * 3);
    }
  }
  return { width, height, rgb, colours: palette.length / 3 };
}

function image(width: number, height: number, colourOf: (x: number, y: number) => [number, number, number]) {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rgba.set([...colourOf(x, y), 255], (y * width + x) * 4);
  return rgba;
}

describe("palette PNG", () => {
  it("round-trips a picture of up to 256 colours exactly", async () => {
    const colourOf = (x: number, y: number): [number, number, number] => [x * 16, y * 16, (x * y) % 256];
    const rgba = image(16, 16, colourOf);
    for (const png of [
      encodeIndexedPng(quantise(rgba, 16, 16)),
      await encodeIndexedPngAsync(quantise(rgba, 16, 16)),
    ]) {
      const decoded = decodePalettePng(png);
      expect(decoded).toMatchObject({ width: 16, height: 16, colours: 256 });
      for (let y = 0; y < 16; y++)
        for (let x = 0; x < 16; x++)
          expect([...decoded.rgb.subarray((y * 16 + x) * 3, (y * 16 + x) * 3 + 3)]).toEqual(colourOf(x, y));
    }
  });

  it("keeps the 256 most used colours and maps rarer ones to the nearest", () => {
    // 256 grey levels fill most of the picture; one slightly reddish pixel is the 257th colour.
    const rgba = image(64, 64, (x, y) =>
      x === 0 && y === 0 ? [201, 199, 199] : [(x * 4 + y) % 256, (x * 4 + y) % 256, (x * 4 + y) % 256],
    );
    const decoded = decodePalettePng(encodeIndexedPng(quantise(rgba, 64, 64)));
    expect(decoded.colours).toBe(256);
    expect([...decoded.rgb.subarray(0, 3)]).toEqual([200, 200, 200]);
    expect([...decoded.rgb.subarray(3, 6)]).toEqual([4, 4, 4]);
  });

  it("copes with thousands of colours, each pixel drawn with its nearest palette colour", () => {
    const colourOf = (x: number, y: number): [number, number, number] => [x * 2, y * 2, (x + y) % 256];
    const rgba = image(128, 128, colourOf);
    const indexed = quantise(rgba, 128, 128);
    const decoded = decodePalettePng(encodeIndexedPng(indexed));
    expect(decoded.colours).toBe(256);
    const palette = Array.from({ length: 256 }, (_, i) => [...indexed.palette.subarray(i * 3, i * 3 + 3)]);
    const distance = (a: number[], b: number[]) => a.reduce((n, v, i) => n + (v - (b[i] as number)) ** 2, 0);
    for (let y = 0; y < 128; y += 3)
      for (let x = 0; x < 128; x += 3) {
        const want = colourOf(x, y);
        const best = Math.min(...palette.map((p) => distance(p, want)));
        const got = [...decoded.rgb.subarray((y * 128 + x) * 3, (y * 128 + x) * 3 + 3)];
        expect(distance(got, want)).toBe(best);
      }
  });

  it("refuses pixel data shorter than the picture", () => {
    expect(() => quantise(new Uint8Array(10), 4, 4)).toThrow(RangeError);
  });

  it("encodes a timeline a third the size of an RGBA PNG, with the same pixels where it matters", () => {
    const ds = loadDataset();
    const { svg, width, height } = buildTimelineSvg(ds, {});
    const png = renderPng(svg);
    const decoded = decodePalettePng(png);
    expect(decoded).toMatchObject({ width, height });
    // Every row of pixels is one of the picture's few hundred colours; the background is white.
    expect([...decoded.rgb.subarray(0, 3)]).toEqual([255, 255, 255]);
    // RGBA at this size, deflated, is > 100 kB; the palette file is well under half of that.
    expect(png.length).toBeLessThan(50_000);
  });
});
