import { addDays, format, isExists, parseISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { dayFromNumber, dayNumber, daysBetween, isRealDay, shiftDay } from "../src/dates/calendar.js";
import { describeTermLength, durationBetween, formatYearsDays } from "../src/dates/duration.js";
import { parseFuzzyDate } from "../src/dates/parse.js";
import { dateProblemText } from "../src/i18n/dates.js";

function one(text: string) {
  const r = parseFuzzyDate(text);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${r.problem.code}`);
  expect(r.readings).toHaveLength(1);
  const [reading] = r.readings;
  return reading!;
}

describe("parseFuzzyDate", () => {
  it.each([
    "1982-11-10",
    "10 November 1982",
    "Nov 10 1982",
    "10th November 1982",
    "November 10th, 1982",
    "10.11.1982",
    "1982/11/10",
    "10th of November 1982",
    "12 ноября 1982".replace("12", "10"),
    "  10   NOVEMBER   1982 ",
  ])("reads %s as 10 November 1982", (text) => {
    expect(one(text)).toMatchObject({
      from: "1982-11-10",
      to: "1982-11-10",
      precision: "day",
      label: "10 November 1982",
    });
  });

  it("takes the only valid reading of a slash date", () => {
    expect(one("15/06/1975")).toMatchObject({ from: "1975-06-15", precision: "day" });
    expect(one("06/15/1975")).toMatchObject({ from: "1975-06-15", precision: "day" });
  });

  it("answers for both readings of an ambiguous slash date and says so", () => {
    const r = parseFuzzyDate("03/05/1953");
    expect(r.ok && r.ambiguous).toBe(true);
    expect(r.ok && r.readings.map((x) => x.from)).toEqual(["1953-05-03", "1953-03-05"]);
  });

  it.each([
    ["May 1983", "1983-05-01", "1983-05-31", "month"],
    ["ноябрь 1982", "1982-11-01", "1982-11-30", "month"],
    ["February 1984", "1984-02-01", "1984-02-29", "month"],
    ["1983", "1983-01-01", "1983-12-31", "year"],
    ["в 1983 году", "1983-01-01", "1983-12-31", "year"],
    ["1970s", "1970-01-01", "1979-12-31", "decade"],
    ["the 1970s", "1970-01-01", "1979-12-31", "decade"],
    ["1964-1966", "1964-01-01", "1966-12-31", "range"],
    ["1964–66", "1964-01-01", "1966-12-31", "range"],
    ["1982 to 1985", "1982-01-01", "1985-12-31", "range"],
    ["between 1953 and 1955", "1953-01-01", "1955-12-31", "range"],
    ["5 March to 14 March 1953", "1953-03-05", "1953-03-14", "range"],
    ["spring 1984", "1984-03-01", "1984-05-31", "season"],
    ["autumn 1964", "1964-09-01", "1964-11-30", "season"],
    ["winter 1953", "1952-12-01", "1953-02-28", "season"],
    ["1984-02", "1984-02-01", "1984-02-29", "month"],
    ["nov '82", "1982-11-01", "1982-11-30", "month"],
    ["the fifties", "1950-01-01", "1959-12-31", "decade"],
    ["1950-е годы", "1950-01-01", "1959-12-31", "decade"],
    ["early 1953", "1953-01-01", "1953-04-30", "range"],
    ["late 1980s", "1987-01-01", "1989-12-31", "range"],
    ["12.XI.1982", "1982-11-12", "1982-11-12", "day"],
    ["12-го ноября 1982 года", "1982-11-12", "1982-11-12", "day"],
    ["10-Nov-1982", "1982-11-10", "1982-11-10", "day"],
    ["1991-08-24T00:00:00Z", "1991-08-24", "1991-08-24", "day"],
    ["Q1 1984", "1984-01-01", "1984-03-31", "range"],
  ])("reads %s as %s – %s (%s)", (text, from, to, precision) => {
    expect(one(text)).toMatchObject({ from, to, precision });
  });

  it.each([
    ["31 February 1953", /February 1953 has 28 days/],
    ["29 February 1983", /February 1983 has 28 days/],
    ["1982-13-01", /13 is not a month/],
    ["13/13/1982", /not a real date/],
    ["November", /no year/],
    ["1985 to 1982", /ends .* before it starts/],
    ["hello", /couldn't read "hello"/],
    ["", /Please give a date/],
    ["@everyone", /couldn't read/],
  ])("rejects %s with a message saying what went wrong", (text, message) => {
    const r = parseFuzzyDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const error = dateProblemText("en", r.problem);
      expect(error).toMatch(message);
      expect(error).toMatch(/Forms that work/);
      expect(dateProblemText("ru", r.problem)).toMatch(/Подходят такие формы/);
    }
  });

  it("accepts a real leap day", () => {
    expect(one("29 February 1984")).toMatchObject({ from: "1984-02-29" });
  });
});

describe("durations", () => {
  it("counts years and remaining days as the seeds' list does", () => {
    expect(formatYearsDays(durationBetween("1966-04-08", "1982-11-10"))).toBe("16 years, 216 days");
    expect(formatYearsDays(durationBetween("1991-08-24", "1991-08-29"))).toBe("5 days");
    expect(formatYearsDays(durationBetween("1921-03-16", "1922-04-03"))).toBe("1 year, 18 days");
  });

  it("is honest about imprecise dates", () => {
    expect(
      describeTermLength(
        { date: "1919-12", precision: "month", sources: ["x"] },
        { date: "1921-03", precision: "month", sources: ["x"] },
      ),
    ).toBe("1 year, 3 months");
    expect(
      describeTermLength(
        { date: "1918", precision: "year", sources: ["x"] },
        { date: "1919-03-16", precision: "day", sources: ["x"] },
      ),
    ).toBe("0–1 years");
  });
});

describe("day arithmetic", () => {
  it("agrees with date-fns on every day from 1800 to 2100", () => {
    const base = parseISO("1800-01-01");
    const wrong: string[] = [];
    for (let i = 0; i < 110_000; i += 1) {
      const day = format(addDays(base, i), "yyyy-MM-dd");
      const shift = ((i * 7919) % 5000) - 2500;
      if (dayFromNumber(dayNumber(day)) !== day || daysBetween("1800-01-01", day) !== i) wrong.push(day);
      if (shiftDay(day, shift) !== format(addDays(parseISO(day), shift), "yyyy-MM-dd"))
        wrong.push(`${day}+${shift}`);
    }
    expect(wrong).toEqual([]);
  });

  it("knows which days exist, leap years included", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect([
      isRealDay(1900, 2, 29),
      isRealDay(2000, 2, 29),
      isRealDay(1984, 2, 29),
      isRealDay(1983, 2, 29),
    ]).toEqual([false, true, true, false]);
    for (let year = 1890; year <= 2010; year += 1)
      for (let month = 0; month <= 13; month += 1)
        for (let day = 0; day <= 32; day += 1)
          if (isRealDay(year, month, day) !== isExists(year, month - 1, day))
            throw new Error(`${year}-${month}-${day}`);
  });
});

describe("wording", () => {
  it.each([
    ["21 century", "the 21st century"],
    ["20th century", "the 20th century"],
    ["2 century", "the 2nd century"],
    ["3 century", "the 3rd century"],
    ["11 century", "the 11th century"],
    ["12 century", "the 12th century"],
    ["13 century", "the 13th century"],
  ])("%s reads as %s", (text, label) => {
    expect(one(text).label).toBe(label);
  });
});

describe("a day range within one month", () => {
  it.each(["9–13 February 1984", "9-13 February 1984", "9 – 13 February 1984"])(
    "%s reads as 9 to 13 February 1984",
    (text) => {
      const r = parseFuzzyDate(text);
      expect(r.ok && r.readings.map((x) => [x.from, x.to])).toEqual([["1984-02-09", "1984-02-13"]]);
    },
  );
});

describe("open periods and Russian short decades", () => {
  const read = (q: string) => {
    const p = parseFuzzyDate(q);
    return p.ok ? p.readings.map((r) => [r.from, r.to, r.precision]) : p.problem.code;
  };
  it("reads after, since, before and until up to the years the bot covers (1917–1991)", () => {
    expect(read("after 1985")).toEqual([["1986-01-01", "1991-12-31", "range"]]);
    expect(read("since March 1953")).toEqual([["1953-03-01", "1991-12-31", "range"]]);
    expect(read("before 1953")).toEqual([["1917-01-01", "1952-12-31", "range"]]);
    expect(read("until 1924")).toEqual([["1917-01-01", "1924-12-31", "range"]]);
    expect(read("после 1985")).toEqual([["1986-01-01", "1991-12-31", "range"]]);
    expect(read("до 1953 года")).toEqual([["1917-01-01", "1952-12-31", "range"]]);
  });
  it("says so when the open period falls outside those years", () => {
    expect(read("after 1995")).toBe("range-backwards");
    expect(read("before 1900")).toBe("range-backwards");
  });
  it("reads 60-е and 60-х as the 1960s", () => {
    expect(read("в 60-е")).toEqual([["1960-01-01", "1969-12-31", "decade"]]);
    expect(read("в 60-х годах")).toEqual([["1960-01-01", "1969-12-31", "decade"]]);
  });
});

describe("Russian words with й", () => {
  it("reads май and the seasons весной, зимой (й is not folded to и)", () => {
    const read = (q: string) => {
      const p = parseFuzzyDate(q);
      return p.ok ? [p.readings[0]?.from, p.readings[0]?.to] : p.problem.code;
    };
    expect(read("май 1953")).toEqual(["1953-05-01", "1953-05-31"]);
    expect(read("весной 1953")).toEqual(["1953-03-01", "1953-05-31"]);
    expect(read("зимой 1953")).toEqual(["1952-12-01", "1953-02-28"]);
  });
});
