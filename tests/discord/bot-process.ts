// Runs the real bot (and the deploy script) as child processes, with the very command lines of
// `npm start` and `npm run deploy-commands` (or through npm itself, for the signal tests), and reads
// their JSON log lines.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface LogLine {
  /** pino's numeric level (30 info, 40 warn, 50 error), when the line is pino JSON. */
  level?: number;
  msg?: string;
  [key: string]: unknown;
  raw: string;
  stream: "stdout" | "stderr";
  /** performance.now() when the line arrived. */
  at: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

type LinePredicate = string | RegExp | ((line: LogLine) => boolean);

const live = new Set<ChildProcess>();
process.once("exit", () => killAll());
// Interrupted (Ctrl-C, a killed test worker): take the children along, then die of the signal as
// we would have without this handler.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  const onSignal = () => {
    killAll();
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  };
  process.on(signal, onSignal);
}

/** Only what a process needs from the parent; nothing DISCORD_* leaks in from the developer's shell. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG", "SystemRoot", "TZ"]) {
    const v = process.env[key];
    if (v !== undefined) env[key] = v;
  }
  return env;
}

export class NodeProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;
  private readonly listeners = new Set<() => void>();
  readonly startedAt = performance.now();

  constructor(readonly child: ChildProcess) {
    live.add(child);
    const read = (stream: NodeJS.ReadableStream | null, name: LogLine["stream"]) => {
      let partial = "";
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        partial += chunk;
        const parts = partial.split("\n");
        partial = parts.pop() ?? "";
        for (const raw of parts) if (raw.trim() !== "") this.push(raw, name);
      });
      stream?.on("end", () => {
        if (partial.trim() !== "") this.push(partial, name);
        partial = "";
      });
    };
    read(child.stdout, "stdout");
    read(child.stderr, "stderr");
    this.exited = new Promise<Exit>((resolve) => {
      child.once("exit", (code, signal) => {
        live.delete(child);
        this.exit = { code, signal, at: performance.now() };
        this.notify();
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error("the process did not start");
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === null;
  }

  private push(raw: string, stream: LogLine["stream"]): void {
    let parsed: Record<string, unknown> = {};
    if (raw.startsWith("{")) {
      try {
        parsed = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        parsed = {};
      }
    }
    this.lines.push({ ...parsed, raw, stream, at: performance.now() } as LogLine);
    this.notify();
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** The process's output so far (last `max` lines), for failure messages. */
  output(max = 80): string {
    return this.lines
      .slice(-max)
      .map((l) => l.raw)
      .join("\n");
  }

  /** Log lines at warn level or above. */
  problems(): LogLine[] {
    return this.lines.filter((l) => (l.level ?? 0) >= 40 || (l.level === undefined && l.stream === "stderr"));
  }

  /** Resolves with the first line (from `from` on) that matches; rejects on timeout or exit. */
  waitForLine(match: LinePredicate, timeoutMs = 30_000, from = 0): Promise<LogLine> {
    const test =
      typeof match === "function"
        ? match
        : typeof match === "string"
          ? (l: LogLine) => l.msg === match || l.raw.includes(match)
          : (l: LogLine) => match.test(l.raw);
    return new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = this.lines.slice(from).find(test);
        if (found) {
          done();
          resolve(found);
        } else if (this.exit) {
          done();
          reject(
            new Error(
              `process exited (${this.exit.code ?? this.exit.signal}) before logging ${match}:\n${this.output()}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${match}; output:\n${this.output()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Sends `signal` and resolves with the exit and how long it took; SIGKILLs after `killAfterMs`. */
  async stop(signal: NodeJS.Signals = "SIGTERM", killAfterMs = 10_000): Promise<Exit & { ms: number }> {
    if (this.exit) return { ...this.exit, ms: 0 };
    const sent = performance.now();
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), killAfterMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return { ...exit, ms: exit.at - sent };
  }

  /** SIGKILL if still running (afterAll safety net). */
  kill(): void {
    if (this.running) this.child.kill("SIGKILL");
  }
}

export interface SpawnOptions {
  env: Record<string, string>;
  logLevel?: string;
}

/** `node <args>` in the project folder with only the given environment (and PATH, HOME …). */
export function spawnScript(args: string[], { env, logLevel = "info" }: SpawnOptions): NodeProcess {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...baseEnv(), LOG_LEVEL: logLevel, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new NodeProcess(child);
}

/** The words after `node` in one of package.json's scripts (`exec node …`), checked to be a node command. */
function packageScript(name: string): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const words = (manifest.scripts[name] ?? "").split(/\s+/).filter(Boolean);
  if (words[0] === "exec") words.shift();
  const [first, ...args] = words;
  if (first !== "node" || args.length === 0)
    throw new Error(
      `expected package.json's ${name} script to be "[exec] node …", got ${manifest.scripts[name]}`,
    );
  return args;
}

/**
 * What `npm start` runs: the arguments after `node` in the start script, so the tests run the bot
 * exactly so. APPARAT_NODE_FLAGS adds flags for a look inside (`--cpu-prof`,
 * `--heapsnapshot-signal=SIGUSR2`).
 */
function startArgs(): string[] {
  const extra = process.env.APPARAT_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  return [...extra, ...packageScript("start")];
}

let built = false;
/**
 * package.json's build script (what `npm ci` ran as `prepare`): compiles dist/ if the sources
 * changed. The launcher would do it too; doing it once here keeps the build out of the timings.
 */
export function buildOnce(): void {
  if (built) return;
  const result = spawnSync(process.execPath, packageScript("build"), { cwd: REPO_ROOT, encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(
      `npm run build failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  built = true;
}

/**
 * `npm start`: the bot, connected to whatever DISCORD_API_BASE says. Unless the caller sets
 * DATABASE_PATH, the bot gets a database in a fresh temporary directory (removed when it exits),
 * so tests never touch the developer's var/apparat.sqlite.
 */
export function spawnBot(options: SpawnOptions): NodeProcess {
  buildOnce();
  if (options.env.DATABASE_PATH) return spawnScript(startArgs(), options);
  const dir = mkdtempSync(join(tmpdir(), "apparat-e2e-"));
  const bot = spawnScript(startArgs(), {
    ...options,
    env: { ...options.env, DATABASE_PATH: join(dir, "apparat.sqlite") },
  });
  void bot.exited.then(() => rmSync(dir, { recursive: true, force: true }));
  return bot;
}

/**
 * npm itself, run by the node that runs the tests: the npm that launched them (npm_execpath), else
 * the one installed beside this node.
 */
function npmCommand(): string[] {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.[cm]?js$/.test(fromNpm)) return [fromNpm];
  return [join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js")];
}

/**
 * `npm start` itself, exactly as a user or a supervisor runs it: the returned process is npm's, so
 * a signal sent to it reaches only npm, as `docker stop` or systemd would send it. The node that
 * runs the tests is first on PATH, so the script's `node` is the same one.
 */
export function spawnNpmStart(options: SpawnOptions): NodeProcess {
  const dir = mkdtempSync(join(tmpdir(), "apparat-e2e-"));
  const child = spawn(process.execPath, [...npmCommand(), "start"], {
    cwd: REPO_ROOT,
    env: {
      ...baseEnv(),
      PATH: [dirname(process.execPath), process.env.PATH ?? ""].join(delimiter),
      LOG_LEVEL: options.logLevel ?? "info",
      DATABASE_PATH: join(dir, "apparat.sqlite"),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const p = new NodeProcess(child);
  void p.exited.then(() => rmSync(dir, { recursive: true, force: true }));
  return p;
}

/** A process as /proc shows it: pid, parent, and its command line. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  command: string;
}

function allProcesses(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name in parentheses may hold spaces and parentheses: split after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const command = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").join(" ").trim();
      // A zombie has exited; only its parent has not collected it yet.
      if (fields[0] === "Z") continue;
      out.push({ pid: Number(name), ppid: Number(fields[1]), command });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** `pid` and every live process descended from it (Linux: followed through /proc). */
export function processTree(pid: number): ProcessInfo[] {
  const all = allProcesses();
  const tree = all.filter((p) => p.pid === pid);
  for (let i = 0; i < tree.length; i++) {
    const parent = tree[i] as ProcessInfo;
    tree.push(...all.filter((p) => p.ppid === parent.pid));
  }
  return tree;
}

/** Whether any of `pids` is still alive (an orphan is re-parented, so its pid is what we follow). */
export function anyAlive(pids: number[]): boolean {
  const alive = new Set(allProcesses().map((p) => p.pid));
  return pids.some((pid) => alive.has(pid));
}

/** `npm run deploy-commands`; resolves when it exits. */
export async function runDeploy(options: SpawnOptions): Promise<{ exit: Exit; output: string }> {
  buildOnce();
  const p = spawnScript(packageScript("deploy-commands"), options);
  const timer = setTimeout(() => p.kill(), 60_000);
  const exit = await p.exited;
  clearTimeout(timer);
  // Let the streams drain.
  await new Promise((resolve) => setImmediate(resolve));
  return { exit, output: p.output(200) };
}

/** Kills every child this module started that is still running. */
export function killAll(): void {
  for (const child of live) child.kill("SIGKILL");
}
