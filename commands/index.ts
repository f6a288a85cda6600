// Every command the bot registers (the slash commands in the order /help lists them, then the
// message command "Look up in Apparat"), and every component
// handler (buttons and menus), each owning its custom-id prefix. The router takes both lists.
import type { CommandModule, ComponentHandler } from "../src/interactions/types.js";
import * as didYouMean from "./components/did-you-mean.js";
import * as openCard from "./components/open-card.js";
import * as reportOpen from "./components/report-open.js";
import * as reportResolve from "./components/report-resolve.js";
import * as reportSubmit from "./components/report-submit.js";
import * as sourcesPage from "./components/sources-page.js";
import * as spotMenu from "./components/spot-menu.js";
import * as studyAnswer from "./components/study-answer.js";
import * as triviaAnswer from "./components/trivia-answer.js";
import * as triviaReset from "./components/trivia-reset.js";
import * as daily from "./daily.js";
import * as help from "./help.js";
import * as leaderboard from "./leaderboard.js";
import * as lookupMessage from "./lookup-message.js";
import * as office from "./office.js";
import * as settings from "./settings.js";
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
  daily,
  leaderboard,
  study,
  settings,
  help,
  lookupMessage,
];

export const COMPONENTS: readonly ComponentHandler[] = [
  openCard,
  didYouMean,
  triviaAnswer,
  triviaReset,
  studyAnswer,
  spotMenu,
  reportOpen,
  reportSubmit,
  reportResolve,
  sourcesPage,
];
