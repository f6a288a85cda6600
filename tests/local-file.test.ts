// A local file given to `file:` in the console and `cli run` (and to `cli questions validate`):
// only regular files, never more than a limit whatever `stat` says, and an import that fails
// quotes at most the one cell that is wrong, never the file's first line.
import { execFileSync } from "node:child_process";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateQuestionFile } from "../src/cli/questions.js";
import { LOCAL_FILE_MAX_BYTES, LocalFileError, readLocalFile } from "../src/console/local-file.js";
import { createRouter, runSlash } from "../src/console/run.js";
import { createTrivia, showingMessenger } from "../src/interactions/trivia.js";
import { openSqlite } from "../src/storage/sqlite.js";
import { engine, FakeClock } from "./helpers.js";

const dir = () => mkdtempSync(join(tmpdir(), "apparat-file-"));

/** Runs a typed command as the console does; the text of the answer, or the console's error. */
async function typed(line: string): Promise<string> {
  const trivia = createTrivia(
    engine().dataset,
    openSqlite(":memory:").sql,
    showingMessenger(() => {}),
    {
      clock: new FakeClock(),
    },
  );
  const result = await runSlash(createRouter({ ...engine(), trivia }), line);
  if (!result.ok) return result.error;
  const { response } = result;
  return response.type === "reply" ? (response.payload.content ?? "") : JSON.stringify(response);
}

const SHADOW_LINE = "root:$6$s3cr3tSalt$hAsHhAsHhAsHhAsH0123456789:19700:0:99999:7:::";

describe("file: in the console and cli run", () => {
  it("refuses /dev/zero at once, with memory flat (stat says 0 bytes; it never ends)", async () => {
    global.gc?.();
    const before = process.memoryUsage();
    const started = performance.now();
    const answer = await typed("/trivia import file:/dev/zero");
    const elapsed = performance.now() - started;
    const after = process.memoryUsage();
    expect(answer).toBe(
      "/dev/zero is a device, not a file I can read. Give the path of a regular file, such as week3.csv.",
    );
    expect(elapsed).toBeLessThan(1000);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(32 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(64 * 1024 * 1024);
  });

  it("reads a device that took a file's place no further: the handle is checked again", async () => {
    const started = performance.now();
    const before = process.memoryUsage().rss;
    await expect(readLocalFile("/dev/zero")).rejects.toMatchObject({
      problem: { code: "not-a-file", kind: "device" },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses a directory politely", async () => {
    const d = dir();
    expect(await typed(`/trivia import file:${d}`)).toBe(
      `${d} is a directory, not a file I can read. Give the path of a regular file, such as week3.csv.`,
    );
    expect(await typed(`/trivia import file:${join(d, "nope.csv")}`)).toBe(
      `There is no file ${join(d, "nope.csv")}.`,
    );
  });

  it("refuses a FIFO without waiting for a writer, when typed and when read", async () => {
    const fifo = join(dir(), "pipe.csv");
    try {
      execFileSync("mkfifo", [fifo]);
    } catch {
      return; // no mkfifo here: nothing to test
    }
    const started = performance.now();
    expect(await typed(`/trivia import file:${fifo}`)).toMatch(/is a named pipe \(FIFO\), not a file/);
    await expect(readLocalFile(fifo)).rejects.toBeInstanceOf(LocalFileError);
    expect(performance.now() - started).toBeLessThan(1000);
  }, 5000);

  it("refuses a file over the limit by its size, and never reads more than the limit and a byte", async () => {
    const d = dir();
    const big = join(d, "big.csv");
    writeFileSync(big, `question,correct,wrong1\n${"Q,A,B\n".repeat(200_000)}`);
    expect(await typed(`/trivia import file:${big}`)).toMatch(
      /^Nothing was imported: 1 problem with the file\. Fix it and import the file again:\n• The file is 1172 KB; the limit is 1 MB\.$/,
    );
    expect((await readLocalFile(big, 1000)).byteLength).toBe(1001);
    // A sparse file that says it holds 5 GB is refused by its size, without reading it.
    const huge = join(d, "huge.csv");
    writeFileSync(huge, "");
    truncateSync(huge, 5 * 1024 ** 3);
    expect(await typed(`/trivia import file:${huge}`)).toMatch(/The file is 5242880 KB; the limit is 1 MB\./);
    expect((await readLocalFile(huge)).byteLength).toBe(LOCAL_FILE_MAX_BYTES + 1);
    expect((await validateQuestionFile(huge)).errors[0]?.message).toBe(
      "The file is 5242880 KB; the limit is 1 MB.",
    );
  });

  it("reads what a file holds even when stat says it is empty (/proc)", async () => {
    const status = await readLocalFile("/proc/self/status").catch(() => null);
    if (status) expect(status.byteLength).toBeGreaterThan(0);
  });

  it("never echoes a file that is not a question file: its first line stays private", async () => {
    const d = dir();
    const shadow = join(d, "shadow");
    writeFileSync(shadow, `${SHADOW_LINE}\ndaemon:*:19700:0:99999:7:::\n`);
    const answer = await typed(`/trivia import file:${shadow}`);
    expect(answer).toMatch(/This is not a question file: its first line should be the header row/);
    for (const secret of ["root", "s3cr3t", "hAsH", "19700", "daemon"]) expect(answer).not.toContain(secret);
    const report = await validateQuestionFile(shadow);
    expect(JSON.stringify(report)).not.toMatch(/root|s3cr3t|hAsH|daemon/);

    const json = join(d, "secrets.json");
    writeFileSync(json, `{"token": "${SHADOW_LINE}"\n oops`);
    const fromJson = await typed(`/trivia import file:${json}`);
    // (Discord would render the escaped parentheses as plain ones.)
    expect(fromJson).toContain("This is not valid JSON \\(line 2, column 2\\).");
    expect(fromJson).not.toMatch(/root|s3cr3t|oops/);
  });

  it("quotes at most the offending cell, clipped, when a header names a wrong column", async () => {
    const d = dir();
    const file = join(d, "week3.csv");
    writeFileSync(file, `question,correct,wrong1,${SHADOW_LINE}\nQ,A,B,x\n`);
    const answer = await typed(`/trivia import file:${file}`);
    expect(answer).toContain("is not a column");
    expect(answer).not.toContain(SHADOW_LINE);
    expect(answer).not.toContain("hAsHhAsHhAsHhAsH0123456789");
  });
});
