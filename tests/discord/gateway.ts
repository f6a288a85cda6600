// The WebSocket half of the stand-in: Discord's gateway, v10, JSON encoding (optionally
// zlib-stream transport compression).
//   https://discord.com/developers/docs/events/gateway
//   https://discord.com/developers/docs/events/gateway-events
//   https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { createDeflate, type Deflate, deflateSync, constants as zlibConstants } from "node:zlib";
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  type GatewayIdentifyData,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
  type GatewayResumeData,
} from "discord-api-types/v10";
import { type RawData, WebSocket, WebSocketServer } from "ws";

/** Intents that must be switched on in the Developer Portal; IDENTIFY with them otherwise closes 4014. */
const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const ALL_INTENTS = Object.values(GatewayIntentBits)
  .filter((v): v is number => typeof v === "number")
  .reduce((a, b) => a | b, 0);
/** Client payloads per connection per minute before Discord closes with 4008. */
const SEND_LIMIT = 120;
/** Discord's identify bucket: one IDENTIFY per 5 s per max_concurrency key. */
const IDENTIFY_INTERVAL_MS = 5000;
const MAX_PAYLOAD_BYTES = 4096;
const REPLAY_BUFFER = 10_000;

export interface IdentifyRecord {
  sessionId: string;
  at: number;
  intents: number;
  shard: [number, number];
  properties: GatewayIdentifyData["properties"];
  path: string;
}

export interface ResumeRecord {
  sessionId: string;
  at: number;
  /** The sequence the client said it had. */
  seq: number;
  /** How many dispatches were replayed. */
  replayed: number;
  /** Which URL path the client connected to (`/resume` is the resume_gateway_url). */
  path: string;
}

export interface CloseRecord {
  connection: number;
  code: number;
  /** Who started the close handshake; "abnormal" for a dropped socket. */
  by: "client" | "server" | "abnormal";
  at: number;
}

export interface GatewayOptions {
  token: () => string;
  heartbeatIntervalMs: number;
  ready: (session: { id: string; shard: [number, number]; resumeUrl: string }) => GatewayReadyDispatchData;
  /** The servers a shard receives (Discord: those with (guild_id >> 22) % count = shard id). */
  guilds: (shard: [number, number]) => GatewayGuildCreateDispatchData[];
  /** session_start_limit.max_concurrency: shards whose id % this differs may IDENTIFY together. */
  maxConcurrency?: number;
  /** Privileged intents switched on for the application (none by default). */
  privilegedIntents?: number;
  /** Enforce one IDENTIFY per 5 s (answered with INVALID_SESSION, as Discord does). Default true. */
  identifyRateLimit?: boolean;
  /** READY waits for this after an IDENTIFY (a test that looks at the bot before it is ready). */
  readyGate?: () => Promise<void>;
  log?: (line: string) => void;
}

interface Session {
  id: string;
  seq: number;
  buffer: { s: number; text: string }[];
  connection: Connection | null;
  invalidated: boolean;
  shard: [number, number];
}

interface Connection {
  id: number;
  ws: WebSocket;
  path: string;
  session: Session | null;
  /** IDENTIFY or RESUME accepted on this connection. */
  authenticated: boolean;
  heartbeatTimer: NodeJS.Timeout | null;
  deflate: Deflate | null;
  identifyCompress: boolean;
  window: { start: number; count: number };
  closingBy: "server" | null;
}

export class GatewayServer extends EventEmitter {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly closes: CloseRecord[] = [];
  heartbeats = 0;
  heartbeatAcks = 0;
  /** When false, heartbeats go unanswered (a zombie connection, from the client's view). */
  ackHeartbeats = true;
  private wss: WebSocketServer | null = null;
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  /** The latest session; with shards, the latest of any shard. */
  private current: Session | null = null;
  /** The live session of each shard id (a bot that does not shard has only shard 0). */
  private readonly shards = new Map<number, Session>();
  private nextConnectionId = 1;
  /** The last IDENTIFY per rate-limit bucket (shard id % max_concurrency). */
  private readonly lastIdentifyAt = new Map<number, number>();
  private port = 0;

  constructor(private readonly options: GatewayOptions) {
    super();
    this.setMaxListeners(0);
  }

