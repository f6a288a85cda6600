// The shipped dataset, for the entry points. Checking every record against the zod schemas costs
// more than everything else at start-up (importing zod alone takes ~120 ms), and its answer
// depends only on the files and the schemas. So the first start after a change checks them and
// records a hash of both; a start that finds the same hash reads the files as they are. References,
// dates and indexes are checked and built every time (./build.ts).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../paths.js";
import { assembleDataset, DATASET_FILES, type Dataset, type DatasetRecords, readRecords } from "./build.js";

const DATA_DIR = projectPath("data");
/** Beside the build output: a fresh checkout or a changed file simply checks again. */
const STAMP = projectPath("dist", ".data-checked");

/** The schemas' source: what the records were checked against is part of the answer. */
const SCHEMA_FILE = projectPath("src", "data", "schema.ts");

function contentHash(): string {
  const hash = createHash("sha256").update(readFileSync(SCHEMA_FILE));
  for (const file of Object.values(DATASET_FILES))
    hash.update(`\0${file}\0`).update(readFileSync(join(DATA_DIR, file)));
  return hash.digest("hex");
}

function readStamp(): string | null {
  try {
    return readFileSync(STAMP, "utf8").trim();
  } catch {
    return null;
  }
}

export async function loadShippedDataset(): Promise<Dataset> {
  const hash = contentHash();
  if (readStamp() === hash) {
    const records = Object.fromEntries(
      Object.entries(DATASET_FILES).map(([key, file]) => [key, readRecords(DATA_DIR, file)]),
    ) as unknown as DatasetRecords;
    return assembleDataset(records);
  }
  const { loadDataset } = await import("./load.js");
  const dataset = loadDataset(DATA_DIR);
  try {
    writeFileSync(STAMP, `${hash}\n`);
  } catch {
    // A read-only install checks every time; nothing else changes.
  }
  return dataset;
}
