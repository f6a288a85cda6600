// Application commands: GET and bulk-overwrite PUT, global and per server. Ids stay for commands
// of the same name and type; `version` changes only when the definition does.
//   https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
import {
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type InteractionContextType,
} from "discord-api-types/v10";
import { answer, FormErrors, type HttpAnswer, missingAccess } from "../errors.js";
import type { RestRequest } from "../rest.js";
import type { StandIn } from "../state.js";
import { validateCommands } from "../validate.js";

/** The command list a route addresses, or Discord's refusal. */
function commandList(s: StandIn, r: RestRequest): APIApplicationCommand[] | HttpAnswer {
  if (r.params.app !== s.applicationId) return missingAccess();
  const guildId = r.params.guild;
  if (guildId === undefined) return s.globalCommands;
  if (!s.guilds.some((g) => g.id === guildId)) return missingAccess();
  let list = s.guildCommands.get(guildId);
  if (!list) {
    list = [];
    s.guildCommands.set(guildId, list);
  }
  return list;
}

export function getCommands(s: StandIn, r: RestRequest): HttpAnswer {
  const list = commandList(s, r);
  return Array.isArray(list) ? answer(200, list) : list;
}

/** The stand-in's own checks of a bulk-overwrite body, without side effects. */
export function commandErrors(r: RestRequest): FormErrors {
  const errors = new FormErrors();
  validateCommands(errors, r.json);
  return errors;
}

export function putCommands(s: StandIn, r: RestRequest): HttpAnswer {
  const list = commandList(s, r);
  if (!Array.isArray(list)) return list;
  const bad = commandErrors(r).answer();
  if (bad) return bad;
  const guildId = r.params.guild;
  const body = r.json as Record<string, unknown>[];
  const next: APIApplicationCommand[] = body.map((c) => {
    const type = (c.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
    const definition = {
      type,
      name: c.name as string,
      name_localizations: (c.name_localizations as Record<string, string> | undefined) ?? null,
      description: (c.description as string | undefined) ?? "",
      description_localizations: (c.description_localizations as Record<string, string> | undefined) ?? null,
      ...(Array.isArray(c.options) && c.options.length > 0
        ? { options: c.options as APIApplicationCommandOption[] }
        : {}),
      default_member_permissions: (c.default_member_permissions as string | null | undefined) ?? null,
      ...(guildId ? {} : { dm_permission: (c.dm_permission as boolean | undefined) ?? true }),
      nsfw: (c.nsfw as boolean | undefined) ?? false,
      integration_types: (c.integration_types as ApplicationIntegrationType[] | undefined) ?? [
        ApplicationIntegrationType.GuildInstall,
      ],
      contexts: (c.contexts as InteractionContextType[] | null | undefined) ?? null,
    };
    const previous = list.find((p) => p.name === definition.name && p.type === type);
    const unchanged =
      previous !== undefined &&
      stableJson({ ...previous, id: 0, version: 0, application_id: 0, guild_id: 0 }) ===
        stableJson({ ...definition, id: 0, version: 0, application_id: 0, guild_id: 0 });
    return {
      id: previous?.id ?? s.ids.next(),
      application_id: s.applicationId,
      version: unchanged && previous ? previous.version : s.ids.next(),
      ...(guildId ? { guild_id: guildId } : {}),
      ...definition,
    } as APIApplicationCommand;
  });
  list.splice(0, list.length, ...next);
  s.changed();
  return answer(200, next);
}

/** JSON with object keys sorted, for comparing definitions whatever their key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
