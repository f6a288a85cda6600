// Connecting: GET /gateway and /gateway/bot (the gateway's URL, shards, session start limit),
// GET /users/@me, the READY payload, and the CDN that serves files users attached to commands.
//   https://discord.com/developers/docs/events/gateway#get-gateway-bot
import type {
  ApplicationFlags,
  GatewayReadyDispatchData,
  RESTGetAPIGatewayBotResult,
} from "discord-api-types/v10";
import { answer, type HttpAnswer, notFound } from "../errors.js";
import { shardOf } from "../records.js";
import type { RestRequest } from "../rest.js";
import type { StandIn } from "../state.js";

export function gatewayBot(s: StandIn, gatewayUrl: string): HttpAnswer {
  const body: RESTGetAPIGatewayBotResult = {
    url: gatewayUrl,
    shards: s.options.shards,
    session_start_limit: {
      total: 1000,
      remaining: 1000 - s.sessionStarts,
      reset_after: 86_400_000,
      max_concurrency: s.options.maxConcurrency,
    },
  };
  return answer(200, body);
}

export function currentUser(s: StandIn): HttpAnswer {
  return answer(200, s.bot);
}

/** A file a user attached, as Discord's CDN serves it (GET, no token). */
export async function attachment(s: StandIn, r: RestRequest): Promise<HttpAnswer> {
  const file = s.uploads.get(r.params.id ?? "");
  // A slow CDN, when a test asks for one (to see a handler deferred past Discord's 3 s).
  if (s.attachmentDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, s.attachmentDelayMs));
  return file ? answer(200, file.data) : notFound();
}

/** READY for a new session of shard `s.shard`: that shard's servers, unavailable until GUILD_CREATE. */
export function ready(
  s: StandIn,
  session: { id: string; shard: [number, number]; resumeUrl: string },
): GatewayReadyDispatchData {
  s.sessionStarts += 1;
  return {
    v: 10,
    user: s.bot,
    guilds: s.guilds
      .filter((g) => shardOf(g.id, session.shard[1]) === session.shard[0])
      .map((g) => ({ id: g.id, unavailable: true })),
    session_id: session.id,
    resume_gateway_url: session.resumeUrl,
    shard: session.shard,
    application: { id: s.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
    // Sent by Discord to bots, not typed by discord-api-types.
    ...({
      session_type: "normal",
      user_settings: {},
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ["stand-in"],
      auth: {},
      _trace: ['["gateway-prd-stand-in",{"micros":0}]'],
    } as object),
  };
}
