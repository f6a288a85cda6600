import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type DateReading, parseFuzzyDate } from "../src/dates/parse.js";
import { viewAround } from "../src/timeline/attach.js";
import { unmeasured } from "../src/timeline/metrics.js";
import {
  renderPng,
  renderTimelinePng,
  renderTimelinePngAsync,
  timelineFontFiles,
} from "../src/timeline/png.js";
import { buildTimelineSvg, escapeXml } from "../src/timeline/svg.js";
import { engine } from "./helpers.js";

const ds = () => engine().dataset;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, after checking the 8-byte signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(view.getUint32(8)).toBe(13); // IHDR length
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Every "&" starts an entity and no text holds a raw "<": a cheap well-formedness check. */
function expectEscaped(svg: string): void {
  expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  for (const text of svg.matchAll(/>([^<]*)</g)) expect(text[1]).not.toMatch(/[<>]/);
}

describe("timeline svg", () => {
  it("matches the snapshot for 1982–1985 with 11 November 1982 highlighted", () => {
    const result = buildTimelineSvg(ds(), { from: "1982-01-01", to: "1985-12-31", highlight: "1982-11-11" });
    expect(result.terms).toEqual([
      "brezhnev-general-secretary",
      "andropov-general-secretary",
      "chernenko-general-secretary",
      "gorbachev-general-secretary",
    ]);
    expect(result.width).toBe(1000);
    expect(result.svg).toContain("11 November 1982");
    expect(result.svg).toContain("vacant 11 Nov 1982");
    expect(result.svg).toContain("vacant 10–12 Feb 1984");
    expect(result.svg).toMatchSnapshot();
  });

  it("draws every term of the leading-office chain in the full timeline", () => {
    const data = ds();
    const { svg, terms, width, height } = buildTimelineSvg(data);
    expect(terms).toEqual(data.leadership.map((t) => t.id));
    for (const term of data.leadership) {
      expect(svg).toContain(escapeXml(data.personById.get(term.person)?.name ?? "?"));
    }
    expect(svg).toContain("The Secretariat&apos;s top office, 1917–1991");
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg).toContain(`width="${width}" height="${height}"`);
    expect(height).toBeGreaterThan(terms.length * 26);
    expectEscaped(svg);
  });

  it("shows de facto, acting, imprecise, disputed, death and vacancy styles with a legend", () => {
    const { svg } = buildTimelineSvg(ds());
    expect(svg).toMatch(/<pattern id="hatch-general-secretary"/);
    expect(svg).toMatch(/fill="url\(#hatch-general-secretary\)"/);
    expect(svg).toMatch(/stroke-dasharray="4 3"/);
    expect(svg).toMatch(/<mask id="fade\d+"/);
    expect(svg).toContain("†");
    expect(svg).toMatch(/>\?<\/text>/);
    for (const legend of [
      "de jure",
      "de facto",
      "acting",
      "died in office",
      "start date disputed",
      "vacant",
    ]) {
      expect(svg).toContain(`>${legend}</text>`);
    }
    expect(svg).toContain("vacant 11 Nov 1982; 10–12 Feb 1984");
  });

  it("is deterministic", () => {
    expect(buildTimelineSvg(ds()).svg).toBe(buildTimelineSvg(ds()).svg);
  });

  it("uses Russian short names and labels with lang ru", () => {
    const { svg, terms } = buildTimelineSvg(ds(), { lang: "ru" });
    expect(terms).toHaveLength(ds().leadership.length);
    for (const name of ["Иосиф Сталин", "Никита Хрущёв", "Михаил Горбачёв", "Владимир Ивашко"]) {
      expect(svg).toContain(name);
    }
    expect(svg).toContain("Высшая должность Секретариата, 1917–1991");
    expect(svg).toContain("де-факто");
    expect(svg).not.toContain("Joseph Stalin");
  });

  it("filters by office", () => {
    const first = buildTimelineSvg(ds(), { office: "first-secretary" });
    expect(first.terms).toEqual([
      "khrushchev-first-secretary-de-facto",
      "khrushchev-first-secretary",
      "brezhnev-first-secretary",
    ]);
    expect(first.svg).toContain("First Secretary, 1953–1966");
    expect(first.svg).not.toContain("Stalin");
    expect(first.svg).not.toContain("vacant");
    const acting = buildTimelineSvg(ds(), { office: "acting-general-secretary" });
    expect(acting.terms).toEqual(["ivashko-acting-general-secretary"]);
  });

  it("clamps to the range and marks the highlighted day", () => {
    const { svg, terms } = buildTimelineSvg(ds(), {
      from: "1952-01-01",
      to: "1954-12-31",
      highlight: "1953-03-05",
    });
    expect(terms).toEqual([
      "stalin-general-secretary",
      "stalin-general-secretary-de-facto",
      "khrushchev-first-secretary-de-facto",
      "khrushchev-first-secretary",
    ]);
    expect(svg).toContain("5 March 1953");
    expect(svg).toContain("The Secretariat&apos;s top office, 1952–1954");
  });

  it.each([
    ["from after to", { from: "1990-01-01", to: "1980-01-01" }, "after its end"],
    ["a range before 1917", { from: "1900-01-01", to: "1910-12-31" }, "established on 6 August 1917"],
    ["a range after the ban", { from: "1992-01-01", to: "1995-12-31" }, "banned on 6 November 1991"],
    ["a malformed date", { from: "1982-02-30" }, "is not a date"],
    ["an unknown office", { office: "<pope>" }, "There is no office “&lt;pope&gt;”"],
  ])("answers %s with a picture saying there are no terms", (_, options, detail) => {
    const result = buildTimelineSvg(ds(), options);
    expect(result.terms).toEqual([]);
    expect(result.svg).toContain("No terms in this range");
    expect(result.svg).toContain(detail);
    expect(result.height).toBeGreaterThan(100);
    expectEscaped(result.svg);
  });

  it("knows the width of every character it draws", () => {
    for (const lang of ["en", "ru"] as const) {
      const { svg } = buildTimelineSvg(ds(), {
        lang,
        from: "1952-01-01",
        to: "1954-12-31",
        highlight: "1953-03-05",
      });
      const full = buildTimelineSvg(ds(), { lang }).svg;
      const text = [...`${svg}${full}`.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join("");
      expect(unmeasured(text.replace(/&(amp|lt|gt|quot|apos);/g, ""))).toEqual([]);
    }
    const names = ds()
      .people.flatMap((p) => [p.name, p.nameRu])
      .join("");
    expect(unmeasured(names)).toEqual([]);
  });

  it("says so in Russian too", () => {
    const { svg } = buildTimelineSvg(ds(), { from: "1900-01-01", to: "1901-01-01", lang: "ru" });
    expect(svg).toContain("В этом промежутке никто не занимал должность");
  });
});

