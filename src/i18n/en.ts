// Every English text a user can see, in one table. ru.ts has the same keys and shapes: the type
// checker refuses a Russian table with a key missing, extra or of another shape. Texts that take
// values are functions of named parameters; the engine hands over codes and values, never prose.
// It is long on purpose: one table per language is where a translator reads every text in order.

import type { Office, Person } from "../data/schema.js";
import { MONTHS_EN } from "../dates/parse.js";

/** A person or office as the search's notes on what matched name them (src/search/entries.ts). */
type NotedPerson = Pick<Person, "name" | "nameRu" | "nameRuForms">;
type NotedOffice = Pick<Office, "name" | "nameRu" | "nameRuForms" | "kind">;

const lastWord = (s: string) => s.trim().split(/\s+/).at(-1) ?? s;
/** "Никита Хрущёв" from "Никита Сергеевич Хрущёв". */
const shortRu = (nameRu: string) => {
  const parts = nameRu.trim().split(/\s+/);
  return parts.length > 2 ? `${parts[0]} ${parts.at(-1)}` : nameRu;
};

const EXONYM_LANGUAGES: Record<string, string> = { de: "German", fr: "French", es: "Spanish", pl: "Polish" };
const TRANSLIT_SYSTEMS: Record<string, string> = {
  english: "English-style",
  simple: "simplified",
  scholarly: "scholarly",
  iso9: "ISO 9",
  german: "German-style",
  french: "French-style",
  polish: "Polish-style",
  spanish: "Spanish-style",
};

