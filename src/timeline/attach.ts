import type { APIEmbed } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import { daysBetween, shiftDay } from "../dates/calendar.js";
import type { DateReading } from "../dates/parse.js";
import type { Lang } from "../i18n/index.js";
import type { MessagePayload } from "../interactions/types.js";
import type { TimelineOptions } from "./svg.js";

export const TIMELINE_FILE = "timeline.png";

let renderer: Promise<typeof import("./png.js")> | undefined;

/** The picture as an attachment, and the embed that shows it inline. */
export async function withTimeline(
  ds: Dataset,
  payload: MessagePayload,
  options: TimelineOptions,
  description: string,
): Promise<MessagePayload> {
  // The renderer (resvg, a native module) loads on the first picture, not with every command.
  renderer ??= import("./png.js");
  const { renderTimelinePngAsync } = await renderer;
  const picture = await renderTimelinePngAsync(ds, options);
  const [first, ...rest] = payload.embeds ?? [];
  const embeds: APIEmbed[] = first
    ? [{ ...first, image: { url: `attachment://${TIMELINE_FILE}` } }, ...rest]
    : [];
  return { ...payload, embeds, files: [{ name: TIMELINE_FILE, data: picture.png, description }] };
}

/**
 * The picture beside an answer to /when. A year or more is drawn as asked, from its first day to its
 * last, so that the picture starts where the question does; a shorter time (a day, a month, a
 * season) is too thin to see alone and gets a few years either side, with a marker on a single day.
 */
export function viewAround(ds: Dataset, reading: DateReading, lang: Lang, office?: string): TimelineOptions {
  const span = ds.leadershipSpan;
  const long = daysBetween(reading.from, reading.to) >= 364;
  const pad = long ? 0 : reading.precision === "day" || reading.precision === "month" ? 3 * 365 : 365;
  const clampFrom = (d: string) => (d < span.from ? span.from : d > span.banned ? span.banned : d);
  const from = clampFrom(shiftDay(reading.from, -pad));
  const to = clampFrom(shiftDay(reading.to, pad));
  return {
    from: from < to ? from : span.from,
    to: from < to ? to : span.banned,
    lang,
    ...(reading.precision === "day" ? { highlight: reading.from } : {}),
    ...(office ? { office } : {}),
  };
}
