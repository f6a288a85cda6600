// Before the bot logs in or the deploy script registers commands: one request to Discord's API
// with a deadline and no retries, so that an unreachable API or a refused token is said plainly
// within seconds (discord.js would otherwise retry a dead host for about a minute and then say
// only "This operation was aborted"). It goes through discord.js's own REST client, which the
// process loads anyway.
import { DiscordAPIError, REST, Routes } from "discord.js";

/** Discord's own API base, as discord.js uses it when DISCORD_API_BASE is not set. */
export const DISCORD_API = "https://discord.com/api";
export const REACH_TIMEOUT_MS = 10_000;

export class DiscordUnreachable extends Error {
  override name = "DiscordUnreachable";
}

function hostOf(base: string): string {
  try {
    return new URL(base).host;
  } catch {
    return base;
  }
}

/** The system's word for a network failure (ECONNREFUSED, ENOTFOUND …), wherever the error keeps it. */
function networkCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === "string" && /^E[A-Z]+$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** Resolves when `GET /gateway/bot` answers with this token; otherwise throws a clear message. */
export async function checkDiscordReachable(
  token: string,
  apiBase: string = DISCORD_API,
  timeoutMs: number = REACH_TIMEOUT_MS,
): Promise<void> {
  const host = hostOf(apiBase);
  const rest = new REST({ version: "10", api: apiBase, timeout: timeoutMs, retries: 0 }).setToken(token);
  try {
    await rest.get(Routes.gatewayBot());
  } catch (err) {
    if (err instanceof DiscordAPIError && err.status === 401)
      throw new DiscordUnreachable(
        `Discord at ${host} refused the token (401 Unauthorized): check DISCORD_TOKEN (Developer Portal → Bot → Reset Token).`,
      );
    if (err instanceof DiscordAPIError)
      throw new DiscordUnreachable(
        `The Discord API at ${host} answered ${err.status} to a first request; try again shortly.`,
      );
    const timedOut = (err as Error).name === "AbortError" || (err as Error).name === "TimeoutError";
    const why = timedOut
      ? `no answer within ${Math.round(timeoutMs / 1000)} s`
      : (networkCode(err) ?? (err as Error).message);
    throw new DiscordUnreachable(
      `Could not reach the Discord API at ${host} (${why}). Check this machine's network connection` +
        ` and firewall${apiBase === DISCORD_API ? "" : ", and DISCORD_API_BASE"}.`,
    );
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
