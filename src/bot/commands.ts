import * as help from "../../commands/help.js";
import * as office from "../../commands/office.js";
import * as sources from "../../commands/sources.js";
import * as timeline from "../../commands/timeline.js";
import * as when from "../../commands/when.js";
import * as who from "../../commands/who.js";
import type { CommandModule } from "./types.js";

/** Every slash command the bot registers, in the order /help lists them. */
export const COMMANDS: readonly CommandModule[] = [who, office, when, timeline, sources, help];
