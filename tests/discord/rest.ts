// The HTTP half of the stand-in: routing under /api/v10, bot authorisation, JSON and multipart
// bodies, per-route rate-limit buckets with Discord's headers, and test hooks that make the next
// requests on a route answer 429 or 5xx.
//   https://discord.com/developers/docs/reference#authentication
//   https://discord.com/developers/docs/topics/rate-limits
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import {
  answer,
  apiError,
  type HttpAnswer,
  internalError,
  invalidJson,
  methodNotAllowed,
  notFound,
  rateLimited,
  unauthorized,
} from "./errors.js";

export const API_VERSION = "10";
const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface UploadedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  name: string;
  size: number;
  contentType: string;
  data: Buffer;
}

export interface RestRequest {
  method: string;
  /** The path below /api/v10, as sent (still percent-encoded). */
  path: string;
  /** The route template that matched, e.g. `/webhooks/:app/:token/messages/:message`. */
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  json: unknown;
  files: UploadedFile[];
  /** performance.now() when the request arrived. */
  at: number;
}

export type RouteHandler = (req: RestRequest) => HttpAnswer | Promise<HttpAnswer>;

export interface RouteDefinition {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  template: string;
  /** Whether the route needs `Authorization: Bot <token>` (webhook and callback routes do not). */
  auth: boolean;
  /** The documented bucket: requests per window, per major parameter. Omitted: no bucket headers. */
  bucket?: { limit: number; windowMs: number };
  handler: RouteHandler;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** `METHOD /template`, e.g. `POST /interactions/:id/:token/callback`; null when no route matched. */
  route: string | null;
  status: number;
  at: number;
  /** Set when a test hook produced the answer. */
  injected?: "rate-limit" | "failure";
}

export interface RateLimitHook {
  retryAfter: number;
  global: boolean;
  scope: "user" | "global" | "shared";
}

interface Hook {
  route: string;
  remaining: number;
  make: (bucketHash: string) => HttpAnswer;
  kind: "rate-limit" | "failure";
}

interface BucketState {
  remaining: number;
  resetAt: number;
}

function bucketHash(method: string, template: string): string {
  return createHash("sha1").update(`${method} ${template}`).digest("hex").slice(0, 32);
}

/** The major parameter of a path, which splits a route's bucket (channel, guild or webhook+token). */
function majorParameter(template: string, params: Record<string, string>): string {
  if (template.startsWith("/webhooks/")) return `${params.app}/${params.token}`;
  if (template.startsWith("/channels/")) return params.channel ?? "";
  if (template.startsWith("/guilds/")) return params.guild ?? "";
  return "";
}

function match(template: string, path: string): Record<string, string> | null {
  const t = template.split("/");
  const p = path.split("/");
  if (t.length !== p.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i] as string;
    const got = p[i] as string;
    if (seg.startsWith(":")) {
      if (got === "") return null;
      try {
        params[seg.slice(1)] = decodeURIComponent(got);
      } catch {
        return null;
      }
    } else if (seg !== got) return null;
  }
  return params;
}

export class RestServer {
  readonly requests: RequestRecord[] = [];
  private readonly server: Server;
  private readonly hooks: Hook[] = [];
  private readonly buckets = new Map<string, BucketState>();
  private port = 0;
  /** Whether to keep every request in `requests` (the bench turns this off). */
  record = true;
  /** Told about every answer a test hook injected (the stand-in records them per interaction). */
  onInjected: (route: string, params: Record<string, string>, status: number, at: number) => void = () =>
    undefined;

