// Trivia and study as Discord messages (plain API JSON), in the reader's language: questions with
// answer buttons, reveals, standings, stats, the leaderboard and the study card. The rules in
// src/trivia/game.ts decide; this only shows.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import { formatIsoDay } from "../i18n/dates.js";
import { type Lang, text } from "../i18n/index.js";
import { ButtonStyle, ComponentType, MessageFlags } from "../interactions/api.js";
import { encodeId } from "../interactions/custom-id.js";
import { ephemeralText, NO_MENTIONS, quoteUserText } from "../interactions/payload.js";
import type { MessagePayload } from "../interactions/types.js";
import { answerLabel, letter } from "../text/answer-label.js";
import { sanitizeLine } from "../text/sanitize.js";
import type {
  AnswerResult,
  OpenedQuestion,
  Reveal,
  RoundEvent,
  Standing,
  StartResult,
  StopResult,
  StudyState,
} from "../trivia/game.js";
import { questionText } from "../trivia/questions/model.js";
import type { Question } from "../trivia/questions.js";
import { LATE_AFTER_MS } from "../trivia/schedule.js";
import type { RoundRow, ScoreRow } from "../trivia/store.js";
import { sourceList } from "./common.js";
import { clip, fitEmbed, joinLines } from "./limits.js";
import { reportButton } from "./reports.js";

export { LETTERS } from "../text/answer-label.js";

const COLOUR = 0x2f855a;

/** Custom-id prefixes of trivia's buttons; each has its handler in commands/components/. */
export const TRIVIA_PREFIXES = { answer: "ta", reset: "tr", study: "ts" } as const;

const mention = (id: string) => `<@${id}>`;

/** A moment as Discord shows it, in each reader's own time zone and language. */
export const discordTime = (ms: number, style: "t" | "f" | "F" | "R" = "f") =>
  `<t:${Math.floor(ms / 1000)}:${style}>`;

/**
 * A question's own text where markdown renders: a server's imported question is user content,
 * escaped (no formatting tricks, no mention syntax); the bot's own are shown as written.
 */
const said = (q: Question, s: string, max = 1000) => (q.userText ? quoteUserText(s, max) : s);

/** The same on one line where a title shows it (the reveal's "Answer: B. …"). */
const saidInTitle = (q: Question, s: string) => (q.userText ? quoteUserText(s, 200) : sanitizeLine(s));

/**
 * Where the question's answer is backed: the dataset's sources, named in the reader's language, or
 * the source an author named (in their own words).
 */
const sourcesOf = (ds: Dataset, q: Question, lang: Lang) =>
  q.userText ? clip(sanitizeLine(q.sourceNote ?? "—"), 300) : sourceList(ds, q.sources, lang);

function choicesText(q: Question, lang: Lang): string {
  return questionText(q, lang)
    .choices.map((c, i) => `**${letter(i)}.** ${said(q, c, 100)}`)
    .join("\n");
}

function answerButtons(
  q: Question,
  lang: Lang,
  style: (typeof ButtonStyle)["Primary" | "Secondary"],
  idFor: (i: number) => string,
  disabled?: number,
): APIButtonComponent[] {
  return questionText(q, lang).choices.map((c, i) => ({
    type: ComponentType.Button,
    style,
    label: answerLabel(i, c),
    custom_id: idFor(i),
    ...(i === disabled ? { disabled: true } : {}),
  }));
}

