// The HTTP half of the stand-in: routing under /api/v10, bot authorisation, JSON and multipart
// bodies, per-route rate-limit buckets with Discord's headers, a check of every body against a
// description of the API (Discord's OpenAPI spec, see spec.ts), and the REST faults of faults.ts.
//   https://discord.com/developers/docs/reference#authentication
//   https://discord.com/developers/docs/topics/rate-limits
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import {
  answer,
  apiError,
  type FieldError,
  FormErrors,
  type HttpAnswer,
  internalError,
  invalidJson,
  methodNotAllowed,
  notFound,
  rateLimited,
  unauthorized,
} from "./errors.js";
import { type Injected, type RateLimitHook, RestFaults } from "./faults.js";

export type { RateLimitHook } from "./faults.js";

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
  /**
   * The route's own checks of a body, without side effects. When the body breaks the API's
   * description, the answer (400 50035) gives these errors, and the description's where these
   * found nothing.
   */
  check?: (req: RestRequest) => FormErrors;
}

/** Checks a request's body against a description of the API: its errors, or null when it is fine. */
export type BodyCheck = (req: RestRequest, multipart: boolean) => FieldError[] | null;

export interface RestServerOptions {
  log?: (line: string) => void;
  /** The stand-in's clock, for the `forMs` windows of faults (default performance.now). */
  clock?: () => number;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** `METHOD /template`, e.g. `POST /interactions/:id/:token/callback`; null when no route matched. */
  route: string | null;
  status: number;
  at: number;
  /** Set when a fault (see faults.ts) produced or held the answer. */
  injected?: Injected;
  /** The client closed the connection before the answer was sent (a held answer it gave up on). */
  abandoned?: boolean;
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
  readonly faults: RestFaults;
  private readonly server: Server;
  private readonly buckets = new Map<string, BucketState>();
  /** Answers held by slow faults: releasing one sends it (or drops it if the client left). */
  private readonly held = new Set<() => void>();
  private readonly log: (line: string) => void;
  private port = 0;
  /** Whether to keep every request in `requests` (the bench turns this off). */
  record = true;
  /** Told about every answer a fault replaced (the stand-in records them per interaction). */
  onInjected: (
    route: string,
    params: Record<string, string>,
    status: number,
    at: number,
    injected: Injected,
  ) => void = () => undefined;
  /** Told when a request is recorded, or its record changes (a held answer abandoned). */
  onRecord: (record: RequestRecord) => void = () => undefined;
  /** Checks every body received (JSON, or multipart's payload_json); null: no check. */
  checkBody: BodyCheck | null = null;

