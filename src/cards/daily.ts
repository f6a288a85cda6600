// The question of the day's private answers: what /daily set refused and why, and the schedule as
// /daily show (and a successful /daily set) tells it. The day's question and reveal themselves
// are trivia messages (src/cards/trivia.ts).
import { formatIsoDay } from "../i18n/dates.js";
import { type Lang, text } from "../i18n/index.js";
import { ephemeralText, quoteUserText } from "../interactions/payload.js";
import type { MessagePayload } from "../interactions/types.js";
import type { DailySetResult, DailyShow } from "../trivia/daily.js";
import { LATE_AFTER_MS } from "../trivia/schedule.js";
import { discordTime } from "./trivia.js";

const channel = (id: string) => `<#${id}>`;

/** How the latest day's question went, as /daily show says it. */
function howItWent(last: NonNullable<DailyShow["last"]>): string {
  if (last.outcome === null) return "pending";
  if (last.outcome !== "posted") return last.outcome === "gone" ? "gone" : "abandoned";
  return last.started_at - last.daily_due > LATE_AFTER_MS ? "late" : "posted";
}

/** The schedule in force, or that there is none. */
export function dailyShowMessage(lang: Lang, shown: DailyShow, heading?: string): MessagePayload {
  const words = text(lang);
  const s = shown.schedule;
  if (!s) return ephemeralText(words.dailyNone);
  const lines = [
    `**${heading ?? words.dailyTitle}**`,
    words.dailyEvery({ time: s.post_time, zone: s.time_zone, channel: channel(s.channel_id) }),
    s.reveal_time ? words.dailyRevealAt({ time: s.reveal_time }) : words.dailyRevealBeforeNext,
    s.set_id !== null
      ? words.dailyOwnSet
      : words.dailyChoices({
          difficulty: s.difficulty
            ? (words.difficulties[s.difficulty] ?? s.difficulty)
            : words.settingsAnyDifficulty,
          category: s.category ? (words.categoryNames[s.category] ?? s.category) : words.dailyAnyCategory,
        }),
  ];
  if (s.paused && s.paused_at !== null)
    lines.push(words.dailyPaused({ channel: channel(s.channel_id), at: discordTime(s.paused_at) }));
  else if (s.next_due !== null)
    lines.push(words.dailyNext({ at: discordTime(s.next_due, "F"), relative: discordTime(s.next_due, "R") }));
  const last = shown.last;
  if (last)
    lines.push(
      words.dailyLast({
        day: formatIsoDay(lang, last.daily_day),
        how: words.dailyHow[howItWent(last)] ?? howItWent(last),
      }),
    );
  return ephemeralText(lines.join("\n"));
}

/** The answer to /daily set: the schedule now in force, or why it was refused. */
export function dailySetMessage(lang: Lang, result: DailySetResult): MessagePayload {
  const words = text(lang);
  if (result.ok)
    return dailyShowMessage(lang, { schedule: result.schedule, last: undefined }, words.dailySetDone);
  switch (result.reason) {
    case "bad-time":
      return ephemeralText(words.dailyBadTime({ input: quoteUserText(result.input, 40) }));
    case "bad-reveal":
      return ephemeralText(words.dailyBadReveal({ input: quoteUserText(result.input, 40) }));
    case "same-times":
      return ephemeralText(words.dailySameTimes);
    case "bad-zone":
      return ephemeralText(
        result.suggestion
          ? words.dailyZoneSuggest({ input: quoteUserText(result.input, 60), zone: result.suggestion })
          : words.dailyZoneUnknown({ input: quoteUserText(result.input, 60) }),
      );
    case "cannot-post":
      return ephemeralText(words.dailyCannotPost({ channel: channel(result.channelId) }));
    case "no-questions":
      return ephemeralText(words.dailyNoQuestions);
  }
}
