// Reads the dataset's files and checks every record against the zod schemas, naming the file,
// record and field of the first problem; then ./build.ts indexes and cross-checks them.
import type { z } from "zod";
import { projectPath } from "../paths.js";
import {
  assembleDataset,
  DATASET_FILES,
  type Dataset,
  DatasetError,
  type DatasetRecords,
  readRecords,
} from "./build.js";
import {
  ClaimSchema,
  DisputeSchema,
  EventSchema,
  GlossaryTermSchema,
  OfficeSchema,
  PersonSchema,
  SourceSchema,
  TermSchema,
} from "./schema.js";

export {
  type ChainLink,
  type Dataset,
  DatasetError,
  termEnd,
  termStart,
} from "./build.js";

/** The data folder shipped with the bot: `<repo>/data`. */
export const DEFAULT_DATA_DIR = projectPath("data");

type RecordSchema<T> = z.ZodType<T>;

function parseFile<T>(dir: string, file: string, schema: RecordSchema<T>): T[] {
  return readRecords(dir, file).map((item: unknown, index) => {
    const result = schema.safeParse(item);
    if (result.success) return result.data;
    const id = typeof item === "object" && item !== null && "id" in item ? String(item.id) : `#${index + 1}`;
    const issue = result.error.issues[0];
    throw new DatasetError(file, id, issue?.path.join(".") ?? "", issue?.message ?? "invalid");
  });
}

/** Reads, validates and indexes the dataset. Call once at start-up; the result is deeply frozen. */
export function loadDataset(dir: string = DEFAULT_DATA_DIR): Dataset {
  const records: DatasetRecords = {
    sources: parseFile(dir, DATASET_FILES.sources, SourceSchema),
    people: parseFile(dir, DATASET_FILES.people, PersonSchema),
    offices: parseFile(dir, DATASET_FILES.offices, OfficeSchema),
    terms: parseFile(dir, DATASET_FILES.terms, TermSchema),
    events: parseFile(dir, DATASET_FILES.events, EventSchema),
    disputes: parseFile(dir, DATASET_FILES.disputes, DisputeSchema),
    claims: parseFile(dir, DATASET_FILES.claims, ClaimSchema),
    glossary: parseFile(dir, DATASET_FILES.glossary, GlossaryTermSchema),
  };
  return assembleDataset(records);
}
