// Starts one of Apparat's entry points from the compiled JavaScript in dist/, in this very process.
//
// Why a launcher at all: package.json's scripts run it with `exec`, so the process a supervisor
// started (npm) has exactly one child, this one, and npm forwards SIGTERM and SIGINT to it. A shell
// between them would die of the signal and leave the bot running, orphaned. Staying in one process
// (an import, not a spawn) keeps it that way.
//
// Why it checks the sources: `npm ci` builds dist/ once (the `prepare` script), but a developer who
// edits src/ and runs `npm start` must never get the old code. A hash of every source file (a few
// milliseconds) is compared with the one recorded by the last build; a mismatch rebuilds first.
//
// The build is esbuild: each entry point bundled with its modules (dependencies stay in
// node_modules), code loaded later split into chunks, source maps beside them. It takes about a
// tenth of a second, and one file loads far faster than a hundred small modules: the CLI starts
// in half the time. Type checking is `npm test`'s job (tsc --noEmit).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".source-hash");
const LOCK = join(DIST, ".build-lock");

/** The entry points, by the name package.json's scripts give them, and their sources. */
const ENTRIES = {
  bot: "src/main.ts",
  cli: "src/cli/main.ts",
  deploy: "src/bot/deploy.ts",
  migrate: "src/storage/migrate-cli.ts",
};

/** Everything the build reads: the TypeScript sources and the compiler settings. */
function sourceHash() {
  const hash = createHash("sha256");
  const visit = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(rel);
      else if (entry.name.endsWith(".ts"))
        hash
          .update(`${rel}\0`)
          .update(readFileSync(join(ROOT, rel)))
          .update("\0");
    }
  };
  visit("src");
  visit("commands");
  hash.update("scripts/launch.mjs\0").update(readFileSync(fileURLToPath(import.meta.url)));
  return hash.digest("hex");
}

function builtHash() {
  try {
    return readFileSync(STAMP, "utf8").trim();
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rebuilds dist/ when the sources changed since the last build. Several processes may start at
 * once (tests run CLI calls in parallel): one builds, the others wait for its stamp.
 */
export async function ensureBuilt(name = "build") {
  const wanted = sourceHash();
  if (builtHash() === wanted && Object.keys(ENTRIES).every((e) => existsSync(join(DIST, `${e}.js`)))) return;
  mkdirSync(DIST, { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      if (builtHash() === wanted) return;
      // A lock left by a build that was killed: older than any build takes.
      if (Date.now() - statSync(LOCK).mtimeMs > 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for another build (${LOCK})`);
      await sleep(100);
    }
  }
  try {
    // Another process may have built it while this one waited for the lock.
    if (builtHash() === wanted) return;
    if (name !== "build") process.stderr.write("Apparat: the sources changed; building them first…\n");
    await bundle();
    writeFileSync(STAMP, `${wanted}\n`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

const EXTERNAL = [
  "discord.js",
  "better-sqlite3",
  "pg",
  "@resvg/resvg-js",
  "pino",
  "pino-pretty",
  "esbuild",
  // CommonJS that requires Node's modules at run time, which an ESM bundle cannot do.
  "prom-client",
];

/** Bundles every entry point into dist/ (see the header). */
async function bundle() {
  const esbuild = await import("esbuild");
  // Nothing is deleted first: a bot still running from dist/ may yet load one of its chunks.
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    // Bundled: the small pure-JavaScript libraries (date-fns alone is dozens of modules to resolve
    // at every start). Left in node_modules: native modules, discord.js, and pino, whose
    // transports load by file name.
    external: EXTERNAL,
    sourcemap: true,
    // Maps without a copy of the sources (they are beside dist/): a seventh of the size, and the
    // bot reads the maps of everything it loads at start.
    sourcesContent: false,
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
  });
}

async function launch(name) {
  const entry = ENTRIES[name];
  if (!entry && name !== "build") {
    process.stderr.write(
      `usage: node scripts/launch.mjs (build|${Object.keys(ENTRIES).join("|")}) [args…]\n`,
    );
    process.exitCode = 2;
    return;
  }
  try {
    await ensureBuilt(name);
  } catch (err) {
    process.stderr.write(`Apparat could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
    return;
  }
  if (!entry) return;
  // The entry point reads its own arguments from process.argv.slice(2), as if started directly.
  process.argv.splice(2, 1);
  // Stack traces name the TypeScript lines in the long-running processes; a one-shot CLI call
  // skips it, since reading every module's source map costs it ~20 ms at start. discord.js is
  // loaded first: source maps apply to modules loaded after they are switched on, and reading
  // the maps of @discordjs/*'s files cost the bot a quarter of its start-up for stack traces
  // that would point into a dependency anyway.
  if (name !== "cli") {
    await import("discord.js");
    process.setSourceMapsEnabled(true);
  }
  await import(pathToFileURL(join(DIST, `${name}.js`)).href);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await launch(process.argv[2]);
