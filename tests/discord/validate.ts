// Validation of request bodies against Discord's documented limits. Every problem is reported in
// Discord's "Invalid Form Body" tree (error code 50035) under the path of the offending field.
//   Messages:     https://discord.com/developers/docs/resources/message#create-message
//   Embeds:       https://discord.com/developers/docs/resources/message#embed-object-embed-limits
//   Components:   https://discord.com/developers/docs/components/reference
//   Autocomplete: https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-autocomplete
//   Commands:     https://discord.com/developers/docs/interactions/application-commands
import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  Locale,
  MessageFlags,
} from "discord-api-types/v10";
import type { FormErrors } from "./errors.js";

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowWidth: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectLabel: 100,
  selectValue: 100,
  selectDescription: 100,
  selectPlaceholder: 150,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  chatInputCommands: 100,
  attachmentDescription: 1024,
} as const;

/** Flags an app may set on an interaction response or webhook message; others are refused. */
const SETTABLE_FLAGS =
  MessageFlags.SuppressEmbeds |
  MessageFlags.Ephemeral |
  MessageFlags.SuppressNotifications |
  MessageFlags.IsComponentsV2;

const LOCALES = new Set<string>(Object.values(Locale));
/** Discord's rule for command and option names. */
const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

function str(
  errors: FormErrors,
  obj: Json,
  key: string,
  path: Path,
  { min = 0, max, required = false }: { min?: number; max: number; required?: boolean },
): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) errors.required([...path, key]);
    return undefined;
  }
  if (typeof v !== "string") {
    errors.type([...path, key], "string");
    return undefined;
  }
  const length = [...v].length;
  if (min > 0 && length < min) errors.badLength([...path, key], min, max);
  else if (length > max) {
    if (min > 0) errors.badLength([...path, key], min, max);
    else errors.maxLength([...path, key], max);
  }
  return v;
}

function arr(
  errors: FormErrors,
  obj: Json,
  key: string,
  path: Path,
  max: number,
  min = 0,
): unknown[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    errors.type([...path, key], "array");
    return undefined;
  }
  if (v.length > max || v.length < min) {
    if (min > 0) errors.badLength([...path, key], min, max);
    else errors.maxLength([...path, key], max);
  }
  return v;
}

/** Characters Discord counts toward the 6,000 per-message embed total. */
export function embedCharacters(embed: Json): number {
  const len = (v: unknown) => (typeof v === "string" ? [...v].length : 0);
  let total = len(embed.title) + len(embed.description);
  if (isObject(embed.footer)) total += len(embed.footer.text);
  if (isObject(embed.author)) total += len(embed.author.name);
  if (Array.isArray(embed.fields)) {
    for (const f of embed.fields) if (isObject(f)) total += len(f.name) + len(f.value);
  }
  return total;
}

function validateEmbed(errors: FormErrors, embed: unknown, path: Path): void {
  if (!isObject(embed)) {
    errors.type(path, "object");
    return;
  }
  str(errors, embed, "title", path, { max: LIMITS.title });
  str(errors, embed, "description", path, { max: LIMITS.description });
  str(errors, embed, "url", path, { max: 2048 });
  if (embed.color !== undefined && embed.color !== null) {
    if (!isInt(embed.color)) errors.type([...path, "color"], "int");
    else if (embed.color < 0 || embed.color > 0xffffff)
      errors.add(
        [...path, "color"],
        "NUMBER_TYPE_MAX",
        "int value should be less than or equal to 16777215.",
      );
  }
  if (embed.timestamp !== undefined && embed.timestamp !== null) {
    if (typeof embed.timestamp !== "string" || Number.isNaN(Date.parse(embed.timestamp)))
      errors.add(
        [...path, "timestamp"],
        "DATE_TIME_TYPE_PARSE",
        "Could not parse timestamp. Should be ISO8601.",
      );
  }
  if (embed.footer !== undefined) {
    if (!isObject(embed.footer)) errors.type([...path, "footer"], "object");
    else
      str(errors, embed.footer, "text", [...path, "footer"], { min: 1, max: LIMITS.footer, required: true });
  }
  if (embed.author !== undefined) {
    if (!isObject(embed.author)) errors.type([...path, "author"], "object");
    else
      str(errors, embed.author, "name", [...path, "author"], {
        min: 1,
        max: LIMITS.authorName,
        required: true,
      });
  }
  const fields = arr(errors, embed, "fields", path, LIMITS.fields);
  fields?.forEach((field, i) => {
    const fp = [...path, "fields", i];
    if (!isObject(field)) {
      errors.type(fp, "object");
      return;
    }
    str(errors, field, "name", fp, { min: 1, max: LIMITS.fieldName, required: true });
    str(errors, field, "value", fp, { min: 1, max: LIMITS.fieldValue, required: true });
    if (field.inline !== undefined && typeof field.inline !== "boolean")
      errors.type([...fp, "inline"], "boolean");
  });
}

