import * as real from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Permission,
  TextInputStyle,
} from "../src/interactions/api.js";

// Our constants are cast to discord-api-types' enum types, which a wrong number would pass; the
// real enums are the reference.
const PAIRS: [string, Record<string, number>, Record<string, string | number>][] = [
  ["ApplicationCommandOptionType", ApplicationCommandOptionType, real.ApplicationCommandOptionType],
  ["ApplicationCommandType", ApplicationCommandType, real.ApplicationCommandType],
  ["ApplicationIntegrationType", ApplicationIntegrationType, real.ApplicationIntegrationType],
  ["InteractionContextType", InteractionContextType, real.InteractionContextType],
  ["ButtonStyle", ButtonStyle, real.ButtonStyle],
  ["ComponentType", ComponentType, real.ComponentType],
  ["MessageFlags", MessageFlags, real.MessageFlags],
  ["TextInputStyle", TextInputStyle, real.TextInputStyle],
  ["InteractionType", InteractionType, real.InteractionType],
  ["InteractionResponseType", InteractionResponseType, real.InteractionResponseType],
];

describe("the API constants the bot uses", () => {
  it.each(PAIRS)("%s matches discord-api-types", (_name, ours, theirs) => {
    for (const [member, value] of Object.entries(ours))
      expect([member, value]).toEqual([member, theirs[member]]);
  });
});

it("the Manage Server permission bit matches discord-api-types", () => {
  expect(Permission.ManageGuild).toBe(real.PermissionFlagsBits.ManageGuild);
  expect(Permission.Administrator).toBe(real.PermissionFlagsBits.Administrator);
});