/** A round's question; with `disabled`, the same question after its hint took that answer away. */
export function questionMessage(
  lang: Lang,
  { round, asked, question }: OpenedQuestion,
  disabled?: number,
): MessagePayload {
  const words = text(lang);
  const difficulty = words.difficulties[question.difficulty] ?? question.difficulty;
  const day = round.daily_day ?? null;
  const late =
    day !== null && typeof round.daily_due === "number" && asked.opened_at - round.daily_due > LATE_AFTER_MS
      ? `\n\n${words.dailyLate({ due: discordTime(round.daily_due) })}`
      : "";
  const embed = fitEmbed({
    title:
      day !== null
        ? words.dailyQuestionTitle({ day: formatIsoDay(lang, day) })
        : round.total > 1
          ? words.questionOf({ n: asked.position + 1, total: round.total })
          : words.quickQuestion,
    description: `${said(question, questionText(question, lang).prompt, 400)}\n\n${choicesText(question, lang)}${
      disabled === undefined ? "" : `\n\n${words.hintGiven({ letter: letter(disabled) })}`
    }${day !== null ? `\n\n${words.dailyAnswersUntil({ at: discordTime(asked.closes_at) })}${late}` : ""}`,
    color: COLOUR,
    footer: {
      text:
        day !== null
          ? words.dailyFooter({ difficulty })
          : words.questionFooter({ difficulty, seconds: round.seconds }),
    },
  });
  const buttons = answerButtons(
    question,
    lang,
    ButtonStyle.Primary,
    (i) => encodeId(TRIVIA_PREFIXES.answer, [String(asked.id), String(i)]),
    disabled,
  );
  return {
    embeds: [embed],
    components: [{ type: ComponentType.ActionRow, components: buttons }],
    allowed_mentions: NO_MENTIONS,
  };
}

export function revealMessage(ds: Dataset, lang: Lang, reveal: Reveal): MessagePayload {
  const { round, asked, question, answers } = reveal;
  const words = text(lang);
  const shown = question && questionText(question, lang);
  const right = answers.filter((a) => a.correct === 1);
  const progress = round.daily_day
    ? `${words.dailyRevealFooter({ day: formatIsoDay(lang, round.daily_day) })} · `
    : round.total > 1
      ? `${words.questionOf({ n: asked.position + 1, total: round.total })} · `
      : "";
  // A question of the day: each right answer with the streak of days it keeps going ("🔥 7").
  const flame = (userId: string) => {
    const days = reveal.streaks?.[userId];
    return days ? ` 🔥 ${days}` : "";
  };
  const embed = fitEmbed({
    title:
      question && shown
        ? words.answerIs({
            letter: letter(question.answer),
            answer: saidInTitle(question, shown.choices[question.answer] ?? ""),
          })
        : words.answer,
    description: question && shown && reveal.explain ? said(question, shown.explanation) : "",
    color: COLOUR,
    fields: [
      {
        name: words.rightCount({ right: right.length, total: answers.length }),
        value: right.length
          ? joinLines(right.map((a) => `${mention(a.user_id)} +${a.points}${flame(a.user_id)}`))
          : words.nobodyRight,
      },
    ],
    footer: {
      text: reveal.explain
        ? `${progress}${words.sources}: ${question ? sourcesOf(ds, question, lang) : "—"}`
        : progress.replace(/ · $/, "") || "—",
    },
  });
  // Anyone who thinks the question wrong can say so (a form; see src/cards/reports.ts).
  const components: APIActionRowComponent<APIButtonComponent>[] = question
    ? [{ type: ComponentType.ActionRow, components: [reportButton(lang, question.id)] }]
    : [];
  return { embeds: [embed], components, allowed_mentions: NO_MENTIONS };
}

export function standingsMessage(
  lang: Lang,
  standings: Standing[],
  heading: string,
  round?: Pick<RoundRow, "counted" | "players" | "min_players">,
): MessagePayload {
  const words = text(lang);
  // A round with too few players is shown as usual, and says why the leaderboard leaves it out
  // (a round nobody answered has nothing to leave out).
  const uncounted =
    round?.counted === 0 && (round.players ?? 0) > 0
      ? `\n\n${words.roundNotCounted({ players: round.players ?? 0, min: round.min_players ?? 1 })}`
      : "";
  const lines = standings.map((r, i) =>
    words.standingsLine({
      rank: i + 1,
      user: mention(r.user_id),
      points: r.points,
      correct: r.correct,
      answered: r.answered,
    }),
  );
  const embed = fitEmbed({
    title: words.standings,
    description: `${heading}\n\n${lines.length ? joinLines(lines, 3400) : words.nobodyAnswered}${uncounted}`,
    color: COLOUR,
    footer: { text: words.standingsFooter },
  });
  return { embeds: [embed], allowed_mentions: NO_MENTIONS };
}

