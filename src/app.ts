import { type Dataset, loadDataset } from "./data/load.js";
import { buildSearchIndex } from "./search/entries.js";
import type { SearchIndex } from "./search/index.js";

/** Everything the handlers need, built once at start-up and shared read-only. */
export interface Engine {
  dataset: Dataset;
  search: SearchIndex;
}

export function createEngine(dataDir?: string): Engine {
  const dataset = loadDataset(dataDir);
  return { dataset, search: buildSearchIndex(dataset) };
}