const SELECT_TYPES = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

function validateLegacyComponents(errors: FormErrors, rows: unknown[], path: Path): void {
  const customIds = new Set<string>();
  const customId = (c: Json, p: Path) => {
    const id = str(errors, c, "custom_id", p, { min: 1, max: LIMITS.customId, required: true });
    if (id === undefined) return;
    if (customIds.has(id))
      errors.add(
        [...p, "custom_id"],
        "COMPONENT_CUSTOM_ID_DUPLICATED",
        "Component custom id cannot be duplicated",
      );
    customIds.add(id);
  };
  rows.forEach((row, r) => {
    const rp = [...path, r];
    if (!isObject(row)) {
      errors.type(rp, "object");
      return;
    }
    if (row.type !== ComponentType.ActionRow) {
      errors.choices([...rp, "type"], [ComponentType.ActionRow]);
      return;
    }
    const children = row.components;
    if (!Array.isArray(children) || children.length === 0 || children.length > LIMITS.rowWidth) {
      if (!Array.isArray(children)) errors.required([...rp, "components"]);
      else errors.badLength([...rp, "components"], 1, LIMITS.rowWidth);
      return;
    }
    children.forEach((c, i) => {
      const cp = [...rp, "components", i];
      if (!isObject(c)) {
        errors.type(cp, "object");
        return;
      }
      if (c.type === ComponentType.Button) {
        const style = c.style;
        if (!isInt(style) || style < ButtonStyle.Primary || style > ButtonStyle.Premium) {
          errors.choices([...cp, "style"], [1, 2, 3, 4, 5, 6]);
          return;
        }
        str(errors, c, "label", cp, { max: LIMITS.buttonLabel });
        if (style === ButtonStyle.Link) {
          if (c.custom_id !== undefined)
            errors.add(
              [...cp, "custom_id"],
              "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
              "A link button cannot have a custom id",
            );
          str(errors, c, "url", cp, { min: 1, max: 512, required: true });
        } else if (style === ButtonStyle.Premium) {
          if (typeof c.sku_id !== "string") errors.required([...cp, "sku_id"]);
        } else {
          if (c.url !== undefined)
            errors.add(
              [...cp, "url"],
              "BUTTON_COMPONENT_URL_NOT_ALLOWED",
              "A non-link button cannot have a url",
            );
          customId(c, cp);
          if (c.label === undefined && c.emoji === undefined)
            errors.add(cp, "BUTTON_COMPONENT_LABEL_REQUIRED", "A button must have a label or an emoji");
        }
        return;
      }
      if (typeof c.type === "number" && SELECT_TYPES.has(c.type)) {
        if (children.length > 1)
          errors.add(
            [...rp, "components"],
            "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
            "The specified component exceeds the maximum width",
          );
        customId(c, cp);
        str(errors, c, "placeholder", cp, { max: LIMITS.selectPlaceholder });
        const min = c.min_values;
        const max = c.max_values;
        if (min !== undefined && (!isInt(min) || min < 0 || min > 25))
          errors.add(
            [...cp, "min_values"],
            "NUMBER_TYPE_MAX",
            "int value should be less than or equal to 25.",
          );
        if (max !== undefined && (!isInt(max) || max < 1 || max > 25))
          errors.add(
            [...cp, "max_values"],
            "NUMBER_TYPE_MAX",
            "int value should be less than or equal to 25.",
          );
        if (c.type === ComponentType.StringSelect) {
          const options = c.options;
          if (!Array.isArray(options) || options.length === 0 || options.length > LIMITS.selectOptions) {
            errors.badLength([...cp, "options"], 1, LIMITS.selectOptions);
            return;
          }
          const values = new Set<string>();
          options.forEach((o, j) => {
            const op = [...cp, "options", j];
            if (!isObject(o)) {
              errors.type(op, "object");
              return;
            }
            str(errors, o, "label", op, { min: 1, max: LIMITS.selectLabel, required: true });
            const value = str(errors, o, "value", op, { min: 1, max: LIMITS.selectValue, required: true });
            str(errors, o, "description", op, { max: LIMITS.selectDescription });
            if (value !== undefined) {
              if (values.has(value))
                errors.add(
                  [...op, "value"],
                  "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED",
                  "Select option values must be unique",
                );
              values.add(value);
            }
          });
          if (isInt(min) && min > options.length)
            errors.add(
              [...cp, "min_values"],
              "SELECT_COMPONENT_MIN_VALUES_TOO_HIGH",
              "min_values is larger than the number of options",
            );
        }
        return;
      }
      errors.choices([...cp, "type"], [ComponentType.Button, ...SELECT_TYPES]);
    });
  });
}

