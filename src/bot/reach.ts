// Before the bot logs in or the deploy script registers commands: one request to Discord's API
// with a deadline, so that an unreachable API or a refused token is said plainly within seconds
// (discord.js would otherwise retry a dead host for about a minute and then say only "This
// operation was aborted").

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

/** Resolves when `GET /gateway/bot` answers 2xx with this token; otherwise throws a clear message. */
export async function checkDiscordReachable(
  token: string,
  apiBase: string = DISCORD_API,
  timeoutMs: number = REACH_TIMEOUT_MS,
): Promise<void> {
  const host = hostOf(apiBase);
  const seconds = Math.round(timeoutMs / 1000);
  let status: number;
  try {
    const response = await fetch(`${apiBase.replace(/\/+$/, "")}/v10/gateway/bot`, {
      headers: { Authorization: `Bot ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    await response.body?.cancel();
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const timedOut = (err as Error).name === "TimeoutError";
    const why = timedOut
      ? `no answer within ${seconds} s`
      : (cause?.code ?? cause?.message ?? (err as Error).message);
    throw new DiscordUnreachable(
      `Could not reach the Discord API at ${host} (${why}). Check this machine's network connection` +
        ` and firewall${apiBase === DISCORD_API ? "" : ", and DISCORD_API_BASE"}.`,
    );
  }
  if (status === 401)
    throw new DiscordUnreachable(
      `Discord at ${host} refused the token (401 Unauthorized): check DISCORD_TOKEN (Developer Portal → Bot → Reset Token).`,
    );
  if ((status < 200 || status >= 300) && status !== 429)
    throw new DiscordUnreachable(
      `The Discord API at ${host} answered ${status} to a first request; try again shortly.`,
    );
}