describe("timeline png", () => {
  it("ships its fonts", () => {
    const files = timelineFontFiles();
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const file of files) expect(existsSync(file)).toBe(true);
  });

  it("renders a PNG of the picture's size", () => {
    const result = renderTimelinePng(ds(), { from: "1952-01-01", to: "1954-12-31", highlight: "1953-03-05" });
    expect(pngSize(result.png)).toEqual({ width: result.width, height: result.height });
    expect(result.terms).toHaveLength(4);
  });

  it("gives the same picture when asked again, from its cache, sync or async", async () => {
    const data = ds();
    const options = { from: "1982-01-01", to: "1985-12-31", highlight: "1982-11-11" };
    const first = renderTimelinePng(data, options).png;
    expect(renderTimelinePng(data, { ...options }).png).toBe(first);
    expect((await renderTimelinePngAsync(data, options)).png).toBe(first);
    expect(Buffer.from(renderPng(buildTimelineSvg(data, options).svg)).equals(Buffer.from(first))).toBe(true);
  });

  it("renders a burst of identical requests once, and distinct ones separately", async () => {
    const data = ds();
    const options = { from: "1960-01-01", to: "1966-12-31", highlight: "1964-10-14", lang: "ru" as const };
    const burst = await Promise.all(Array.from({ length: 5 }, () => renderTimelinePngAsync(data, options)));
    for (const p of burst) expect(p).toBe(burst[0]);
    const other = await renderTimelinePngAsync(data, { ...options, highlight: "1964-10-15" });
    expect(other.png).not.toBe(burst[0]?.png);
    expect(pngSize(other.png)).toEqual({ width: other.width, height: other.height });
  });

  it("renders the full timeline, and an empty picture, without throwing", () => {
    const full = renderTimelinePng(ds(), { width: 800 });
    expect(pngSize(full.png)).toEqual({ width: 800, height: full.height });
    const empty = buildTimelineSvg(ds(), { from: "2000-01-01", to: "1999-01-01" });
    expect(pngSize(renderPng(empty.svg))).toEqual({ width: empty.width, height: empty.height });
  });
});

describe("the picture beside a /when answer", () => {
  const view = (q: string) => {
    const parsed = parseFuzzyDate(q);
    if (!parsed.ok) throw new Error(q);
    return viewAround(ds(), parsed.readings[0] as DateReading, "en");
  };

  it("starts and ends where a year or longer question does", () => {
    expect(view("1953")).toMatchObject({ from: "1953-01-01", to: "1953-12-31" });
    expect(view("1980s")).toMatchObject({ from: "1980-01-01", to: "1989-12-31" });
    expect(view("1953").highlight).toBeUndefined();
  });

  it("keeps the picture within the party's existence", () => {
    expect(view("1917")).toMatchObject({ from: "1917-08-06", to: "1917-12-31" });
  });

  it("gives a day a few years either side and marks it", () => {
    expect(view("5 March 1953")).toMatchObject({
      from: "1950-03-06",
      to: "1956-03-04",
      highlight: "1953-03-05",
    });
  });
});
