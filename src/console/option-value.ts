// One option's typed value, taken or refused exactly as Discord's client would before it sends the
// command: a choice must be one of the option's choices, a number a number within its range, a
// text within its length, a boolean true or false, a channel or user an id. What Discord sends is
// what the command gets (a choice's value, a number as a number), so a command never sees in the
// console what it could not see in Discord.
import type { APIApplicationCommandBasicOption } from "discord-api-types/v10";
import { langOf, text } from "../i18n/index.js";
import { ApplicationCommandOptionType as Type } from "../interactions/api.js";
import type { Caller, OptionValue } from "../interactions/types.js";
import { sanitizeLine } from "../text/sanitize.js";

export type OptionResult = { ok: true; value: OptionValue } | { ok: false; error: string };

/** A user's text quoted in a message: one line, and not the whole of a long paste. */
export function shown(value: string, max = 60): string {
  const line = sanitizeLine(value);
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : line;
}

/** Discord's ids: a snowflake of 17 to 20 digits. */
const SNOWFLAKE = /^\d{17,20}$/;

/** The id in "<#id>", "<@id>", "<@!id>" or a bare id; null for anything else. */
function idOf(raw: string, mention: RegExp): string | null {
  if (SNOWFLAKE.test(raw)) return raw;
  const m = raw.match(mention);
  return m?.[1] && SNOWFLAKE.test(m[1]) ? m[1] : null;
}

/** The range Discord enforces for an integer or number option, as it was registered. */
function range(spec: APIApplicationCommandBasicOption): { min: number | null; max: number | null } {
  return {
    min: "min_value" in spec && spec.min_value !== undefined ? spec.min_value : null,
    max: "max_value" in spec && spec.max_value !== undefined ? spec.max_value : null,
  };
}

/**
 * The value Discord would send for `raw` typed into option `spec`, or why its client would not
 * let it be sent. Attachments are not values (the console reads a local file; see slash.ts).
 */
export function optionValue(
  spec: APIApplicationCommandBasicOption,
  raw: string,
  caller: Caller,
): OptionResult {
  const lang = langOf(caller.locale);
  const words = text(lang);
  // Named as the caller's Discord shows it: `имя`, not `name`, for a Russian one.
  const option = (lang === "ru" && spec.name_localizations?.ru) || spec.name;
  const value = raw.trim();
  if (value === "") return { ok: false, error: words.lineEmptyValue({ option }) };
  const quoted = shown(value);

  if ("choices" in spec && spec.choices?.length) {
    // A choice is picked by its value or by its name as the list shows it, in either language.
    const typed = value.toLowerCase();
    const choice = spec.choices.find(
      (c) =>
        String(c.value).toLowerCase() === typed ||
        c.name.toLowerCase() === typed ||
        c.name_localizations?.ru?.toLowerCase() === typed,
    );
    if (choice) return { ok: true, value: choice.value };
    const names = spec.choices.map((c) => (lang === "ru" ? (c.name_localizations?.ru ?? c.name) : c.name));
    return { ok: false, error: words.lineNotAChoice({ option, value: quoted, choices: names.join(", ") }) };
  }

  switch (spec.type) {
    case Type.String: {
      const length = [...value].length;
      if (spec.max_length !== undefined && length > spec.max_length)
        return { ok: false, error: words.lineTooLong({ option, length, max: spec.max_length }) };
      if (spec.min_length !== undefined && length < spec.min_length)
        return { ok: false, error: words.lineTooShort({ option, length, min: spec.min_length }) };
      return { ok: true, value };
    }
    case Type.Integer:
    case Type.Number: {
      const integer = spec.type === Type.Integer;
      const pattern = integer ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)$/;
      const n = Number(value);
      // Discord's own bounds for any number option: ±2^53.
      if (!pattern.test(value) || (integer && !Number.isSafeInteger(n)) || Math.abs(n) > 2 ** 53)
        return {
          ok: false,
          error: (integer ? words.lineNotAWholeNumber : words.lineNotANumber)({ option, value: quoted }),
        };
      const { min, max } = range(spec);
      if ((min !== null && n < min) || (max !== null && n > max))
        return { ok: false, error: words.lineOutOfRange({ option, value: quoted, min, max }) };
      return { ok: true, value: n };
    }
    case Type.Boolean: {
      const typed = value.toLowerCase();
      if (typed === "true" || typed === "false") return { ok: true, value: typed === "true" };
      return { ok: false, error: words.lineNotABoolean({ option, value: quoted }) };
    }
    case Type.Channel: {
      const id = idOf(value, /^<#(\d+)>$/);
      return id
        ? { ok: true, value: id }
        : { ok: false, error: words.lineNotAnId({ option, value: quoted, kind: "channel" }) };
    }
    case Type.User: {
      const id = idOf(value, /^<@!?(\d+)>$/);
      return id
        ? { ok: true, value: id }
        : { ok: false, error: words.lineNotAnId({ option, value: quoted, kind: "user" }) };
    }
    default: {
      // A role or a mentionable (no command takes one today): Discord sends an id.
      const id = idOf(value, /^<@[&!]?(\d+)>$/);
      return id
        ? { ok: true, value: id }
        : { ok: false, error: words.lineNotAnId({ option, value: quoted, kind: "other" }) };
    }
  }
}
