// A throwaway PostgreSQL server for tests and benchmarks, started from the machine's own server
// binaries (Debian's postgresql package: initdb, postgres) into a temporary folder, on loopback,
// and removed afterwards. Nothing to install or start by hand: `npm test` does it all. PostgreSQL
// refuses to run as root, so under root it runs as the `postgres` user (or `nobody`).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestPostgres {
  /** postgres://… of the server's `postgres` database, as the superuser. */
  url: string;
  /** A fresh, empty database on the server, by URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  /** Stops the server at once, as a crash or an operator's immediate shutdown would (port kept). */
  outage(): Promise<void>;
  /** Starts it again after an outage, on the same port and data. */
  restart(): Promise<void>;
}

/** The folder with initdb and postgres: APPARAT_PG_BIN, pg_config's, or Debian's newest. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.APPARAT_PG_BIN) candidates.push(process.env.APPARAT_PG_BIN);
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // no pg_config on PATH
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian))
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(join(debian, v, "bin"));
  return candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres")));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Under root, the user PostgreSQL runs as. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    try {
      const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
      return { uid, gid };
    } catch {
      // no such user; try the next
    }
  }
  throw new Error("running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as");
}

async function waitUntilAccepting(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}):\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections in 30 s:\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Starts a server. `durable: false` (tests) turns off fsync for speed; benchmarks keep PostgreSQL's
 * defaults, so a commit there is a real, flushed commit.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error(
      "PostgreSQL's server programs (initdb, postgres) were not found. Install them (Debian: apt-get install postgresql) or set APPARAT_PG_BIN to their folder.",
    );
  const dir = mkdtempSync(join(tmpdir(), "apparat-pg-"));
  const data = join(dir, "data");
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  execFileSync(
    join(bin, "initdb"),
    ["-D", data, "-U", "apparat", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    { ...asUser, stdio: "pipe", env: { ...process.env, LC_ALL: "C" } },
  );
  const port = await freePort();
  const settings = [
    "-p",
    String(port),
    "-h",
    "127.0.0.1",
    "-k",
    dir,
    "-c",
    "max_connections=200",
    ...(options.durable
      ? []
      : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
  ];
  let output = "";
  const launch = () => {
    const started = spawn(join(bin, "postgres"), ["-D", data, ...settings], {
      ...asUser,
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.stdout?.on("data", (d: Buffer) => {
      output = (output + d.toString()).slice(-4000);
    });
    started.stderr?.on("data", (d: Buffer) => {
      output = (output + d.toString()).slice(-4000);
    });
    return started;
  };
  let child = launch();
  // If the test process dies first, the server goes with it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const url = `postgres://apparat@127.0.0.1:${port}/postgres`;
  await waitUntilAccepting(url, child, () => output);
  const halt = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await exited;
  };
  return {
    url,
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}"`);
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://apparat@127.0.0.1:${port}/${name}`;
    },
    async outage() {
      // PostgreSQL's "immediate" shutdown: every connection dropped at once, no checkpoint.
      await halt("SIGQUIT");
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) return;
      child = launch();
      await waitUntilAccepting(url, child, () => output);
    },
    async stop() {
      process.off("exit", killOnExit);
      await halt("SIGINT"); // fast shutdown
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
