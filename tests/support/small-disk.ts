// A small filesystem of its own (tmpfs) for the database fault that only a real disk shows: full,
// so that a commit that must grow SQLite's log fails with SQLITE_FULL, until space comes back. Mounting needs root, which the tests have here and in CI; elsewhere `smallDisk` says why
// it cannot, and the caller skips (never under CI).
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SmallDisk {
  dir: string;
  /** Fills every free byte, so the next write that needs space fails with ENOSPC. */
  fill(): void;
  /** Gives the space back. */
  free(): void;
  dispose(): void;
}

export function smallDisk(sizeKiB = 4096): SmallDisk | { missing: string } {
  const dir = mkdtempSync(join(tmpdir(), "apparat-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKiB}k,mode=0777`, "tmpfs", dir], {
      stdio: "pipe",
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return {
      missing: `cannot mount a small filesystem (needs root): ${(err as Error).message.split("\n")[0]}`,
    };
  }
  const filler = join(dir, "filler");
  return {
    dir,
    fill() {
      const fd = openSync(filler, "a");
      const chunk = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
      } finally {
        closeSync(fd);
      }
    },
    free() {
      unlinkSync(filler);
    },
    dispose() {
      execFileSync("umount", ["-l", dir], { stdio: "pipe" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