  constructor(
    private readonly routes: RouteDefinition[],
    private readonly token: () => string,
    options: RestServerOptions = {},
  ) {
    this.log = options.log ?? (() => undefined);
    this.faults = new RestFaults(
      (method, template) =>
        this.routes.some((r) => r.template === template && (!method || r.method === method)),
      options.clock ?? (() => performance.now()),
    );
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
    for (const release of [...this.held]) release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` requests on `route` (`"POST /interactions/:id/:token/callback"`) answer 429. */
  rateLimitNext(route: string, count = 1, options: Partial<RateLimitHook> = {}): void {
    this.faults.rateLimitNext(route, count, options);
  }

  /** The next `count` requests on `route` answer with a server error (500 by default). */
  failNext(route: string, count = 1, status = 500): void {
    this.faults.failNext(route, count, status);
  }

  /** Ends every fault. */
  clearHooks(): void {
    this.faults.clear();
  }

  /** Holds an answer for `ms`, or until the client leaves or the server closes. */
  private hold(res: ServerResponse, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        res.off("close", release);
        this.held.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      res.on("close", release);
      this.held.add(release);
    });
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
    const record = (route: string | null, status: number, injected?: Injected) => {
      if (!this.record) return undefined;
      const r: RequestRecord = {
        method,
        path: url.pathname,
        route,
        status,
        at,
        ...(injected ? { injected } : {}),
      };
      this.requests.push(r);
      this.onRecord(r);
      return r;
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

    const body = await this.parseBody(req, raw);
    if ("status" in body) {
      record(routeKey, body.status);
      this.send(res, body);
      return;
    }
    const request: RestRequest = {
      method,
      path,
      template: route.template,
      params,
      query: url.searchParams,
      headers: req.headers,
      json: body.json,
      files: body.files,
      at,
    };
    // Every body is checked, even one a fault refuses: what the bot sent is wrong either way.
    const specErrors =
      this.checkBody && body.json !== undefined ? this.checkBody(request, body.multipart) : null;

    const fault = this.faults.take(method, route.template);
    if (fault && (fault.kind === "rate-limit" || fault.kind === "failure")) {
      const a = fault.answer(hash);
      record(routeKey, a.status, fault.kind);
      this.onInjected(routeKey, params, a.status, at, fault.kind);
      this.send(res, a);
      return;
    }

    // The route's bucket, as Discord reports (and enforces) it.
    const limited = this.bucket(route, params, hash);
    if ("status" in limited) {
      record(routeKey, 429);
      this.send(res, limited);
      return;
    }

    let a: HttpAnswer;
    if (specErrors) {
      // Refused as Discord refuses a body it cannot take, with the route's own findings first.
      const errors = route.check?.(request) ?? new FormErrors();
      for (const e of specErrors) if (!errors.has(e.path)) errors.add(e.path, e.code, e.message);
      a = errors.answer() ?? apiError(400, 50035, "Invalid Form Body");
    } else {
      a = await route.handler(request);
    }
    if (fault?.kind === "apply-then-5xx") {
      a = fault.answer(hash);
      this.onInjected(routeKey, params, a.status, at, fault.kind);
    }
    const done = record(routeKey, a.status, fault?.kind);
    if (fault?.kind === "slow") {
      await this.hold(res, fault.delayMs);
      if (res.destroyed || res.writableEnded) {
        if (done) {
          done.abandoned = true;
          this.onRecord(done);
        }
        return;
      }
    }
    this.send(res, a, limited.headers);
  }

  /** Takes one request from the route's bucket: its headers, or the 429 when it is empty. */
  private bucket(
    route: RouteDefinition,
    params: Record<string, string>,
    hash: string,
  ): HttpAnswer | { headers: Record<string, string> } {
    if (!route.bucket) return { headers: {} };
    const key = `${hash}:${majorParameter(route.template, params)}`;
    const now = Date.now();
    let state = this.buckets.get(key);
    if (!state || state.resetAt <= now) {
      state = { remaining: route.bucket.limit, resetAt: now + route.bucket.windowMs };
      this.buckets.set(key, state);
    }
    const resetAfter = (state.resetAt - now) / 1000;
    const headers = {
      "X-RateLimit-Limit": String(route.bucket.limit),
      "X-RateLimit-Remaining": String(Math.max(0, state.remaining - 1)),
      "X-RateLimit-Reset": (state.resetAt / 1000).toFixed(3),
      "X-RateLimit-Reset-After": resetAfter.toFixed(3),
      "X-RateLimit-Bucket": hash,
    };
    if (state.remaining <= 0)
      return answer(429, rateLimited(resetAfter, false), {
        ...headers,
        "Retry-After": String(Math.ceil(resetAfter)),
        "X-RateLimit-Scope": "user",
      });
    state.remaining -= 1;
    return { headers };
  }

  /** A JSON body, or a multipart one (payload_json and files[n]); the 400 Discord gives otherwise. */
  private async parseBody(
    req: IncomingMessage,
    raw: Buffer,
  ): Promise<HttpAnswer | { json: unknown; files: UploadedFile[]; multipart: boolean }> {
    let json: unknown;
    const files: UploadedFile[] = [];
    const type = (req.headers["content-type"] ?? "").toLowerCase();
    const multipart = type.startsWith("multipart/form-data");
    if (raw.length === 0) return { json, files, multipart };
    if (!multipart) {
      try {
        return { json: JSON.parse(raw.toString("utf8")), files, multipart };
      } catch {
        return invalidJson();
      }
    }
    let form: FormData;
    try {
      form = await new Response(raw, {
        headers: { "content-type": req.headers["content-type"] ?? "" },
      }).formData();
    } catch {
      return apiError(400, 50035, "Invalid Form Body");
    }
    for (const [field, value] of form.entries()) {
      if (field === "payload_json" && typeof value === "string") {
        try {
          json = JSON.parse(value);
        } catch {
          return invalidJson();
        }
      } else if (typeof value !== "string" && /^files\[\d+\]$/.test(field)) {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, name: value.name, size: data.length, contentType: value.type, data });
      }
    }
    return { json, files, multipart };
  }
}