  constructor(
    private readonly routes: RouteDefinition[],
    private readonly token: () => string,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        this.log(
          `stand-in REST crashed on ${req.method} ${req.url}: ${err instanceof Error ? err.stack : String(err)}`,
        );
        if (!res.headersSent) this.send(res, internalError());
      });
    });
    this.server.keepAliveTimeout = 30_000;
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` requests on `route` (`"POST /interactions/:id/:token/callback"`) answer 429. */
  rateLimitNext(route: string, count = 1, options: Partial<RateLimitHook> = {}): void {
    const hook: RateLimitHook = { retryAfter: 1, global: false, scope: "user", ...options };
    this.assertRoute(route);
    this.hooks.push({
      route,
      remaining: count,
      kind: "rate-limit",
      make: (hash) => {
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

  /** The next `count` requests on `route` answer with a server error (500 by default). */
  failNext(route: string, count = 1, status = 500): void {
    this.assertRoute(route);
    this.hooks.push({ route, remaining: count, kind: "failure", make: () => internalError(status) });
  }

  clearHooks(): void {
    this.hooks.length = 0;
  }

  private assertRoute(route: string): void {
    if (!this.routes.some((r) => `${r.method} ${r.template}` === route))
      throw new Error(`No such route in the stand-in: ${route}`);
  }

  private send(res: ServerResponse, a: HttpAnswer, extra: Record<string, string> = {}): void {
    const headers: Record<string, string> = { ...extra, ...a.headers };
    if (a.body === undefined || a.status === 204) {
      res.writeHead(a.status, headers);
      res.end();
      return;
    }
    if (a.body instanceof Uint8Array) {
      // A file (an attachment on the CDN), not JSON.
      headers["Content-Type"] ??= "application/octet-stream";
      headers["Content-Length"] = String(a.body.byteLength);
      res.writeHead(a.status, headers);
      res.end(a.body);
      return;
    }
    const text = JSON.stringify(a.body);
    headers["Content-Type"] = "application/json";
    headers["Content-Length"] = String(Buffer.byteLength(text));
    res.writeHead(a.status, headers);
    res.end(text);
  }

  private async readBody(req: IncomingMessage): Promise<Buffer | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const record = (route: string | null, status: number, injected?: RequestRecord["injected"]) => {
      if (this.record)
        this.requests.push({
          method,
          path: url.pathname,
          route,
          status,
          at,
          ...(injected ? { injected } : {}),
        });
    };
    const prefix = `/api/v${API_VERSION}`;
    if (!url.pathname.startsWith(`${prefix}/`)) {
      await this.readBody(req); // drain it, so the connection stays usable
      record(null, 404);
      this.send(res, notFound());
      return;
    }
    const path = url.pathname.slice(prefix.length);
    let route: RouteDefinition | undefined;
    let params: Record<string, string> | null = null;
    let pathMatched = false;
    for (const r of this.routes) {
      const p = match(r.template, path);
      if (!p) continue;
      pathMatched = true;
      if (r.method === method) {
        route = r;
        params = p;
        break;
      }
    }
    const raw = await this.readBody(req);
    if (!route || !params) {
      const a = pathMatched ? methodNotAllowed() : notFound();
      record(null, a.status);
      this.send(res, a);
      return;
    }
    const routeKey = `${route.method} ${route.template}`;
    const hash = bucketHash(route.method, route.template);
    if (raw === null) {
      const a = apiError(413, 40005, "Request entity too large");
      record(routeKey, 413);
      this.send(res, a);
      return;
    }
    if (route.auth && req.headers.authorization !== `Bot ${this.token()}`) {
      record(routeKey, 401);
      this.send(res, unauthorized());
      return;
    }

    const hook = this.hooks.find((h) => h.route === routeKey && h.remaining > 0);
    if (hook) {
      hook.remaining -= 1;
      if (hook.remaining === 0) this.hooks.splice(this.hooks.indexOf(hook), 1);
      const a = hook.make(hash);
      record(routeKey, a.status, hook.kind);
      this.onInjected(routeKey, params, a.status, at);
      this.send(res, a);
      return;
    }

    // The route's bucket, as Discord reports (and enforces) it.
    let bucketHeaders: Record<string, string> = {};
    if (route.bucket) {
      const key = `${hash}:${majorParameter(route.template, params)}`;
      const now = Date.now();
      let state = this.buckets.get(key);
      if (!state || state.resetAt <= now) {
        state = { remaining: route.bucket.limit, resetAt: now + route.bucket.windowMs };
        this.buckets.set(key, state);
      }
      const resetAfter = (state.resetAt - now) / 1000;
      bucketHeaders = {
        "X-RateLimit-Limit": String(route.bucket.limit),
        "X-RateLimit-Remaining": String(Math.max(0, state.remaining - 1)),
        "X-RateLimit-Reset": (state.resetAt / 1000).toFixed(3),
        "X-RateLimit-Reset-After": resetAfter.toFixed(3),
        "X-RateLimit-Bucket": hash,
      };
      if (state.remaining <= 0) {
        record(routeKey, 429);
        this.send(
          res,
          answer(429, rateLimited(resetAfter, false), {
            ...bucketHeaders,
            "Retry-After": String(Math.ceil(resetAfter)),
            "X-RateLimit-Scope": "user",
          }),
        );
        return;
      }
      state.remaining -= 1;
    }

    let json: unknown;
    const files: UploadedFile[] = [];
    const type = (req.headers["content-type"] ?? "").toLowerCase();
    if (raw.length > 0) {
      if (type.startsWith("multipart/form-data")) {
        let form: FormData;
        try {
          form = await new Response(raw, {
            headers: { "content-type": req.headers["content-type"] ?? "" },
          }).formData();
        } catch {
          record(routeKey, 400);
          this.send(res, apiError(400, 50035, "Invalid Form Body"));
          return;
        }
        for (const [field, value] of form.entries()) {
          if (field === "payload_json" && typeof value === "string") {
            try {
              json = JSON.parse(value);
            } catch {
              record(routeKey, 400);
              this.send(res, invalidJson());
              return;
            }
          } else if (typeof value !== "string" && /^files\[\d+\]$/.test(field)) {
            const data = Buffer.from(await value.arrayBuffer());
            files.push({ field, name: value.name, size: data.length, contentType: value.type, data });
          }
        }
      } else {
        try {
          json = JSON.parse(raw.toString("utf8"));
        } catch {
          record(routeKey, 400);
          this.send(res, invalidJson());
          return;
        }
      }
    }

    const a = await route.handler({
      method,
      path,
      template: route.template,
      params,
      query: url.searchParams,
      headers: req.headers,
      json,
      files,
      at,
    });
    record(routeKey, a.status);
    this.send(res, a, bucketHeaders);
  }
}
