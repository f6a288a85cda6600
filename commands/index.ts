// Every slash command the bot registers, in the order /help lists them, and every component
// handler (buttons and menus), each owning its custom-id prefix. The router takes both lists.
import type { CommandModule, ComponentHandler } from "../src/interactions/types.js";
import * as didYouMean from "./components/did-you-mean.js";
import * as openCard from "./components/open-card.js";
import * as studyAnswer from "./components/study-answer.js";
import * as triviaAnswer from "./components/trivia-answer.js";
import * as triviaReset from "./components/trivia-reset.js";
import * as help from "./help.js";
import * as leaderboard from "./leaderboard.js";
import * as office from "./office.js";
import * as sources from "./sources.js";
import * as study from "./study.js";
import * as timeline from "./timeline.js";
import * as trivia from "./trivia.js";
import * as when from "./when.js";
import * as who from "./who.js";

export const COMMANDS: readonly CommandModule[] = [
  who,
  office,
  when,
  timeline,
  sources,
  trivia,
  leaderboard,
  study,
  help,
];

export const COMPONENTS: readonly ComponentHandler[] = [
  openCard,
  didYouMean,
  triviaAnswer,
  triviaReset,
  studyAnswer,
];