/** "Jan" … "Dec": English uses the same short names alone and after a day. */
const SHORT_MONTHS: string[] = MONTHS_EN.map((m) => m.slice(0, 3));

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en = {
  // — cards —
  offices: "Offices held",
  roles: "Other roles",
  facts: "Facts",
  disputes: "Where the sources disagree",
  characterisations: "How the sources characterise it",
  holders: "Holders in order",
  purpose: "Purpose",
  existed: "Existed",
  titles: "Titles",
  infobox: "In brief",
  predecessor: "Preceded by",
  successor: "Succeeded by",
  followedBy: "Next office",
  precededByOffice: "Preceding office",
  diedInOffice: "died in office",
  deFacto: "de facto",
  acting: "acting",
  beforeOffice: (p: { date: string }) => `before the office was created on ${p.date}`,
  /** A holding that only some sources give, kept out of the order of holders. */
  accountOf: (p: { sources: string }) => `according to ${p.sources}`,
  /** A dispute is named by its heading under "Where the sources disagree", in italics, never in
   * quotation marks: those are kept for the sources' own words. */
  orderDisputed: (p: { topic: string }) => `Place in the order disputed (see *${p.topic}*)`,
  neighbourDisputed: (p: { topic: string }) => `disputed (see *${p.topic}*)`,
  /** A neighbour in the order as one account gives it, where the sources order these people differently. */
  chainAccount: (p: { name: string; sources: string; topic: string }) =>
    `${p.name} (according to ${p.sources}; the order is disputed: see *${p.topic}*)`,
  contextOrderDisputed: (p: { topic: string }) => `The sources disagree on *${p.topic}*:`,
  /** On an office's card with no room for every disagreement: those about its holders, by name. */
  disputesOfHolders: "Where the sources disagree about its holders",
  disputesOnHoldersCards: (p: { topics: string }) =>
    `Given in full on the cards of the people concerned: ${p.topics}.`,
  /** A holding from a date on which the sources disagree on the holder's title (Stalin's, 1934). */
  titleDisputedFrom: (p: { date: string }) => `title disputed from ${p.date}`,
  endUnknown: "end not given by the sources",
  sources: "Sources",
  matched: "Matched",
  interpretation: "Read as",
  precision: "precision",
  vacant: "Vacant",
  aroundThen: "Around then",
  noHolder: "No one held the office",
  whoLed: "Who led the party",
  /** Before Lenin's death in 1924 the office was not the party's leadership: say what it was. */
  whoHeldTop: "Who held the Secretariat's top office",
  contextEarlyOffices:
    "Before Stalin, the sources say, the position was not viewed as an important role in Lenin's government: its holders were responsible for technical rather than political decisions.",
  used: "used in answers",
  died: "Died",
  accordingTo: (p: { source: string; text: string }) => `According to ${p.source}, ${p.text}`,
  membersUndated: "Members and holders",
  /** A holding of a body rather than an office: who headed it. */
  headOfBody: { secretariat: "Head of the Secretariat" } as Record<string, string>,
  datesImprecise: " (dates imprecise)",
  or: " or ",
  readTwoWays: (p: { query: string; readings: string }) =>
    `"${p.query}" can be read two ways: ${p.readings}. Both are answered below.`,
  statedMismatch: (p: { stated: string; sources: string }) =>
    `Stated as "${p.stated}" by ${p.sources}, which does not match the dates.`,
  contextImprecise:
    "Some of these dates are known only to the month or year, so those holdings may not cover every day asked.",
  contextBeforeFounding: (p: { date: string }) =>
    `The office did not exist before the Secretariat was established on ${p.date}.`,
  /** After the party's activities were suspended: the office's end as the seeds give it (003). */
  contextAbolished: (p: { date: string; banned: string }) =>
    `The office was abolished on ${p.date}, the day the party's activities were suspended; the party was banned on ${p.banned}.`,
  timelineTitle: "The Secretariat's top office, 1917–1991",
  /** /timeline's title for a view: what it shows and from when to when. */
  timelineView: (p: { what: string; from: string; to: string }) => `${p.what}, ${p.from} – ${p.to}`,
  noTermsInRange: "No one held the office in this range.",
  sourcesTitle: "Where the answers come from",
  sourcesIntro:
    "Every fact the bot states names one of these documents. Characterisations from the partisan source are attributed, never stated as the bot's own.",
  disputesIntro:
    "The bot keeps every claimed value with its sources. *used in answers* marks what the bot's answers rest on; where one disagreement has two such marks, the two values describe different things (a de facto and a de jure start, say), and answers use each for its own.",
  sourcesPage: (p: { page: number; total: number }) => `Page ${p.page} of ${p.total}`,
  sourcesPrevious: "Previous",
  sourcesNext: "Next",
  sourceKinds: {} as Record<string, string>,
  /** The names of an office infobox's rows (as the encyclopedia gives them). */
  infoboxLabels: {
    style: "Style",
    type: "Type",
    status: "Status",
    residence: "Residence",
    seat: "Seat",
    appointer: "Appointer",
    salary: "Salary",
    formation: "Formation",
    founded: "Founded",
    firstHolder: "First holder",
    finalHolder: "Final holder",
    abolished: "Abolished",
    dissolved: "Dissolved",
    supersededBy: "Superseded by",
    succeededBy: "Succeeded by",
  } as Record<string, string>,

  help: {
    title: "Apparat — the Secretariat of the CPSU Central Committee, 1917–1991",
    description:
      "Look up the party's Technical and Responsible Secretaries, General and First Secretaries by name or by date. Names are forgiving: any spelling, Cyrillic, typos. Every answer cites its sources.",
    fields: [
      {
        name: "/who — a person",
        value: "`/who name:krushchev` · `/who name:Горбачёв` · `/who name:K. Chernenko`",
      },
      {
        name: "/office — an office and its holders",
        value: "`/office title:gensec` · `/office title:Responsible Secretary`",
      },
      {
        name: "/when — who held office at a date or in a period",
        value:
          "`/when date:May 1983` · `/when date:10th November 1982` · `/when date:the 1970s` · `/when date:1953 office:First Secretary`",
      },
      {
        name: "/timeline — the Secretariat's top office and its holders, in order",
        value: "`/timeline` · `/timeline from:1950 to:1970`",
      },
      { name: "/sources — the documents and where they disagree", value: "`/sources`" },
      {
        name: "/daily — a question of the day (Manage Server)",
        value:
          "`/daily set channel:#history time:18:00 timezone:Europe/Berlin` posts one question there every day · `/daily show` · `/daily off`",
      },
      {
        name: "/trivia, /leaderboard, /study — quizzes",
        value:
          "`/trivia start questions:5 difficulty:easy` · `/trivia question` · `/leaderboard` · `/study` (alone; missed questions come back sooner) · your own questions: `/trivia import file:` · `/settings trivia` · a term's own leaderboard: `/trivia term start name:Spring 2027`, then `/trivia term end`",
      },
      {
        name: "Look up in Apparat — on any message",
        value:
          "Right-click (or long-press) a message → Apps → **Look up in Apparat**: every person, office and date it mentions, with their cards.",
      },
      {
        name: "Anywhere",
        value:
          "Add Apparat to your account (not only to a server) and use it in DMs and group DMs too; trivia there runs through the command, within 15 minutes.",
      },
      {
        name: "Privacy",
        value:
          "The bot reads only the commands you send it, and a message's text when you choose Look up in Apparat on it. It never pings anyone.",
      },
    ] as { name: string; value: string }[],
  },

  // — the timeline picture —
  timeline: {
    leaders: "The Secretariat's top office",
    deJure: "de jure",
    deFacto: "de facto",
    acting: "acting",
    imprecise: "date known only to the month or year",
    died: "died in office",
    disputed: "start date disputed",
    vacant: "vacant",
    outside: "no party leadership",
    beforeFounding: "before the Secretariat",
    suspended: "party suspended",
    afterBan: "party banned",
    noTerms: "No terms in this range",
    reversed: "The start of the range is after its end.",
    badDate: (p: { text: string }) => `“${p.text}” is not a date of the form YYYY-MM-DD.`,
    unknownOffice: (p: { office: string }) => `There is no office “${p.office}”.`,
    beforeFoundingNote: (p: { date: string }) => `The Secretariat was established on ${p.date}.`,
    afterNote: (p: { date: string }) => `The party was banned on ${p.date}.`,
    /** A person's name on a bar: the full name. */
    personOnBar: (p: { words: string[] }) => p.words.join(" "),
    officeShort: {
      "technical-secretary": "Technical Secretary",
      "chairman-of-the-secretariat": "Chairman",
      "responsible-secretary": "Responsible Secretary",
      "general-secretary": "General Secretary",
      "first-secretary": "First Secretary",
    } as Record<string, string>,
  },

  // — how dates are worded (see dates.ts) —
  months: [...MONTHS_EN] as string[],
  /** Month names after a day number ("10 November"; Russian uses the genitive). */
  monthsAfterDay: [...MONTHS_EN] as string[],
  /** Month names after "in" ("in March 1919"; Russian uses the prepositional: "в марте"). */
  /** A date inside a sentence: "on 3 April 1922"; a month or year: "in March 1919", "in 1918". */
  onDay: (p: { date: string }) => `on ${p.date}`,
  inPeriod: (p: { when: string }) => `in ${p.when}`,
  /** The virtual clock's waits in the console and `cli run`: "15 h 9 min". */
  waitUnits: { seconds: "s", minutes: "min", hours: "h" },
  monthsIn: [...MONTHS_EN] as string[],
  monthsShort: SHORT_MONTHS,
  /** Short month names after a day number ("14 Mar 1953"). */
  monthsShortAfterDay: SHORT_MONTHS,
  yearSuffix: "",
  decade: (p: { decade: number }) => `the ${p.decade}s`,
  dayRange: (p: { from: string; to: string }) => `${p.from} – ${p.to}`,

  // — the router and lookups —
  notFound: "I couldn't find",
  didYouMean: "Did you mean one of these?",
  pick: "Choose an entry…",
  error: "Sorry — something went wrong on my side while answering. Please try again in a moment.",
  notYours: "These buttons belong to someone else's card, so here is your own copy.",
  unknownCommand: (p: { name: string }) => `I don't know the command /${p.name}. Try /help.`,
  outdatedButton: "That button is from an older version of the bot. Please run the command again.",
  entryGone: "That entry no longer exists. Please search again.",
  officeHint: "Try “general secretary”, “first secretary”, or start typing and pick from the list.",
  personHint:
    "The sources don't name anyone like that. Start typing a name and pick from the list, or see `/timeline`.",
  unknownOffice: (p: { office: string; offices: string }) =>
    `I don't know the office “${p.office}”. Pick one from the list: ${p.offices}.`,
  /** An office option that names an office outside the top office's titles (the Second Secretary). */
  officeNotNarrowing: (p: { office: string; offices: string }) =>
    `${p.office} is not one of the titles of the Secretariat's top office, which this command follows. Pick one of: ${p.offices}.`,
  timelineAround: (p: { label: string }) => `Timeline around ${p.label}`,
  timelineAlt: "Timeline of the Secretariat's top office and its holders",
  timelineBackwards: "The view ends before it starts: swap `from` and `to`.",

  // — dates the user typed —
  dateProblem: {
    formsHelp:
      "Forms that work: `10 November 1982`, `1982-11-10`, `10.11.1982`, `Nov 10 1982`, `May 1983`, `1983`, " +
      "`the 1970s`, `spring 1984`, `1964-1966`, `between 1953 and 1955`, `12 ноября 1982`.",
    empty: "Please give a date.",
    tooLong: "That is too long to be a date.",
    unreadable: (p: { text: string }) => `I couldn't read "${p.text}" as a date.`,
    understoodBut: (p: { text: string; problem: string }) => `I understood "${p.text}", but ${p.problem}`,
    notMonth: (p: { month: number }) => `${p.month} is not a month (months run from 1 to 12).`,
    notRealDay: (p: { day: string; month: string; days: number }) =>
      `${p.day} is not a real date: ${p.month} has ${p.days} days.`,
    notRealNumeric: (p: { text: string }) =>
      `${p.text} is not a real date, read either day-first or month-first.`,
    monthWithoutYear: (p: { month: string }) => `I read a month (${p.month}) but no year.`,
    rangeBackwards: (p: { from: string; to: string }) =>
      `the range ends (${p.to}) before it starts (${p.from}).`,
  },
  precisionNames: {} as Record<string, string>,

  // — trivia —
  triviaUnavailable: "Trivia is not available here (it needs the bot's database).",
  studyUnavailable: "Study needs the bot's database, which is not available here.",
  triviaUsage:
    "Use /trivia start, question, stop, stats, term start, term end, export, import, sets, reports or reset.",
  noChannel: "Trivia rounds run in a channel.",
  roundBusy: (p: { starter: string }) =>
    `A round is already running here (started by ${p.starter}). Wait for it to end, or ask them to /trivia stop.`,
  noQuestions: "I couldn't make questions for that difficulty.",
  roundRace: "A round has just started here. Join in!",
  noRound: "No trivia round is running in this channel.",
  stopNotAllowed: "Only the person who started this round, or someone with Manage Server, can stop it.",
  stoppedBy: (p: { user: string }) => `Round stopped by ${p.user}.`,
  lastQuestion: "That was the last question.",
  roundStopped: "The round was stopped.",
  stopLater:
    "The bot's database is not answering right now. The round will be closed as soon as it answers again, and its standings posted here.",
  stopUnavailable:
    "The bot's database is not answering right now, so I cannot find this channel's round. Please try again in a minute.",
  interrupted:
    "The bot was away for a while, so the trivia round here was closed. Every answer given before is counted.",
  questionGone: "That question no longer exists.",
  lockedIn: (p: { letter: string }) =>
    `Locked in: **${p.letter}**. The answer is revealed when the question closes.`,
  duplicateAnswer: "You have already answered this question; your first answer counts.",
  tooLate: "Too late: this question has closed.",
  questionOf: (p: { n: number; total: number }) => `Question ${p.n} of ${p.total}`,
  quickQuestion: "Quick question",
  difficulties: { easy: "easy", medium: "medium", hard: "hard" } as Record<string, string>,
  questionFooter: (p: { difficulty: string; seconds: number }) =>
    `${p.difficulty} · ${p.seconds} seconds · everyone may answer once`,
  answerIs: (p: { letter: string; answer: string }) => `Answer: ${p.letter}. ${p.answer}`,
  answer: "Answer",
  rightCount: (p: { right: number; total: number }) => `Right (${p.right} of ${p.total})`,
  nobodyRight: "Nobody this time.",
  standings: "Standings",
  standingsLine: (p: { rank: number; user: string; points: number; correct: number; answered: number }) =>
    `**${p.rank}.** ${p.user} — ${p.points} points (${p.correct}/${p.answered} right)`,
  nobodyAnswered: "Nobody answered.",
  standingsFooter: "Scores are kept per server: /leaderboard and /trivia stats",
  noStats: (p: { user: string }) => `${p.user} has not answered any trivia here yet.`,
  statsTitle: "Trivia stats",
  statsRank: (p: { user: string; rank: number }) => `${p.user} — rank #${p.rank} here`,
  points: "Points",
  accuracy: "Accuracy",
  streak: "Streak",
  streakValue: (p: { now: number; best: number }) => `${p.now} now · best ${p.best}`,
  noScores: "No scores yet. Start a round with /trivia start.",
  leaderboard: "Leaderboard — this server",
  leaderboardGlobal: "Leaderboard — everywhere (all servers and DMs)",
  leaderboardLine: (p: { rank: number; user: string; points: number; accuracy: number; best: number }) =>
    `**${p.rank}.** ${p.user} — ${p.points} points · ${p.accuracy}% · best streak ${p.best}`,
  resetNotAllowed: "Only someone with Manage Server can reset this server's leaderboard.",
  resetConfirm:
    "Reset this server's trivia leaderboard? Every score here is deleted, and stats and score exports start again from zero; this cannot be undone.",
  resetButton: "Reset the leaderboard",
  resetNotYours: "Only the person who asked for the reset can confirm it.",
  resetDone: (p: { removed: number }) =>
    `The leaderboard was reset (${plural(p.removed, "score", "scores")} removed).`,

  // — terms and rounds that count (/trivia term, /leaderboard term:, /settings trivia min-players:) —
  termServerOnly:
    "Terms are for servers (started and ended by someone with Manage Server). Scores in this conversation are kept as one.",
  termNotAllowed: "Only someone with Manage Server can start or end a term.",
  termNameEmpty: "Give the term a name: `/trivia term start name:Spring 2027`.",
  termNameTooLong: (p: { max: number; length: number }) =>
    `A term's name may be at most ${p.max} characters; this one has ${p.length}.`,
  termAlreadyRunning: (p: { name: string; since: string }) =>
    `The term “${p.name}” is running (since ${p.since}). End it first with \`/trivia term end\`; its leaderboard is kept.`,
  termNoneRunning:
    "No term is running here, so there is none to end. Start one with `/trivia term start name:…`.",
  termStarted: (p: { name: string }) =>
    `The term “${p.name}” has started. From now on the leaderboard, \`/trivia stats\` and \`/trivia export\` show this term's answers; end it with \`/trivia term end\`.`,
  termEnded: (p: { name: string; since: string }) =>
    `The term “${p.name}” (since ${p.since}) has ended. Its leaderboard is kept: \`/leaderboard term:\` shows it and \`/trivia export term:\` exports it. Start the next one with \`/trivia term start name:…\`.`,
  termNotFound: (p: { name: string }) =>
    `This server has no term called “${p.name}”. Start typing in \`term:\` to pick one of its terms.`,
  termNotEverywhere: "`term:` is for this server's own leaderboard and export, not for everywhere.",
  termChoiceAll: "all time (since the last reset)",
  termChoiceRunning: (p: { name: string }) => `${p.name} (running)`,
  termChoiceEnded: (p: { name: string }) => `${p.name} (ended)`,
  leaderboardTerm: (p: { name: string }) => `Leaderboard — term “${p.name}”`,
  termNoScores: (p: { name: string }) => `Nobody has scored in the term “${p.name}” yet.`,
  termNoStats: (p: { user: string; name: string }) =>
    `${p.user} has not answered in the term “${p.name}” yet.`,
  statsTerm: (p: { name: string }) => `Term “${p.name}”`,
  roundNotCounted: (p: { players: number; min: number }) =>
    `This round does not count toward the server's leaderboard: ${plural(p.players, "player", "players")} took part, and this server counts rounds with at least ${p.min}.`,
  settingsMinPlayers: (p: { min: number }) =>
    `Players a round needs to count toward the leaderboard: ${p.min}${p.min === 1 ? " (every round counts)" : ""}`,
  resetPrefersTerm:
    "To start the leaderboard afresh and keep the old one, end the term instead: `/trivia term end`, then `/trivia term start name:…`.",
  // — study —
  studyRight: (p: { letter: string; answer: string; box: number }) =>
    `✅ Right — **${p.letter}. ${p.answer}**. This question moves to box ${p.box}.`,
  studyWrong: (p: { chosen: string; letter: string; answer: string }) =>
    `❌ Not quite: you chose ${p.chosen}; the answer is **${p.letter}. ${p.answer}**. It will come back soon.`,
  study: "Study",
  studyAllSeen: "You have seen every question, and none is due yet. Come back later!",
  studyTitle: "Study — just for you",
  studyBox: (p: { box: number; count: number }) => `box ${p.box}: ${p.count}`,
  studyBoxes: (p: { boxes: string }) => `Your boxes — ${p.boxes}. Questions you miss come back sooner.`,
  studyHint: "Questions you miss come back sooner.",
  leaderboardConversation: "Leaderboard — this conversation",
  resetServerOnly:
    "Leaderboard resets are for servers (by someone with Manage Server). Scores in this conversation stay with it.",
  roundTooLong: (p: { questions: number; seconds: number; minutes: number }) =>
    `Here I answer through the command itself, which Discord keeps open for 15 minutes, so a round has to finish within ${p.minutes} minutes; ${p.questions} questions of ${p.seconds} seconds would not. Try fewer questions or fewer seconds, e.g. \`/trivia start questions:10 seconds:30\`.`,
  // "Look up in Apparat", the command in a message's Apps menu
  spotTitle: "🔎 In this message",
  spotPeople: "People",
  spotOffices: "Offices",
  spotDates: "Dates",
  spotOpen: "Open a full card…",
  spotMore: (p: { count: number }) => `(+${p.count} more)`,
  spotNoOffice: "no office of the Secretariat",
  spotHolders: (p: { count: number }) => plural(p.count, "holder", "holders"),
  spotNobody: "no one held the Secretariat's top office",
  spotNothing:
    "I found no person, office or date I know in that message. Try `/who`, `/office` or `/when` with a name or a date.",
  spotNoText: "That message has no text I can read: only attachments or embeds.",
  // — categories of questions (/trivia start category:) —
  categoryNames: {
    "era:revolution": "Revolution and civil war (1917–1922)",
    "era:stalin": "The Stalin years (1922–1953)",
    "era:thaw": "The thaw (1953–1964)",
    "era:stagnation": "Stagnation (1964–1985)",
    "era:perestroika": "Perestroika (1985–1991)",
    "kind:successor": "Who came next",
    "kind:predecessor": "Who came before",
    "kind:holder-on-date": "Who held office on a day",
    "kind:took-office": "When they took office",
    "kind:duration": "How long they held office",
    "kind:office-held": "Which office",
    "kind:died-in-office": "Died in office",
    "kind:event-on-date": "What happened on a day",
    "kind:true-false": "True or false",
    "kind:order": "In what order",
  } as Record<string, string>,
  categoryOfSet: (p: { category: string }) => `${p.category} (this server's set)`,
  unknownCategory: "Pick a category from the list as you type `category:`.",
  // — settings (/settings trivia) —
  channelNotAllowed: (p: { channels: string }) => `On this server, rounds run only in ${p.channels}.`,
  settingsServerOnly:
    "Settings are for servers; in DMs and group DMs, choose per round: `/trivia start seconds: difficulty:`.",
  settingsNotAllowed: "Only someone with Manage Server can change this server's trivia settings.",
  settingsTitle: "Trivia settings for this server",
  settingsSeconds: (p: { seconds: string }) => `Seconds per question: ${p.seconds}`,
  settingsDifficulty: (p: { difficulty: string }) => `Difficulty: ${p.difficulty}`,
  settingsExplanations: (p: { on: boolean }) =>
    `Reveals show the explanation and sources: ${p.on ? "yes" : "no"}`,
  settingsChannels: (p: { channels: string }) => `Channels that may run rounds: ${p.channels}`,
  settingsDefault: "default",
  settingsAnyDifficulty: "any (mixed)",
  settingsAnyChannel: "any",
  // — the teacher's progress page (/settings page, and the page itself, src/http/) —
  pageServerOnly: "The progress page is for servers; in DMs and group DMs, `/leaderboard` shows the scores.",
  pageNotAllowed: "Only someone with Manage Server can turn this server's progress page on or off.",
  pageNotServed:
    "This bot does not serve web pages (its operator has not set HTTP_PORT), so there is no progress page to turn on.",
  pageEnabled: (p: { url: string }) =>
    `This server's progress page: ${p.url}\nAnyone with the link sees the leaderboard and the accuracy per era, by display name. Share it only with the people it is for. \`/settings page revoke\` takes it down; \`/settings page enable\` again gives a new link, and this one stops working.`,
  pageUsage:
    "Use `/settings page enable` for a new link to the progress page, or `/settings page revoke` to take it down.",
  pageRevoked: "The progress page is down: its link opens nothing any more.",
  pageNoneToRevoke: "This server has no progress page to take down.",
  webTitle: "Trivia progress",
  webTerm: "Since the last reset of the scores",
  webTermRunning: (p: { name: string }) => `Term “${p.name}”, running`,
  webTermEnded: (p: { name: string }) => `Term “${p.name}”, ended`,
  webEarlierTerms: "Earlier terms",
  webCurrentBoard: "The current leaderboard",
  webDailyStreak: (p: { current: number; best: number }) =>
    `Question of the day: right ${p.current} ${p.current === 1 ? "day" : "days"} in a row (best: ${p.best})`,
  webBoard: "Leaderboard",
  webRank: "Place",
  webPlayer: "Player",
  webPoints: "Points",
  webAnswered: "Answered",
  webCorrect: "Right",
  webAccuracy: "Accuracy",
  webPercent: (p: { value: number }) => `${p.value}%`,
  webNoName: "(a player with no name recorded)",
  webNoPlayers: "No one here has answered a trivia question yet.",
  webPageOf: (p: { page: number; total: number }) => `Page ${p.page} of ${p.total}`,
  webPrevious: "Previous page",
  webNext: "Next page",
  webErasTitle: "Accuracy per era",
  webEraValue: (p: { correct: number; answered: number; percent: number }) =>
    p.answered === 0 ? "no answers yet" : `${p.percent}% (${p.correct} right of ${p.answered})`,
  webOpenReports: (p: { count: number }) =>
    p.count === 0
      ? "No question reports are waiting."
      : `${plural(p.count, "question report is", "question reports are")} waiting; a moderator sees them with /trivia reports in Discord.`,
  webPlayerTitle: (p: { name: string }) => `${p.name}: progress`,
  webPlace: (p: { rank: number }) => `Place ${p.rank} on the leaderboard`,
  webBack: "Back to the leaderboard",
  webLanguage: "Language",
  webNotFound: "Not found",
  webTooMany: "Too many requests. Try again in a minute.",
  webUnavailable: "The page cannot be shown just now. Try again in a minute.",
  hintGiven: (p: { letter: string }) => `💡 Hint: it is not ${p.letter}.`,
  // — the question of the day (/daily) —
  dailyServerOnly: "The question of the day is for servers: it is posted to one of the server's channels.",
  dailyNotAllowed: "Only someone with Manage Server can set or stop the question of the day.",
  dailyBadTime: (p: { input: string }) =>
    `“${p.input}” is not a time of day: give it as HH:MM from 00:00 to 23:59, such as 09:00 or 18:30.`,
  dailyBadReveal: (p: { input: string }) =>
    `The reveal “${p.input}” is not a time of day: give it as HH:MM from 00:00 to 23:59, such as 21:00.`,
  dailySameTimes:
    "The answer cannot be revealed at the very time the question is posted: choose another reveal time.",
  dailyZoneSuggest: (p: { input: string; zone: string }) =>
    `“${p.input}” is not a time zone name. Did you mean ${p.zone}?`,
  dailyZoneUnknown: (p: { input: string }) =>
    `“${p.input}” is not a time zone name: give an IANA name such as Europe/Berlin, Europe/Moscow or America/New_York.`,
  dailyCannotPost: (p: { channel: string }) =>
    `I cannot post in ${p.channel}: let me view it, send messages and embed links there, or choose another channel.`,
  dailyNoQuestions: "No question matches these choices (difficulty, category, set): choose others.",
  dailyTitle: "Question of the day",
  dailyNone: "No question of the day is set on this server. Set one with `/daily set`.",
  dailyEvery: (p: { time: string; zone: string; channel: string }) =>
    `Every day at ${p.time} (${p.zone}) in ${p.channel}.`,
  dailyRevealAt: (p: { time: string }) => `The answer is revealed at ${p.time}.`,
  dailyRevealBeforeNext: "The answer is revealed just before the next day's question.",
  dailyChoices: (p: { difficulty: string; category: string }) =>
    `Difficulty: ${p.difficulty} · category: ${p.category}`,
  dailyOwnSet: "Questions from this server's own set.",
  dailyAnyCategory: "any",
  dailyNext: (p: { at: string; relative: string }) => `Next question: ${p.at} (${p.relative}).`,
  dailyLast: (p: { day: string; how: string }) => `Last question: ${p.day}, ${p.how}.`,
  dailyHow: {
    posted: "posted",
    late: "posted late (the bot was offline at the time)",
    gone: "not posted: the channel refused the bot",
    abandoned: "not posted: its answers had closed before it could be",
    pending: "being posted",
  } as Record<string, string>,
  dailyPaused: (p: { channel: string; at: string }) =>
    `Paused since ${p.at}: I could not post in ${p.channel}. Once I can, set it again with \`/daily set\`.`,
  dailySetDone: "The question of the day is set.",
  dailyOff: "The question of the day is off on this server. Scores and streaks are kept.",
  dailyOffNone: "No question of the day was set on this server.",
  dailyQuestionTitle: (p: { day: string }) => `Question of the day — ${p.day}`,
  dailyAnswersUntil: (p: { at: string }) => `One answer each, until the reveal ${p.at}.`,
  dailyLate: (p: { due: string }) => `⏰ Late: this question was due ${p.due}, when the bot was offline.`,
  dailyFooter: (p: { difficulty: string }) =>
    `${p.difficulty} · question of the day · everyone may answer once`,
  dailyRevealFooter: (p: { day: string }) => `Question of the day, ${p.day}`,
  dailyStreak: "Days in a row (question of the day)",
  // — reports of wrong questions —
  reportButton: "Report",
  reportTitle: "Report this question",
  reportLabel: "What is wrong with it?",
  reportPlaceholder: "The answer, a wrong option that is also right, a date, a source…",
  reportThanks:
    "Thank you: the report is recorded, and this server's moderators can see it in `/trivia reports`.",
  reportEmpty: "Please say what is wrong with the question.",
  reportsNotAllowed: "Only someone with Manage Server can see and resolve question reports.",
  reportsNone: "No open reports of questions here.",
  reportsTitle: (p: { shown: number; total: number }) => `Open question reports (${p.shown} of ${p.total})`,
  reportLine: (p: { n: number; question: string; answer: string; text: string; by: string }) =>
    `**${p.n}.** ${p.question}\nAnswer: ${p.answer}\nReport by ${p.by}: ${p.text}`,
  reportHide: (p: { n: number }) => `${p.n}: hide it here`,
  reportDismiss: (p: { n: number }) => `${p.n}: dismiss`,
  reportHidden: "Hidden: rounds on this server will not ask that question again.",
  reportDismissed: "Dismissed: the question stays in play.",
  reportGone: "That report is already resolved or no longer exists.",
  reportQuestionGone: "(the question no longer exists)",
  // — exports for teachers —
  exportNotAllowed: "Only someone with Manage Server can export this server's scores.",
  exportDone: (p: { players: number }) =>
    `Scores of ${plural(p.players, "player", "players")}, as CSV: answered, correct, accuracy and points, overall and per era.`,
  exportNone: "No one has answered a trivia question here yet: there is nothing to export.",
  studyExportDone: (p: { count: number }) =>
    `Your /study progress, as CSV: ${plural(p.count, "question", "questions")} seen, with their boxes and when each is due.`,
  studyExportNone: "You have not studied any question yet: try `/study`.",
  // — a server's own question sets —
  setsNotAllowed: "Only someone with Manage Server can import or delete this server's question sets.",
  importNoFile: "Attach a JSON or CSV file: `/trivia import file:` (see the README for the format).",
  importDone: (p: { name: string; count: number; replaced: boolean }) =>
    `${p.replaced ? "Replaced" : "Imported"} the set “${p.name}”: ${plural(p.count, "question", "questions")}. Play it with \`/trivia start set:${p.name}\`.`,
  /** `count`: the questions the file holds; 0 when the problem is with the file as a whole. */
  importFailed: (p: { count: number; problems: number }) =>
    `Nothing was imported: ${plural(p.problems, "problem", "problems")} ${
      p.count === 0 ? "with the file" : `in ${plural(p.count, "question", "questions")}`
    }. Fix ${p.problems === 1 ? "it" : "them"} and import the file again:`,
  importMore: (p: { count: number }) => `… and ${p.count} more`,
  importUnreadable: "I could not download that file from Discord. Please try again.",
  // — a command line typed in the console or given to `cli run`, taken or refused as Discord would —
  lineEmpty: (p: { message: string }) =>
    `Type a slash command, such as /who name:krushchev, or the message command: ${p.message}: <the message's text>.`,
  lineUnknownCommand: (p: { name: string; commands: string; message: string }) =>
    `There is no command /${p.name}. The commands: ${p.commands}; and the message command ${p.message}: <the message's text>.`,
  lineNeedsSubcommand: (p: { command: string; subcommands: string }) =>
    `${p.command} needs one of: ${p.subcommands}.`,
  /** A group or subcommand the command does not have (a stale registration, a forged interaction). */
  unknownSubcommand: (p: { command: string; word: string; subcommands: string }) =>
    p.subcommands
      ? `${p.command} has no subcommand “${p.word}”; it takes one of: ${p.subcommands}. Try /help.`
      : `${p.command} takes no subcommand (not “${p.word}”). Try /help.`,
  lineOptionsForm: (p: { command: string; options: string }) =>
    p.options
      ? `Give options as name:value; ${p.command} takes ${p.options}.`
      : `${p.command} takes no options.`,
  lineRepeated: (p: { option: string }) => `${p.option}: is given twice; give each option once.`,
  lineMissing: (p: { command: string; option: string; description: string }) =>
    `${p.command} needs ${p.option}: (${p.description}).`,
  lineEmptyValue: (p: { option: string }) => `${p.option}: needs a value.`,
  lineNotAChoice: (p: { option: string; value: string; choices: string }) =>
    `${p.option}: “${p.value}” is not one of its choices: ${p.choices}.`,
  lineNotAWholeNumber: (p: { option: string; value: string }) =>
    `${p.option}: takes a whole number, not “${p.value}”.`,
  lineNotANumber: (p: { option: string; value: string }) => `${p.option}: takes a number, not “${p.value}”.`,
  lineOutOfRange: (p: { option: string; value: string; min: number | null; max: number | null }) =>
    `${p.option}: ${p.value} is out of range; it takes ${
      p.min !== null && p.max !== null
        ? `${p.min} to ${p.max}`
        : p.min !== null
          ? `at least ${p.min}`
          : `at most ${p.max}`
    }.`,
  lineTooLong: (p: { option: string; length: number; max: number }) =>
    `${p.option}: takes at most ${plural(p.max, "character", "characters")}; this is ${p.length}.`,
  lineTooShort: (p: { option: string; length: number; min: number }) =>
    `${p.option}: takes at least ${plural(p.min, "character", "characters")}; this is ${p.length}.`,
  lineNotABoolean: (p: { option: string; value: string }) =>
    `${p.option}: takes true or false, not “${p.value}”.`,
  lineNotAnId: (p: { option: string; value: string; kind: "channel" | "user" | "other" }) =>
    `${p.option}: ${
      {
        channel: "give a channel: its id (17 to 20 digits) or <#id>",
        user: "give a user: their id (17 to 20 digits) or <@id>",
        other: "give an id (17 to 20 digits)",
      }[p.kind]
    }, not “${p.value}”.`,
  // — a local file given to an attachment option (the console, `cli run`, `cli questions validate`) —
  localFileMissing: (p: { path: string }) => `There is no file ${p.path}.`,
  localFileUnreadable: (p: { path: string; denied: boolean }) =>
    p.denied ? `I may not read ${p.path} (permission denied).` : `I cannot read ${p.path}.`,
  localFileNotAFile: (p: { path: string; kind: "directory" | "device" | "fifo" | "socket" | "other" }) =>
    `${p.path} is ${
      {
        directory: "a directory",
        device: "a device",
        fifo: "a named pipe (FIFO)",
        socket: "a socket",
        other: "not a regular file",
      }[p.kind]
    }, not a file I can read. Give the path of a regular file, such as week3.csv.`,
  setInUse: (p: { name: string }) =>
    `A round is playing “${p.name}” right now; stop it first (\`/trivia stop\`).`,
  tooManySets:
    "This server has 50 question sets, the most it may keep. Delete one first (`/trivia sets action:delete`).",
  noSuchSet: (p: { name: string }) =>
    `There is no question set “${p.name}” here. \`/trivia sets\` lists them.`,
  setsNone: "No question sets here yet. Import one with `/trivia import file:` (JSON or CSV).",
  setsTitle: "Question sets",
  setsLine: (p: { name: string; count: number; by: string; date: string }) =>
    `**${p.name}** — ${plural(p.count, "question", "questions")} · by ${p.by} · ${p.date}`,
  setDeleted: (p: { name: string; count: number }) =>
    `Deleted the set “${p.name}” (${plural(p.count, "question", "questions")}).`,
  setExported: (p: { name: string }) =>
    `The set “${p.name}”, as JSON (import it anywhere with \`/trivia import\`).`,
  setNameNeeded: "Say which set: `name:`.",
  // — question files (/trivia import, cli questions validate) —
  importProblem: (p: ProblemCode): string => {
    switch (p.code) {
      case "too-big":
        return `The file is ${Math.ceil(p.bytes / 1024)} KB; the limit is 1 MB.`;
      case "too-many":
        return `The file has ${p.count} questions; a set holds at most 500.`;
      case "empty-file":
        return "The file is empty.";
      case "not-utf8":
        return "The file is not UTF-8 text. Save it as UTF-8 (CSV UTF-8 in spreadsheets).";
      case "bad-json":
        return p.line === null
          ? "This is not valid JSON."
          : `This is not valid JSON (line ${p.line}, column ${p.column}).`;
      case "bad-csv":
        return p.detail === "unclosed-quote"
          ? 'A quoted field is never closed (a missing " ?).'
          : 'Text follows a closing quote; inside quotes, write a quote as "".';
      case "not-an-object":
        return 'Expected an object: {"question": …, "correct": …, "wrong": […]}.';
      case "not-a-set":
        return 'Expected {"name": …, "questions": [ … ]} around the questions.';
      case "semicolons":
        return "The columns are separated by semicolons; save the file as CSV with commas (CSV UTF-8).";
      case "missing-column":
        return `The header row has no "${p.column}" column.`;
      case "no-header":
        return "This is not a question file: its first line should be the header row question,correct,wrong1,… (see the README).";
      case "unknown-column":
        return `"${p.column}" is not a column; the columns are question, correct, wrong1–wrong4, explanation, source, category, difficulty.`;
      case "required":
        return "This is required.";
      case "not-text":
        return "This must be text.";
      case "too-long":
        return `${p.length} characters; at most ${p.max}.`;
      case "wrong-count":
        return `${p.count} wrong answers; give 1 to 4.`;
      case "duplicate-answer":
        return `"${p.answer}" is given twice.`;
      case "same-button":
        return `This answer’s button would look the same as the one for ${p.other} (“${p.label}”): a button shows only the first ${p.visible} characters of an answer. Make the answers differ sooner.`;
      case "correct-among-wrong":
        return "The correct answer is also among the wrong ones.";
      case "bad-difficulty":
        return `"${p.value}" is not a difficulty: easy, medium or hard.`;
      case "no-questions":
        return "The file has no questions.";
    }
  },

  // — a Russian reader's words (#24): the dataset's frame, quotation marks, the console's language —
  /** Lines left out of a full field: "… and 3 more". */
  moreLines: (p: { count: number }) => `… and ${p.count} more`,
  /**
   * The short names footers and attributions give the sources: the publisher and which document.
   * Russian names the same documents in Russian beside the publisher's own name.
   */
  sourceShortNames: {
    "wp-secretariat": "Wikipedia: Secretariat",
    "wp-gensec-text": "Wikipedia: General Secretary",
    "wp-gensec-page": "Wikipedia: General Secretary (list)",
    "wp-gensec-old": "Wikipedia (old revision)",
    "prolewiki-gensec": "ProleWiki",
    editorial: "Apparat editors (name forms)",
  } as Record<string, string>,
  /** How precisely a typed date was read, after the reading: "day precision". */
  readingPrecision: (p: { precision: string }) => `${p.precision} precision`,
  /** A user's words quoted in the bot's sentence. */
  quoted: (p: { text: string }) => `“${p.text}”`,
  /** What a typed name matched, on the card it opened: `“Chruschtschow” — German spelling of Khrushchev`. */
  matchedQuery: (p: { query: string; note: string }) => `“${p.query}” — ${p.note}`,
  /** The notes on what matched, by the kind of name the search found an entry by ("": no note). */
  searchNotes: {
    fullName: (p: { person: NotedPerson }) => `full name of ${p.person.name}`,
    firstName: (p: { person: NotedPerson }) => `first name of ${p.person.name}`,
    russianName: (p: { person: NotedPerson }) => `Russian name of ${p.person.name}`,
    russianSurname: (p: { person: NotedPerson }) => `Russian spelling of ${lastWord(p.person.name)}`,
    /** A Latin rendering of the Russian name (`surname`: of the surname alone). */
    transliteration: (p: { person: NotedPerson; system: string; surname: boolean }) =>
      `${TRANSLIT_SYSTEMS[p.system] ?? p.system} transliteration of ${
        p.surname ? lastWord(p.person.nameRu) : shortRu(p.person.nameRu)
      }`,
    exonym: (p: { person: NotedPerson; lang: string | undefined }) =>
      `${EXONYM_LANGUAGES[p.lang ?? ""] ?? "foreign"} spelling of ${lastWord(p.person.name)}`,
    birthName: (p: { person: NotedPerson }) => `birth name of ${p.person.name}`,
    nickname: (p: { person: NotedPerson }) => `nickname of ${p.person.name}`,
    nativeName: (p: { person: NotedPerson }) => `native spelling of ${p.person.name}`,
    variant: (p: { person: NotedPerson }) => `variant spelling of ${p.person.name}`,
    officeRussianTitle: (p: { office: NotedOffice }) => `Russian title of ${p.office.name}`,
    officeAlias: (p: { office: NotedOffice }) => `another name for ${p.office.name}`,
    officeFullTitle: (p: { office: NotedOffice }) => `full title of ${p.office.name}`,
  },
  /** Where an imported file's problem is: "line 3 · correct". */
  importLine: (p: { line: number }) => `line ${p.line}`,
  /** The columns of the teacher's scores CSV and of a player's study CSV. */
  scoresColumns: {
    user: "user_id",
    name: "display_name",
    answered: "answered",
    correct: "correct",
    accuracy: "accuracy",
    points: "points",
    categoryAnswered: (p: { category: string }) => `${p.category}_answered`,
    categoryCorrect: (p: { category: string }) => `${p.category}_correct`,
    dailyStreak: "daily_streak",
    dailyBestStreak: "daily_best_streak",
  },
  studyColumns: ["question_id", "question", "box", "seen", "wrong", "due"] as string[],
  /** How the console and `cli run` frame what Discord would show. */
  consoleOnlyYou: "(only you can see this)",
  consoleChoose: "Choose:",
  consoleImage: (p: { url: string }) => `[image: ${p.url}]`,
  consoleAttachment: (p: { name: string; bytes: number }) => `[attachment: ${p.name}, ${p.bytes} bytes]`,
  consoleTypeBelow: "(type it on the next line)",
  postedLater: (p: { wait: string; via: "channel" | "follow-up" }) =>
    p.via === "channel"
      ? `posted to the channel ${p.wait} later`
      : `sent through the command's follow-up ${p.wait} later`,
  afterPressing: (p: { n: number }) => `after pressing ${p.n}`,
  /** The console's language: its option at start and its command to switch. */
  consoleLanguage: (p: { lang: string }) =>
    `Answers now come as for a Discord set to ${p.lang === "ru" ? "Russian" : "English"}.`,
  /** What the offline console says when it opens. */
  consoleBanner: `Apparat — offline console
Not connected to Discord: set DISCORD_TOKEN in .env (see .env.example and the README) and run
npm start again to bring the bot online. Here you can type slash commands as in Discord:

  /who name:krushchev        /office title:gensec       /when date:May 1983
  /timeline                  /sources                   /help
  /trivia question           /study                     /leaderboard

The message command takes the message's text after its name:
  Look up in Apparat: was it krushchev or malenkov after stalin?

Options take what Discord would let you send (a choice from the list, a number in range).
Tab completes commands, options and names. Type a number to press that button or pick that
entry of the last answer. "lang ru" answers as for a Discord set to Russian (which takes the
Russian names too: /кто имя:Хрущёв), "lang en" as before; "exit" or Ctrl-D leaves.
`,
  consoleNoButton: "There is no such button or entry in the newest message.",
  consoleLanguageUsage: "Type lang en or lang ru.",
};

export type Messages = typeof en;

import type { ProblemCode } from "../question-sets/parse.js";
