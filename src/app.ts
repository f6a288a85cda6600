import type { Dataset } from "./data/build.js";
import { loadShippedDataset } from "./data/shipped.js";
import { buildSearchIndex } from "./search/entries.js";
import type { SearchIndex } from "./search/index.js";
import { NOT_NAMES, Spotter, spotSubjects } from "./spot/index.js";
import { SpotLexicon } from "./spot/lexicon.js";
import type { TriviaGame } from "./trivia/game.js";

/** Everything the handlers need, built once at start-up and shared read-only. */
export interface Engine {
  dataset: Dataset;
  search: SearchIndex;
  /** Finds the people, offices and dates a message mentions ("Look up in Apparat"). */
  readonly spotter: Spotter;
  /** Trivia needs storage and a way to post to channels (see src/interactions/trivia.ts). */
  trivia?: TriviaGame;
  /** Where links to the teacher's page start (no trailing slash), when this bot serves it. */
  progressPageBase?: string;
  /**
   * The question of the day's schedules, when they play apart from the rounds: the offline console
   * plays them on a virtual clock while its rounds keep real time. Otherwise trivia's own.
   */
  daily?: TriviaGame["daily"];
}

/** The engine over the shipped dataset, or over the one in `dataDir` (always fully checked). */
export async function createEngine(dataDir?: string): Promise<Engine> {
  const dataset = dataDir
    ? (await import("./data/load.js")).loadDataset(dataDir)
    : await loadShippedDataset();
  // Built on the first message lookup, not at start-up: most runs never need it.
  let spotter: Spotter | undefined;
  return {
    dataset,
    search: buildSearchIndex(dataset),
    get spotter() {
      spotter ??= new Spotter(new SpotLexicon(spotSubjects(dataset), NOT_NAMES));
      return spotter;
    },
  };
}
