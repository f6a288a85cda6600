// The question of the day's calendar: a local time of day in a real IANA time zone, and when each
// local day's question and reveal fall as instants. Offsets come from the zone's own rules
// (@date-fns/tz over Intl), never from a hand-made offset, so 09:00 in Europe/Berlin stays 09:00
// across the changes in late March and late October. Pure functions: the scheduler and the store
// decide what to do with them.
import { TZDate } from "@date-fns/tz";

/** A time of day as a schedule keeps it. */
export interface LocalTime {
  hour: number;
  minute: number;
  second: number;
}

/** What a schedule needs to place its days: its times and zone. */
export interface DailyTimes {
  /** "HH:MM" or "HH:MM:SS", local. */
  post: string;
  /** When the answer is revealed, local; null: just before the next day's question. */
  reveal: string | null;
  zone: string;
}

const DAY_MS = 86_400_000;
/** Without a reveal time, the answer comes this long before the next day's question. */
export const REVEAL_BEFORE_NEXT_MS = 60_000;
/** A question posted later than this after its time says that it is late. */
export const LATE_AFTER_MS = 60_000;
/** A question is not posted late when less than this is left to answer it: the day is skipped. */
export const LEAST_WINDOW_MS = 60_000;

/** "9:00", "09:00", "21:30:15" → the time; anything else (25:00, 9h, 12:60) → undefined. */
export function parseLocalTime(input: string): LocalTime | undefined {
  const m = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(input);
  if (!m) return undefined;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second };
}

const two = (n: number) => String(n).padStart(2, "0");

/** The time as a schedule stores and shows it: "09:00", or "09:00:30" when it has seconds. */
export function formatLocalTime(t: LocalTime): string {
  return `${two(t.hour)}:${two(t.minute)}${t.second ? `:${two(t.second)}` : ""}`;
}

const secondsOf = (t: LocalTime) => t.hour * 3600 + t.minute * 60 + t.second;

let zoneNames: string[] | undefined;
const allZones = () => {
  zoneNames ??= [...Intl.supportedValuesOf("timeZone"), "UTC"];
  return zoneNames;
};

/** How far apart two words are (edits), for "did you mean" on a zone's city. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = row;
  }
  return previous[b.length] as number;
}

export type ZoneCheck = { ok: true; zone: string } | { ok: false; suggestion?: string };

/**
 * A real IANA zone, in its canonical spelling ("europe/berlin" → "Europe/Berlin"); otherwise the
 * zone the input most likely meant, by its city ("Moscow" → "Europe/Moscow", "new york" →
 * "America/New_York", "Berln" → "Europe/Berlin").
 */
export function checkZone(input: string): ZoneCheck {
  const typed = input.trim();
  if (typed) {
    try {
      const zone = new Intl.DateTimeFormat("en", { timeZone: typed }).resolvedOptions().timeZone;
      // Intl also takes offsets ("+03:00") on some versions: only named zones are the zone's rules.
      if (allZones().includes(zone) || zone.startsWith("Etc/")) return { ok: true, zone };
    } catch {
      // not a zone Intl knows: look for the one meant below
    }
  }
  const wanted = typed.toLowerCase().replace(/\s+/g, "_");
  if (!wanted) return { ok: false };
  let best: { zone: string; d: number } | undefined;
  for (const zone of allZones()) {
    const city = (zone.split("/").at(-1) ?? zone).toLowerCase();
    const d = city === wanted ? 0 : distance(city, wanted);
    if (!best || d < best.d) best = { zone, d };
  }
  return best && best.d <= Math.max(1, Math.floor(wanted.length / 4))
    ? { ok: false, suggestion: best.zone }
    : { ok: false };
}

/** The local date ("2026-03-29") of an instant in a zone. */
export function localDay(at: number, zone: string): string {
  const d = new TZDate(at, zone);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The date `n` days after `day` (calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant of a local time on a local date. A time the clocks skip (02:30 on the night they go
 * forward) falls just after the gap; one they pass twice (going back), the first time.
 */
export function atLocal(day: string, time: LocalTime, zone: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, time.hour, time.minute, time.second, zone).getTime();
}

const timeOf = (s: string): LocalTime => parseLocalTime(s) ?? { hour: 0, minute: 0, second: 0 };

/** When `day`'s question is due. */
export function postAt(times: DailyTimes, day: string): number {
  return atLocal(day, timeOf(times.post), times.zone);
}

/**
 * When `day`'s answer is revealed: at the reveal time after the question (the same day, or the
 * next when the reveal time is not later in the day), or just before the next day's question.
 */
export function revealAt(times: DailyTimes, day: string): number {
  if (times.reveal === null) return postAt(times, addDays(day, 1)) - REVEAL_BEFORE_NEXT_MS;
  const reveal = timeOf(times.reveal);
  const later = secondsOf(reveal) > secondsOf(timeOf(times.post));
  return atLocal(later ? day : addDays(day, 1), reveal, times.zone);
}

/** The first day whose question is still ahead at `now`: today if its time has not come, else tomorrow. */
export function firstDay(times: DailyTimes, now: number): string {
  const today = localDay(now, times.zone);
  return postAt(times, today) >= now ? today : addDays(today, 1);
}

/**
 * Whether `day`'s question may still go out at `now`: on time (within LATE_AFTER_MS of its time)
 * while its answers are open, or late while at least LEAST_WINDOW_MS is left to answer.
 */
function postable(times: DailyTimes, day: string, now: number): boolean {
  const reveal = revealAt(times, day);
  if (now >= reveal) return false;
  return now - postAt(times, day) <= LATE_AFTER_MS || reveal - now >= LEAST_WINDOW_MS;
}

/**
 * The day a schedule owing `owed` should post for at `now`: `owed` itself while it may still go
 * out (see postable), else the first later day that may (the days between are skipped: nobody
 * would have had time to answer). `skipped` counts them.
 */
export function dayToPost(times: DailyTimes, owed: string, now: number): { day: string; skipped: number } {
  let day = owed;
  let skipped = 0;
  // A long outage: start from the day before today rather than walk every day since.
  const yesterday = addDays(localDay(now, times.zone), -1);
  if (day < yesterday) {
    skipped = Math.round((Date.parse(yesterday) - Date.parse(day)) / DAY_MS);
    day = yesterday;
  }
  while (!postable(times, day, now)) {
    day = addDays(day, 1);
    skipped++;
  }
  return { day, skipped };
}

/** Up to 25 zones whose name contains what was typed ("berl", "new york"), for autocomplete. */
export function zoneChoices(typed: string): { name: string; value: string }[] {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, "_");
  return allZones()
    .filter((zone) => zone.toLowerCase().includes(wanted))
    .slice(0, 25)
    .map((zone) => ({ name: zone, value: zone }));
}
