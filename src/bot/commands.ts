import * as help from "../../commands/help.js";
import * as leaderboard from "../../commands/leaderboard.js";
import * as office from "../../commands/office.js";
import * as sources from "../../commands/sources.js";
import * as study from "../../commands/study.js";
import * as timeline from "../../commands/timeline.js";
import * as trivia from "../../commands/trivia.js";
import * as when from "../../commands/when.js";
import * as who from "../../commands/who.js";
import type { CommandModule } from "./types.js";

/** Every slash command the bot registers, in the order /help lists them. */
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