export interface MessageCheck {
  /** The message would be empty (Discord answers 50006 for a new message). */
  empty: boolean;
  flags: number;
}

/**
 * Validates a message body (interaction response data, follow-up, or edit) under `path`.
 * `attachmentCount` is the number of files uploaded with it.
 */
export function validateMessage(
  errors: FormErrors,
  body: unknown,
  path: Path,
  attachmentCount = 0,
): MessageCheck {
  if (!isObject(body)) {
    if (body !== undefined) errors.type(path, "object");
    return { empty: attachmentCount === 0, flags: 0 };
  }
  let flags = 0;
  if (body.flags !== undefined && body.flags !== null) {
    if (!isInt(body.flags)) errors.type([...path, "flags"], "int");
    else if ((body.flags & ~SETTABLE_FLAGS) !== 0)
      errors.add([...path, "flags"], "MESSAGE_FLAGS_INVALID", "Invalid message flags");
    else flags = body.flags;
  }
  const v2 = (flags & MessageFlags.IsComponentsV2) !== 0;
  const content = str(errors, body, "content", path, { max: LIMITS.content });
  if (body.tts !== undefined && typeof body.tts !== "boolean") errors.type([...path, "tts"], "boolean");
  const embeds = arr(errors, body, "embeds", path, LIMITS.embeds);
  if (embeds) {
    embeds.forEach((e, i) => validateEmbed(errors, e, [...path, "embeds", i]));
    const total = embeds.reduce<number>((n, e) => n + (isObject(e) ? embedCharacters(e) : 0), 0);
    if (total > LIMITS.embedTotal)
      errors.add(
        [...path, "embeds"],
        "MAX_EMBED_SIZE_EXCEEDED",
        `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
      );
  }
  if (v2 && ((content ?? "") !== "" || (embeds?.length ?? 0) > 0))
    errors.add(
      [...path, "content"],
      "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
      "The 'content' and 'embeds' fields cannot be used when using the IS_COMPONENTS_V2 flag",
    );
  const components = arr(errors, body, "components", path, v2 ? 40 : LIMITS.actionRows);
  if (components && !v2) validateLegacyComponents(errors, components, [...path, "components"]);
  if (body.allowed_mentions !== undefined && body.allowed_mentions !== null) {
    const am = body.allowed_mentions;
    const ap = [...path, "allowed_mentions"];
    if (!isObject(am)) errors.type(ap, "object");
    else {
      const parse = arr(errors, am, "parse", ap, 3);
      parse?.forEach((p, i) => {
        if (p !== "roles" && p !== "users" && p !== "everyone")
          errors.choices([...ap, "parse", i], ["roles", "users", "everyone"]);
      });
      const users = arr(errors, am, "users", ap, 100);
      const roles = arr(errors, am, "roles", ap, 100);
      if (parse?.includes("users") && users?.length)
        errors.add(
          ap,
          "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
          'parse:["users"] and users: [ids...] are mutually exclusive.',
        );
      if (parse?.includes("roles") && roles?.length)
        errors.add(
          ap,
          "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
          'parse:["roles"] and roles: [ids...] are mutually exclusive.',
        );
    }
  }
  const attachments = arr(errors, body, "attachments", path, 10);
  attachments?.forEach((a, i) => {
    if (!isObject(a)) errors.type([...path, "attachments", i], "object");
    else str(errors, a, "description", [...path, "attachments", i], { max: LIMITS.attachmentDescription });
  });
  const empty =
    (content ?? "").trim() === "" &&
    (embeds?.length ?? 0) === 0 &&
    (components?.length ?? 0) === 0 &&
    attachmentCount === 0 &&
    !body.poll &&
    !(Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0);
  return { empty, flags };
}

/** Autocomplete result (`type: 8`) data; `focusedType` is the option being completed. */
export function validateChoices(
  errors: FormErrors,
  data: unknown,
  path: Path,
  focusedType: ApplicationCommandOptionType | undefined,
): void {
  if (!isObject(data)) {
    errors.required(path);
    return;
  }
  const choices = data.choices;
  if (!Array.isArray(choices)) {
    errors.required([...path, "choices"]);
    return;
  }
  if (choices.length > LIMITS.choices) errors.maxLength([...path, "choices"], LIMITS.choices);
  choices.forEach((c, i) => validateChoice(errors, c, [...path, "choices", i], focusedType));
}

function validateChoice(
  errors: FormErrors,
  c: unknown,
  cp: Path,
  type: ApplicationCommandOptionType | undefined,
): void {
  if (!isObject(c)) {
    errors.type(cp, "object");
    return;
  }
  str(errors, c, "name", cp, { min: 1, max: LIMITS.choiceName, required: true });
  const localized = c.name_localizations;
  if (localized !== undefined && localized !== null) {
    if (!isObject(localized)) errors.type([...cp, "name_localizations"], "object");
    else
      for (const locale of Object.keys(localized)) {
        if (!LOCALES.has(locale))
          errors.add([...cp, "name_localizations", locale], "LOCALE_INVALID", "Invalid locale");
        else
          str(errors, localized, locale, [...cp, "name_localizations"], { min: 1, max: LIMITS.choiceName });
      }
  }
  const value = c.value;
  if (value === undefined || value === null) errors.required([...cp, "value"]);
  else if (
    type === ApplicationCommandOptionType.String ||
    (type === undefined && typeof value === "string")
  ) {
    if (typeof value !== "string") errors.type([...cp, "value"], "string");
    else if ([...value].length > LIMITS.choiceValue) errors.maxLength([...cp, "value"], LIMITS.choiceValue);
  } else if (type === ApplicationCommandOptionType.Integer) {
    if (!isInt(value)) errors.type([...cp, "value"], "int");
  } else if (typeof value !== "number" || !Number.isFinite(value)) {
    errors.add([...cp, "value"], "NUMBER_TYPE_COERCE", "Value is not a valid number.");
  }
}

/** Modal (`type: 9`) data. */
export function validateModal(errors: FormErrors, data: unknown, path: Path): void {
  if (!isObject(data)) {
    errors.required(path);
    return;
  }
  str(errors, data, "custom_id", path, { min: 1, max: LIMITS.customId, required: true });
  str(errors, data, "title", path, { min: 1, max: LIMITS.modalTitle, required: true });
  const components = data.components;
  if (!Array.isArray(components) || components.length === 0 || components.length > 5)
    errors.badLength([...path, "components"], 1, 5);
}

function validateLocalizations(
  errors: FormErrors,
  obj: Json,
  key: string,
  path: Path,
  max: number,
  name: boolean,
) {
  const map = obj[key];
  if (map === undefined || map === null) return;
  if (!isObject(map)) {
    errors.type([...path, key], "object");
    return;
  }
  for (const [locale, value] of Object.entries(map)) {
    const p = [...path, key, locale];
    if (!LOCALES.has(locale)) {
      errors.add(p, "LOCALE_INVALID", `Invalid locale ${locale}`);
      continue;
    }
    if (typeof value !== "string") errors.type(p, "string");
    else if ([...value].length < 1 || [...value].length > max) errors.badLength(p, 1, max);
    else if (name && (!NAME_RE.test(value) || value !== value.toLowerCase()))
      errors.add(p, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
}

/**
 * Where a list of options sits: in a command (subcommands and groups, or options that take values,
 * never both), in a group (subcommands only) or in a subcommand (options that take values only).
 */
type OptionsIn = "command" | "group" | "subcommand";

function validateOptions(errors: FormErrors, options: unknown[], path: Path, within: OptionsIn): void {
  const names = new Set<string>();
  let optionalSeen = false;
  const isBranch = (o: unknown) =>
    isObject(o) &&
    (o.type === ApplicationCommandOptionType.Subcommand ||
      o.type === ApplicationCommandOptionType.SubcommandGroup);
  if (within === "command" && options.some(isBranch) && !options.every(isBranch))
    errors.add(
      path,
      "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
      "Sub-command and sub-command group option types are mutually exclusive to all other types",
    );
  options.forEach((o, i) => {
    const op = [...path, i];
    if (!isObject(o)) {
      errors.type(op, "object");
      return;
    }
    const type = o.type;
    if (!isInt(type) || type < 1 || type > 11) {
      errors.choices([...op, "type"], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      return;
    }
    const name = str(errors, o, "name", op, { min: 1, max: LIMITS.commandName, required: true });
    if (name !== undefined) {
      if (!NAME_RE.test(name) || name !== name.toLowerCase())
        errors.add([...op, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
      if (names.has(name))
        errors.add(
          [...op, "name"],
          "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
          "Option names must be unique",
        );
      names.add(name);
    }
    str(errors, o, "description", op, { min: 1, max: LIMITS.commandDescription, required: true });
    validateLocalizations(errors, o, "name_localizations", op, LIMITS.commandName, true);
    validateLocalizations(errors, o, "description_localizations", op, LIMITS.commandDescription, false);
    const isGroup =
      type === ApplicationCommandOptionType.Subcommand ||
      type === ApplicationCommandOptionType.SubcommandGroup;
    // A group only in a command; a subcommand in a command or a group; values never in a group.
    const fits =
      type === ApplicationCommandOptionType.SubcommandGroup
        ? within === "command"
        : type === ApplicationCommandOptionType.Subcommand
          ? within !== "subcommand"
          : within !== "group";
    if (!fits)
      errors.add(
        [...op, "type"],
        isGroup ? "APPLICATION_COMMAND_OPTION_TOO_DEEP" : "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
        isGroup ? "Subcommands nest too deep" : "A subcommand group holds only subcommands",
      );
    if (isGroup) {
      const sub = arr(errors, o, "options", op, LIMITS.commandOptions);
      const inner = type === ApplicationCommandOptionType.SubcommandGroup ? "group" : "subcommand";
      if (sub) validateOptions(errors, sub, [...op, "options"], inner);
      return;
    }
    if (o.required === true) {
      if (optionalSeen)
        errors.add(
          [...op, "required"],
          "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
          "Required options must be placed before non-required options",
        );
    } else optionalSeen = true;
    const choices = arr(errors, o, "choices", op, LIMITS.choices);
    choices?.forEach((c, j) =>
      validateChoice(errors, c, [...op, "choices", j], type as ApplicationCommandOptionType),
    );
    if (o.autocomplete === true && choices && choices.length > 0)
      errors.add(
        [...op, "autocomplete"],
        "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID",
        "Autocomplete cannot be set on options with choices",
      );
    for (const k of ["min_length", "max_length"] as const) {
      const v = o[k];
      if (v === undefined) continue;
      if (type !== ApplicationCommandOptionType.String)
        errors.add(
          [...op, k],
          "APPLICATION_COMMAND_OPTION_INVALID",
          `${k} is only allowed on string options`,
        );
      else if (!isInt(v) || v < (k === "min_length" ? 0 : 1) || v > 6000)
        errors.add([...op, k], "NUMBER_TYPE_MAX", "int value should be less than or equal to 6000.");
    }
  });
}

/** A bulk-overwrite body (`PUT .../commands`): an array of application commands. */
export function validateCommands(errors: FormErrors, body: unknown): void {
  if (!Array.isArray(body)) {
    errors.type([], "array");
    return;
  }
  const names = new Map<string, Set<string>>();
  let chatInput = 0;
  body.forEach((c, i) => {
    const cp = [i];
    if (!isObject(c)) {
      errors.type(cp, "object");
      return;
    }
    const type = c.type ?? ApplicationCommandType.ChatInput;
    if (!isInt(type) || type < 1 || type > 4) {
      errors.choices([...cp, "type"], [1, 2, 3, 4]);
      return;
    }
    const slash = type === ApplicationCommandType.ChatInput;
    if (slash) chatInput += 1;
    const name = str(errors, c, "name", cp, { min: 1, max: LIMITS.commandName, required: true });
    if (name !== undefined) {
      if (slash && (!NAME_RE.test(name) || name !== name.toLowerCase()))
        errors.add([...cp, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
      const seen = names.get(String(type)) ?? new Set<string>();
      if (seen.has(name))
        errors.add(
          [...cp, "name"],
          "APPLICATION_COMMANDS_DUPLICATE_NAME",
          `Application command names must be unique`,
        );
      seen.add(name);
      names.set(String(type), seen);
    }
    if (slash) str(errors, c, "description", cp, { min: 1, max: LIMITS.commandDescription, required: true });
    validateLocalizations(errors, c, "name_localizations", cp, LIMITS.commandName, slash);
    validateLocalizations(errors, c, "description_localizations", cp, LIMITS.commandDescription, false);
    const options = arr(errors, c, "options", cp, LIMITS.commandOptions);
    if (options) {
      if (!slash)
        errors.add(
          [...cp, "options"],
          "APPLICATION_COMMAND_OPTION_INVALID",
          "Only chat input commands take options",
        );
      else validateOptions(errors, options, [...cp, "options"], "command");
    }
    // Installation (0 server, 1 user) and where it can be used (0 server, 1 bot DM, 2 private channel).
    const listOf = (field: string, allowed: number[], nullable: boolean) => {
      const v = c[field];
      if (v === undefined || (nullable && v === null)) return;
      if (!Array.isArray(v) || v.length === 0) {
        errors.type([...cp, field], "array");
        return;
      }
      v.forEach((x, k) => {
        if (!allowed.includes(x as number)) errors.choices([...cp, field, k], allowed);
      });
    };
    listOf("integration_types", [0, 1], false);
    listOf("contexts", [0, 1, 2], true);
    const dmp = c.default_member_permissions;
    if (dmp !== undefined && dmp !== null && (typeof dmp !== "string" || !/^\d+$/.test(dmp)))
      errors.type([...cp, "default_member_permissions"], "string");
  });
  if (chatInput > LIMITS.chatInputCommands) errors.maxLength([], LIMITS.chatInputCommands);
}

/** The option types of a registered command, by option name, for checking dispatched interactions. */
export function optionTypes(
  options: readonly APIApplicationCommandOption[] | undefined,
): Map<string, APIApplicationCommandOption> {
  const out = new Map<string, APIApplicationCommandOption>();
  for (const o of options ?? []) out.set(o.name, o);
  return out;
}