/** A message a round posts by itself (a reveal, its next question, its standings). */
export function roundEventMessage(ds: Dataset, event: RoundEvent, lang: Lang): MessagePayload {
  switch (event.kind) {
    case "reveal":
      return revealMessage(ds, lang, event.reveal);
    case "question":
      return questionMessage(lang, event.opened);
    case "hint":
      return questionMessage(lang, event.opened, event.disabled);
    case "standings":
      return standingsMessage(
        lang,
        event.standings,
        event.round.status === "stopped" ? text(lang).roundStopped : text(lang).lastQuestion,
        event.round,
      );
    case "interrupted":
      return { content: text(lang).interrupted, allowed_mentions: NO_MENTIONS };
  }
}

/** The reply to /trivia start and /trivia question. */
export function startReply(lang: Lang, result: StartResult): MessagePayload {
  const words = text(lang);
  if (result.ok) return questionMessage(lang, result.opened);
  switch (result.reason) {
    case "no-channel":
      return ephemeralText(words.noChannel);
    case "busy":
      return ephemeralText(words.roundBusy({ starter: mention(result.starterId) }));
    case "no-questions":
      return ephemeralText(words.noQuestions);
    case "race":
      return ephemeralText(words.roundRace);
    case "channel-not-allowed":
      return ephemeralText(
        words.channelNotAllowed({ channels: result.channels.map((c) => `<#${c}>`).join(", ") }),
      );
    case "too-long":
      return ephemeralText(
        words.roundTooLong({ questions: result.questions, seconds: result.seconds, minutes: result.minutes }),
      );
  }
}

export function stopReply(lang: Lang, result: StopResult, stoppedBy: string): MessagePayload {
  const words = text(lang);
  if (!result.ok) {
    const reasons = {
      "no-round": words.noRound,
      "not-allowed": words.stopNotAllowed,
      later: words.stopLater,
      unavailable: words.stopUnavailable,
    } as const;
    return ephemeralText(reasons[result.reason]);
  }
  return standingsMessage(
    lang,
    result.standings,
    words.stoppedBy({ user: mention(stoppedBy) }),
    result.round,
  );
}

export function answerReply(lang: Lang, result: AnswerResult): MessagePayload {
  const words = text(lang);
  switch (result.status) {
    case "counted":
      return ephemeralText(words.lockedIn({ letter: letter(result.choice) }));
    case "duplicate":
      return ephemeralText(words.duplicateAnswer);
    case "closed":
      return ephemeralText(words.tooLate);
    case "gone":
      return ephemeralText(words.questionGone);
  }
}

const accuracyOf = (r: Pick<ScoreRow, "answered" | "correct">) =>
  r.answered ? Math.round((100 * r.correct) / r.answered) : 0;

/** A player's stats; `term`: the name of the term they are of (a server's running term). */
export function statsMessage(
  lang: Lang,
  userId: string,
  score: (ScoreRow & { rank: number; daily?: { current: number; best: number } }) | undefined,
  term?: string,
) {
  const words = text(lang);
  if (!score)
    return ephemeralText(
      term === undefined
        ? words.noStats({ user: mention(userId) })
        : words.termNoStats({ user: mention(userId), name: quoteUserText(term, 100) }),
    );
  const embed: APIEmbed = fitEmbed({
    title: words.statsTitle,
    description: words.statsRank({ user: mention(userId), rank: score.rank }),
    color: COLOUR,
    fields: [
      { name: words.points, value: String(score.points), inline: true },
      {
        name: words.accuracy,
        value: `${accuracyOf(score)}% (${score.correct}/${score.answered})`,
        inline: true,
      },
      {
        name: words.streak,
        value: words.streakValue({ now: score.streak, best: score.best_streak }),
        inline: true,
      },
      ...(score.daily?.best
        ? [
            {
              name: words.dailyStreak,
              value: words.streakValue({ now: score.daily.current, best: score.daily.best }),
              inline: true,
            },
          ]
        : []),
    ],
    ...(term ? { footer: { text: words.statsTerm({ name: sanitizeLine(term) }) } } : {}),
  });
  return { embeds: [embed], allowed_mentions: NO_MENTIONS } satisfies MessagePayload;
}