  async listen(): Promise<number> {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, maxPayload: 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      wss.once("listening", resolve);
      wss.once("error", reject);
    });
    wss.on("connection", (ws, req) => this.onConnection(ws, req.url ?? "/"));
    this.wss = wss;
    this.port = (wss.address() as AddressInfo).port;
    return this.port;
  }

  /** What GET /gateway/bot hands out. */
  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The READY `resume_gateway_url`: same server, its own path, so tests can see it was used. */
  get resumeUrl(): string {
    return `ws://127.0.0.1:${this.port}/resume`;
  }

  get sessionId(): string | null {
    return this.current?.id ?? null;
  }

  /** The session's last sequence number. */
  get sequence(): number {
    return this.current?.seq ?? 0;
  }

  /** Whether the current session has an authenticated, open connection. */
  get connected(): boolean {
    const c = this.current?.connection;
    return Boolean(c?.authenticated && c.ws.readyState === WebSocket.OPEN);
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.ws.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }

  /** How many shards the bot identified with (1 before it connects or when it does not shard). */
  get shardCount(): number {
    return this.current?.shard[1] ?? 1;
  }

  /** The shard ids with a live session. */
  get liveShards(): number[] {
    return [...this.shards.keys()].sort((a, b) => a - b);
  }

  /**
   * Sends a dispatch to a shard's session (by default the current one): at once when it is
   * connected, otherwise it waits in the session's buffer and is replayed on RESUME. Returns the
   * sequence number, or null when no such session exists.
   */
  dispatch(payload: Omit<GatewayDispatchPayload, "s" | "op">, shardId?: number): number | null {
    const session = shardId === undefined ? this.current : this.shards.get(shardId);
    if (!session) return null;
    return this.dispatchTo(session, payload);
  }

  private dispatchTo(session: Session, payload: Omit<GatewayDispatchPayload, "s" | "op">): number {
    session.seq += 1;
    const text = JSON.stringify({ op: GatewayOpcodes.Dispatch, t: payload.t, s: session.seq, d: payload.d });
    session.buffer.push({ s: session.seq, text });
    // Keep the last REPLAY_BUFFER events (trimmed in batches, not on every dispatch).
    if (session.buffer.length >= 2 * REPLAY_BUFFER)
      session.buffer.splice(0, session.buffer.length - REPLAY_BUFFER);
    const c = session.connection;
    if (c?.authenticated && c.ws.readyState === WebSocket.OPEN) this.sendText(c, text);
    return session.seq;
  }

  /** Closes the current session's socket with `code` (4000 = unknown error: the client resumes). */
  closeCurrent(code: number = GatewayCloseCodes.UnknownError, reason = ""): boolean {
    const c = this.current?.connection;
    if (!c || c.ws.readyState !== WebSocket.OPEN) return false;
    c.closingBy = "server";
    c.ws.close(code, reason);
    return true;
  }

  /** Drops the current session's TCP connection without a close frame (code 1006 for the client). */
  terminateCurrent(): boolean {
    const c = this.current?.connection;
    if (!c) return false;
    c.closingBy = "server";
    c.ws.terminate();
    return true;
  }

  /** Opcode 7: the client should reconnect and RESUME. */
  sendReconnect(): boolean {
    const c = this.current?.connection;
    if (!c || c.ws.readyState !== WebSocket.OPEN) return false;
    this.send(c, { op: GatewayOpcodes.Reconnect, d: null });
    return true;
  }

  /** Opcode 9. With `resumable` false the session is gone and the client must IDENTIFY again. */
  sendInvalidSession(resumable = false): boolean {
    const c = this.current?.connection;
    if (!c || c.ws.readyState !== WebSocket.OPEN) return false;
    this.invalidate(c, resumable);
    return true;
  }

  private invalidate(c: Connection, resumable: boolean): void {
    if (!resumable && c.session) this.forget(c.session);
    c.authenticated = false;
    c.session = resumable ? c.session : null;
    this.send(c, { op: GatewayOpcodes.InvalidSession, d: resumable });
    this.emit("change");
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private onConnection(ws: WebSocket, rawUrl: string): void {
    const url = new URL(rawUrl, "ws://127.0.0.1");
    const c: Connection = {
      id: this.nextConnectionId++,
      ws,
      path: url.pathname,
      session: null,
      authenticated: false,
      heartbeatTimer: null,
      deflate: null,
      identifyCompress: false,
      window: { start: Date.now(), count: 0 },
      closingBy: null,
    };
    this.connections.add(c);
    ws.on("error", (err) => this.log(`gateway socket error: ${err.message}`));
    ws.on("close", (code) => this.onClose(c, code));
    ws.on("message", (data, isBinary) => this.onMessage(c, data, isBinary));

    const compress = url.searchParams.get("compress");
    if (compress === "zlib-stream") {
      c.deflate = createDeflate({ flush: zlibConstants.Z_SYNC_FLUSH });
      c.deflate.on("data", (chunk: Buffer) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(chunk, { binary: true });
      });
    }
    this.send(c, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
    this.armHeartbeatTimeout(c);
    if (url.searchParams.get("v") !== "10") {
      this.closeWith(c, GatewayCloseCodes.InvalidAPIVersion, "Invalid API version");
      return;
    }
    const encoding = url.searchParams.get("encoding") ?? "json";
    if (encoding !== "json")
      this.closeWith(c, GatewayCloseCodes.DecodeError, "The stand-in speaks only encoding=json");
    else if (compress !== null && compress !== "zlib-stream")
      this.closeWith(c, GatewayCloseCodes.DecodeError, "Unsupported compression");
    this.emit("change");
  }

  private onClose(c: Connection, code: number): void {
    if (c.heartbeatTimer) clearTimeout(c.heartbeatTimer);
    c.deflate?.close();
    this.connections.delete(c);
    const by: CloseRecord["by"] = c.closingBy ?? (code === 1006 ? "abnormal" : "client");
    this.closes.push({ connection: c.id, code, by, at: performance.now() });
    const s = c.session;
    if (s && s.connection === c) {
      s.connection = null;
      // A client closing with 1000 or 1001 ends its session; any other code keeps it resumable.
      if (by === "client" && (code === 1000 || code === 1001)) this.forget(s);
    }
    this.emit("change");
  }

  /** A session that can no longer be resumed. */
  private forget(s: Session): void {
    s.invalidated = true;
    if (this.current === s) this.current = null;
    if (this.shards.get(s.shard[0]) === s) this.shards.delete(s.shard[0]);
  }

  private closeWith(c: Connection, code: number, reason: string): void {
    this.log(`gateway closing connection ${c.id}: ${code} ${reason}`);
    c.closingBy = "server";
    if (c.ws.readyState === WebSocket.OPEN) c.ws.close(code, reason);
  }

  private armHeartbeatTimeout(c: Connection): void {
    if (c.heartbeatTimer) clearTimeout(c.heartbeatTimer);
    const allowed = this.options.heartbeatIntervalMs * 1.5 + 1000;
    c.heartbeatTimer = setTimeout(
      () => this.closeWith(c, GatewayCloseCodes.SessionTimedOut, "Session timed out"),
      allowed,
    );
    c.heartbeatTimer.unref();
  }

  private sendText(c: Connection, text: string): void {
    if (c.ws.readyState !== WebSocket.OPEN) return;
    if (c.deflate) c.deflate.write(text);
    else if (c.identifyCompress) c.ws.send(deflateSync(text), { binary: true });
    else c.ws.send(text);
  }

  /** Sends a non-dispatch payload (these carry `s: null, t: null`). */
  private send(c: Connection, payload: { op: GatewayOpcodes; d?: unknown }): void {
    this.sendText(c, JSON.stringify({ t: null, s: null, d: null, ...payload }));
  }

  private onMessage(c: Connection, data: RawData, isBinary: boolean): void {
    const now = Date.now();
    if (now - c.window.start >= 60_000) c.window = { start: now, count: 0 };
    c.window.count += 1;
    if (c.window.count > SEND_LIMIT) {
      this.closeWith(c, GatewayCloseCodes.RateLimited, "You are being rate limited.");
      return;
    }
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary || buf.length > MAX_PAYLOAD_BYTES) {
      this.closeWith(c, GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      return;
    }
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(buf.toString("utf8")) as { op?: unknown; d?: unknown };
    } catch {
      this.closeWith(c, GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      return;
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeats += 1;
        this.armHeartbeatTimeout(c);
        if (payload.d !== null && typeof payload.d !== "number") {
          this.closeWith(c, GatewayCloseCodes.DecodeError, "Error while decoding payload.");
          return;
        }
        if (this.ackHeartbeats) {
          this.heartbeatAcks += 1;
          this.send(c, { op: GatewayOpcodes.HeartbeatAck });
        }
        this.emit("change");
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(c, payload.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.onResume(c, payload.d as GatewayResumeData);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!c.authenticated) this.closeWith(c, GatewayCloseCodes.NotAuthenticated, "Not authenticated.");
        return;
      default:
        this.closeWith(c, GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
    }
  }

  private onIdentify(c: Connection, d: GatewayIdentifyData | undefined): void {
    if (c.authenticated) {
      this.closeWith(c, GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
      return;
    }
    if (
      !d ||
      typeof d.token !== "string" ||
      typeof d.intents !== "number" ||
      typeof d.properties?.os !== "string" ||
      typeof d.properties.browser !== "string" ||
      typeof d.properties.device !== "string"
    ) {
      this.closeWith(c, GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      return;
    }
    if (d.token !== this.options.token()) {
      this.closeWith(c, GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const shard = d.shard ?? [0, 1];
    if (!Array.isArray(shard) || shard.length !== 2 || shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
      this.closeWith(c, GatewayCloseCodes.InvalidShard, "Invalid shard.");
      return;
    }
    if ((d.intents & ~ALL_INTENTS) !== 0) {
      this.closeWith(c, GatewayCloseCodes.InvalidIntents, "Invalid intent(s).");
      return;
    }
    if ((d.intents & PRIVILEGED_INTENTS & ~(this.options.privilegedIntents ?? 0)) !== 0) {
      this.closeWith(c, GatewayCloseCodes.DisallowedIntents, "Disallowed intent(s).");
      return;
    }
    const now = performance.now();
    const bucket = shard[0] % (this.options.maxConcurrency ?? 1);
    if (
      this.options.identifyRateLimit !== false &&
      now - (this.lastIdentifyAt.get(bucket) ?? Number.NEGATIVE_INFINITY) < IDENTIFY_INTERVAL_MS - 500 // clock skew
    ) {
      this.log("gateway: IDENTIFY within 5 s of the last one in its bucket; answering INVALID_SESSION");
      this.invalidate(c, false);
      return;
    }
    this.lastIdentifyAt.set(bucket, now);
    c.identifyCompress = d.compress === true;
    // A new IDENTIFY starts a new session for its shard; the old one can no longer be resumed.
    const previous = this.shards.get(shard[0]);
    if (previous) this.forget(previous);
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      seq: 0,
      buffer: [],
      connection: c,
      invalidated: false,
      shard: [shard[0], shard[1]],
    };
    this.sessions.set(session.id, session);
    this.current = session;
    this.shards.set(shard[0], session);
    c.session = session;
    c.authenticated = true;
    this.identifies.push({
      sessionId: session.id,
      at: now,
      intents: d.intents,
      shard: session.shard,
      properties: d.properties,
      path: c.path,
    });
    const sendReady = () => {
      const ready = this.options.ready({ id: session.id, shard: session.shard, resumeUrl: this.resumeUrl });
      this.dispatchTo(session, { t: GatewayDispatchEvents.Ready, d: ready } as Omit<
        GatewayDispatchPayload,
        "s" | "op"
      >);
      for (const guild of this.options.guilds(session.shard))
        this.dispatchTo(session, { t: GatewayDispatchEvents.GuildCreate, d: guild } as Omit<
          GatewayDispatchPayload,
          "s" | "op"
        >);
    };
    if (this.options.readyGate) void this.options.readyGate().then(sendReady);
    else sendReady();
    this.emit("identify", session.id);
    this.emit("change");
  }

  private onResume(c: Connection, d: GatewayResumeData | undefined): void {
    if (c.authenticated) {
      this.closeWith(c, GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
      return;
    }
    if (!d || typeof d.token !== "string" || typeof d.session_id !== "string" || typeof d.seq !== "number") {
      this.closeWith(c, GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      return;
    }
    if (d.token !== this.options.token()) {
      this.closeWith(c, GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const session = this.sessions.get(d.session_id);
    if (!session || session.invalidated) {
      this.invalidate(c, false);
      return;
    }
    if (d.seq > session.seq) {
      this.closeWith(c, GatewayCloseCodes.InvalidSeq, "Invalid seq.");
      return;
    }
    const missed = session.buffer.filter((e) => e.s > d.seq);
    const oldest = session.buffer[0]?.s ?? session.seq + 1;
    if (d.seq < session.seq && oldest > d.seq + 1) {
      // Events the client missed are no longer buffered: it cannot resume.
      this.invalidate(c, false);
      return;
    }
    const previous = session.connection;
    if (previous && previous !== c) {
      previous.session = null;
      this.closeWith(previous, GatewayCloseCodes.SessionTimedOut, "Session resumed elsewhere");
    }
    session.connection = c;
    c.session = session;
    c.authenticated = true;
    for (const e of missed) this.sendText(c, e.text);
    session.seq += 1;
    this.sendText(
      c,
      JSON.stringify({
        op: GatewayOpcodes.Dispatch,
        t: GatewayDispatchEvents.Resumed,
        s: session.seq,
        d: { _trace: ['["gateway-prd-stand-in",{"micros":0}]'] },
      }),
    );
    this.resumes.push({
      sessionId: session.id,
      at: performance.now(),
      seq: d.seq,
      replayed: missed.length,
      path: c.path,
    });
    this.emit("resume", session.id);
    this.emit("change");
  }
}
