// `cli run "/trivia start …"` cut short: the reader of its output gone (`| head -3`, a closed pipe)
// or a signal (SIGINT, SIGTERM, SIGHUP). The round it started must be stopped and committed, and the
// process must exit: the channel's next /trivia start is not refused as busy.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const database = () => join(mkdtempSync(join(tmpdir(), "apparat-cli-cut-")), "cli.sqlite");
const LAUNCH = ["scripts/launch.mjs", "cli", "run"];
const env = (path: string) => ({ ...process.env, NO_COLOR: "1", DATABASE_PATH: path });

function rounds(path: string): { id: number; status: string; asked: number }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT r.id, r.status, (SELECT COUNT(*) FROM asked a WHERE a.round_id = r.id) AS asked FROM rounds r ORDER BY r.id",
      )
      .all() as { id: number; status: string; asked: number }[];
  } finally {
    db.close();
  }
}

/** The next round in the same channel starts (it would be refused while one is still running). */
function expectNextStartWorks(path: string) {
  const next = spawnSync(process.execPath, [...LAUNCH, "/trivia start questions:1 seconds:10"], {
    encoding: "utf8",
    env: env(path),
  });
  expect(next.status, next.stderr).toBe(0);
  expect(next.stdout).toMatch(/Quick question/);
  expect(next.stdout).not.toMatch(/already running|round running/i);
}

const exited = (child: ReturnType<typeof spawn>) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );

describe("a CLI round cut short", () => {
  it("stops and commits its round when stdout is closed before it writes (EPIPE)", async () => {
    const path = database();
    const child = spawn(process.execPath, [...LAUNCH, "/trivia start questions:20 seconds:10"], {
      env: env(path),
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Nobody reads: the first thing it writes meets a closed pipe.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    const { code } = await exited(child);
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    const [round] = rounds(path);
    expect(round?.status).toBe("stopped");
    // Stopped where it was, not played out to the end.
    expect(round?.asked).toBeLessThan(20);
    expectNextStartWorks(path);
  }, 30_000);

  it('`cli run "/trivia start …" | head -3` leaves no round running', () => {
    const path = database();
    const r = spawnSync(
      "sh",
      [
        "-c",
        `"${process.execPath}" scripts/launch.mjs cli run "/trivia start questions:20 seconds:10" | head -3`,
      ],
      { encoding: "utf8", env: env(path) },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(3);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(rounds(path).map((x) => x.status)).not.toContain("running");
    expectNextStartWorks(path);
  }, 30_000);

  for (const [signal, number] of [
    ["SIGTERM", 15],
    ["SIGINT", 2],
    ["SIGHUP", 1],
  ] as const) {
    it(`stops and commits its round on ${signal}, and exits`, async () => {
      const path = database();
      const child = spawn(process.execPath, [...LAUNCH, "/trivia start questions:20 seconds:10"], {
        env: env(path),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += String(d);
      });
      // At its first message the round is under way: hold the process, signal it, let it go on,
      // so that the signal arrives mid-round.
      child.stdout.once("data", () => {
        child.kill("SIGSTOP");
        child.kill(signal);
        child.kill("SIGCONT");
      });
      child.stdout.resume();
      const { code } = await exited(child);
      const [round] = rounds(path);
      expect(round?.status).not.toBe("running");
      // Had the round already been played out when the signal came, it ended normally.
      if (round?.status === "stopped") expect(code, stderr).toBe(128 + number);
      else expect([code, round?.status]).toEqual([0, "finished"]);
      expect(stderr).not.toMatch(/Error/);
      expectNextStartWorks(path);
    }, 30_000);
  }
});