/** The leaderboard of a scope; `term`: the name of the term it shows, if it shows one. */
export function leaderboardMessage(
  lang: Lang,
  rows: ScoreRow[],
  scope: "server" | "conversation" | "global",
  term?: string,
): MessagePayload {
  const words = text(lang);
  // A term's name is a moderator's text: escaped where markdown renders.
  const termName = term === undefined ? undefined : quoteUserText(term, 100);
  if (rows.length === 0)
    return ephemeralText(termName === undefined ? words.noScores : words.termNoScores({ name: termName }));
  const lines = rows.map((r, i) =>
    words.leaderboardLine({
      rank: i + 1,
      user: mention(r.user_id),
      points: r.points,
      accuracy: accuracyOf(r),
      best: r.best_streak,
    }),
  );
  const embed = fitEmbed({
    title:
      termName !== undefined
        ? words.leaderboardTerm({ name: termName })
        : scope === "global"
          ? words.leaderboardGlobal
          : scope === "conversation"
            ? words.leaderboardConversation
            : words.leaderboard,
    description: joinLines(lines, 4096),
    color: COLOUR,
  });
  return { embeds: [embed], allowed_mentions: NO_MENTIONS };
}

/** The private confirmation before a reset, with the button that does it. */
export function resetPrompt(lang: Lang, guildId: string, userId: string): MessagePayload {
  const words = text(lang);
  return {
    content: `${words.resetConfirm}\n\n${words.resetPrefersTerm}`,
    flags: MessageFlags.Ephemeral,
    allowed_mentions: NO_MENTIONS,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: words.resetButton,
            custom_id: encodeId(TRIVIA_PREFIXES.reset, [guildId, userId]),
          },
        ],
      },
    ],
  };
}

export function resetDone(lang: Lang, removed: number): MessagePayload {
  return { content: text(lang).resetDone({ removed }), components: [], allowed_mentions: NO_MENTIONS };
}

/** /study's private card: the verdict on the last answer, then the next question with buttons. */
export function studyMessage(ds: Dataset, lang: Lang, state: StudyState): MessagePayload {
  const words = text(lang);
  const embeds: APIEmbed[] = [];
  const previous = state.previous;
  if (previous) {
    const q = previous.question;
    const shown = questionText(q, lang);
    const answer = { letter: letter(q.answer), answer: shown.choices[q.answer] ?? "" };
    const verdict = previous.correct
      ? words.studyRight({ ...answer, box: previous.box })
      : words.studyWrong({ ...answer, chosen: letter(previous.chosen) });
    embeds.push(
      fitEmbed({
        description: `${verdict}\n\n${shown.explanation}`,
        color: COLOUR,
        footer: { text: `${words.sources}: ${sourceList(ds, q.sources, lang)}` },
      }),
    );
  }
  const next = state.next;
  if (!next) {
    embeds.push(fitEmbed({ title: words.study, description: words.studyAllSeen, color: COLOUR }));
    return { embeds, components: [], flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
  }
  const boxes = state.boxes.map(([box, count]) => words.studyBox({ box, count })).join(" · ");
  embeds.push(
    fitEmbed({
      title: words.studyTitle,
      description: `${questionText(next, lang).prompt}\n\n${choicesText(next, lang)}`,
      color: COLOUR,
      footer: { text: boxes ? words.studyBoxes({ boxes }) : words.studyHint },
    }),
  );
  const buttons = answerButtons(next, lang, ButtonStyle.Secondary, (i) =>
    encodeId(TRIVIA_PREFIXES.study, [next.id, String(i)]),
  );
  return {
    embeds,
    components: [{ type: ComponentType.ActionRow, components: buttons }],
    flags: MessageFlags.Ephemeral,
    allowed_mentions: NO_MENTIONS,
  };
}
