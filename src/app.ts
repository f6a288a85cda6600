import { type Dataset, loadDataset } from "./data/load.js";
import { buildSearchIndex } from "./search/entries.js";
import type { SearchIndex } from "./search/index.js";
import type { Trivia } from "./trivia/service.js";

/** Everything the handlers need, built once at start-up and shared read-only. */
export interface Engine {
  dataset: Dataset;
  search: SearchIndex;
  /** Trivia needs storage and a way to post to channels; absent where there is none (the CLI). */
  trivia?: Trivia;
}

export function createEngine(dataDir?: string): Engine {
  const dataset = loadDataset(dataDir);
  return { dataset, search: buildSearchIndex(dataset) };
}
