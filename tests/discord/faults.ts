// REST faults a test injects on a route: what Discord (or the network between) does to a bot now
// and then. Each fault applies to the next `times` requests, or to every request for `forMs` of
// the stand-in's clock, or both (whichever ends first), and counts the requests it hit.
//   - rate-limit: 429 with Discord's body and headers, nothing applied (`rateLimitNext`);
//   - refuse: a 5xx (503 by default), nothing applied (`failNext` is this, 500 by default);
//   - apply-then-5xx: the request is applied (the message IS created) and then answered 5xx;
//   - slow: the request is applied at once and its answer held for `delayMs`, so a client whose
//     timeout is shorter gives up (and retries) while the work is done.
// A fault takes a request before the route's bucket; the first fault registered that matches wins.
import { answer, type HttpAnswer, internalError, rateLimited } from "./errors.js";

export type RestFaultMode = "refuse" | "apply-then-5xx" | "slow";

/** How a request's answer was injected; "failure" is a refused request (`refuse`, `failNext`). */
export type Injected = "rate-limit" | "failure" | "apply-then-5xx" | "slow";

export interface RestFaultOptions {
  /**
   * A route key as in ROUTES (`"POST /channels/:channel/messages"`), or a template alone
   * (`"/channels/:channel/messages"`) for every method on it, or the one given as `method`.
   */
  route: string;
  method?: string;
  mode: RestFaultMode;
  /** The status of refuse and apply-then-5xx (500–599; default 503). */
  status?: number;
  /** How long slow holds the answer (required for slow). */
  delayMs?: number;
  /** For the next `times` requests (the default is 1 when `forMs` is not given either). */
  times?: number;
  /** For every request in the next `forMs` milliseconds of the stand-in's clock. */
  forMs?: number;
}

export interface RestFaultHandle {
  /** Ends the fault now. */
  clear(): void;
  /** How many requests it hit so far. */
  readonly hits: number;
  /** Whether it still applies (not cleared, not used up, its window not over). */
  readonly active: boolean;
}

export interface RateLimitHook {
  retryAfter: number;
  global: boolean;
  scope: "user" | "global" | "shared";
}

/** The fault that took a request. */
export interface Fault {
  readonly kind: Injected;
  /** The answer for rate-limit, failure and apply-then-5xx, given the route's bucket hash. */
  answer(bucketHash: string): HttpAnswer;
  /** How long slow holds the answer. */
  readonly delayMs: number;
}

interface Entry extends Fault {
  method: string | null;
  template: string;
  remaining: number;
  until: number;
  hits: number;
  cleared: boolean;
}

export class RestFaults {
  private readonly entries: Entry[] = [];

  /**
   * `knows(method, template)` says whether the stand-in serves that route (method null: any);
   * `now` is the stand-in's clock, for `forMs` windows.
   */
  constructor(
    private readonly knows: (method: string | null, template: string) => boolean,
    private readonly now: () => number,
  ) {}

  inject(options: RestFaultOptions): RestFaultHandle {
    const { mode } = options;
    const status = options.status ?? 503;
    if (mode !== "refuse" && mode !== "apply-then-5xx" && mode !== "slow")
      throw new Error(`Unknown REST fault mode: ${String(mode)}`);
    if (mode !== "slow" && (!Number.isInteger(status) || status < 500 || status > 599))
      throw new Error(`A ${mode} fault answers a 5xx status, not ${status}`);
    const delayMs = options.delayMs ?? 0;
    if (mode === "slow" && !(delayMs > 0 && Number.isFinite(delayMs)))
      throw new Error("A slow fault needs delayMs > 0");
    const kind: Injected = mode === "refuse" ? "failure" : mode;
    return this.add(options.route, options.method, options.times, options.forMs, {
      kind,
      delayMs,
      answer: () => internalError(status),
    });
  }

  /** The next `count` requests on `route` answer 429 with Discord's headers and body. */
  rateLimitNext(route: string, count: number, options: Partial<RateLimitHook>): RestFaultHandle {
    const hook: RateLimitHook = { retryAfter: 1, global: false, scope: "user", ...options };
    return this.add(route, undefined, count, undefined, {
      kind: "rate-limit",
      delayMs: 0,
      answer: (hash) => {
        const headers: Record<string, string> = {
          "Retry-After": String(Math.ceil(hook.retryAfter)),
          "X-RateLimit-Scope": hook.global ? "global" : hook.scope,
        };
        if (hook.global) headers["X-RateLimit-Global"] = "true";
        else
          Object.assign(headers, {
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": ((Date.now() + hook.retryAfter * 1000) / 1000).toFixed(3),
            "X-RateLimit-Reset-After": hook.retryAfter.toFixed(3),
            "X-RateLimit-Bucket": hash,
          });
        const body = { ...rateLimited(hook.retryAfter, hook.global), ...(hook.global ? { code: 0 } : {}) };
        return answer(429, body, headers);
      },
    });
  }

  /** The next `count` requests on `route` answer `status` without being applied. */
  failNext(route: string, count: number, status: number): RestFaultHandle {
    return this.add(route, undefined, count, undefined, {
      kind: "failure",
      delayMs: 0,
      answer: () => internalError(status),
    });
  }

  /** The fault that takes this request, if any (it counts as one of its hits). */
  take(method: string, template: string): Fault | null {
    const now = this.now();
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i] as Entry;
      if (e.until <= now) {
        this.entries.splice(i, 1);
        i -= 1;
        continue;
      }
      if (e.template !== template || (e.method !== null && e.method !== method)) continue;
      e.hits += 1;
      e.remaining -= 1;
      if (e.remaining <= 0) this.entries.splice(i, 1);
      return e;
    }
    return null;
  }

  clear(): void {
    for (const e of this.entries) e.cleared = true;
    this.entries.length = 0;
  }

  private add(
    route: string,
    method: string | undefined,
    times: number | undefined,
    forMs: number | undefined,
    fault: Fault,
  ): RestFaultHandle {
    const target = this.parseRoute(route, method);
    if (times !== undefined && !(Number.isInteger(times) && times >= 1))
      throw new Error(`times must be a whole number of requests, at least 1 (got ${times})`);
    if (forMs !== undefined && !(forMs > 0)) throw new Error(`forMs must be positive (got ${forMs})`);
    const entry: Entry = {
      ...fault,
      ...target,
      remaining: times ?? (forMs === undefined ? 1 : Number.POSITIVE_INFINITY),
      until: forMs === undefined ? Number.POSITIVE_INFINITY : this.now() + forMs,
      hits: 0,
      cleared: false,
    };
    this.entries.push(entry);
    const entries = this.entries;
    const now = this.now;
    return {
      clear() {
        entry.cleared = true;
        const i = entries.indexOf(entry);
        if (i >= 0) entries.splice(i, 1);
      },
      get hits() {
        return entry.hits;
      },
      get active() {
        return !entry.cleared && entry.remaining > 0 && entry.until > now();
      },
    };
  }

  private parseRoute(route: string, method: string | undefined): { method: string | null; template: string } {
    const m = /^([A-Z]+) (\/.*)$/.exec(route);
    const template = m ? (m[2] as string) : route;
    const own = m ? (m[1] as string) : null;
    const wanted = method?.toUpperCase() ?? null;
    if (own && wanted && own !== wanted) throw new Error(`${route} is not a ${wanted} route`);
    const target = { method: own ?? wanted, template };
    if (!template.startsWith("/") || !this.knows(target.method, template))
      throw new Error(`No such route in the stand-in: ${route}${wanted && !own ? ` (${wanted})` : ""}`);
    return target;
  }
}
