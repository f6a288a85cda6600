// A local file given to an attachment option in the console and `cli run` ("file:week3.csv"), and
// to `cli questions validate`: only a regular file, and never more of it than a limit, whatever
// `stat` says. A device reports a size of 0 (file:/dev/zero would be read for ever), a FIFO blocks
// whoever opens it until a writer comes, and a directory cannot be read at all: each is refused
// with a polite message before anything is read. The read itself goes through one file handle,
// opened without blocking and checked again (the path may have changed since), and stops at the
// limit plus one byte, so that a caller can tell "exactly the limit" from "more".
import { constants, type Stats, statSync } from "node:fs";
import { open } from "node:fs/promises";

/** As much as the bot would download from Discord for an attachment. */
export const LOCAL_FILE_MAX_BYTES = 2 * 1024 * 1024;

const CHUNK = 64 * 1024;

export type NotAFile = "directory" | "device" | "fifo" | "socket" | "other";

export type LocalFileProblem =
  | { code: "missing" }
  | { code: "unreadable"; denied: boolean }
  | { code: "not-a-file"; kind: NotAFile };

/** A local file that cannot be attached or read; `problem` says why, for the language tables. */
export class LocalFileError extends Error {
  override name = "LocalFileError";
  constructor(readonly problem: LocalFileProblem) {
    super(`local file: ${problem.code}`);
  }
}

function kindOf(stat: Stats): NotAFile | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return "directory";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "device";
  if (stat.isFIFO()) return "fifo";
  if (stat.isSocket()) return "socket";
  return "other";
}

function problemOf(err: unknown): LocalFileProblem {
  if (err instanceof LocalFileError) return err.problem;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return { code: "missing" };
  return { code: "unreadable", denied: code === "EACCES" || code === "EPERM" };
}

/**
 * Whether `path` may be attached: a regular file, with its size as `stat` reports it (which only
 * says what to expect; the read enforces the limit). Never opens the file, so a FIFO cannot block.
 */
export function checkLocalFile(
  path: string,
): { ok: true; size: number } | { ok: false; problem: LocalFileProblem } {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (err) {
    return { ok: false, problem: problemOf(err) };
  }
  const kind = kindOf(stat);
  return kind ? { ok: false, problem: { code: "not-a-file", kind } } : { ok: true, size: stat.size };
}

/**
 * Reads a regular file, at most `maxBytes + 1` bytes of it: a result longer than `maxBytes` means
 * the file is larger than that. Throws a LocalFileError for anything but a regular file.
 */
export async function readLocalFile(path: string, maxBytes = LOCAL_FILE_MAX_BYTES): Promise<Uint8Array> {
  const limit = Math.max(0, Math.min(maxBytes, LOCAL_FILE_MAX_BYTES)) + 1;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // O_NONBLOCK: should a FIFO have taken the file's place since it was checked, opening it
    // returns at once instead of waiting for a writer; O_NOCTTY: a terminal never becomes ours.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    throw new LocalFileError(problemOf(err));
  }
  try {
    const kind = kindOf(await handle.stat());
    if (kind) throw new LocalFileError({ code: "not-a-file", kind });
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total < limit) {
      const buffer = new Uint8Array(Math.min(CHUNK, limit - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } catch (err) {
    throw err instanceof LocalFileError ? err : new LocalFileError(problemOf(err));
  } finally {
    await handle.close();
  }
}
