import { createEngine, type Engine } from "../src/app.js";

const shared: Engine = await createEngine();

/** The real dataset and indexes, built once per test file. */
export function engine(): Engine {
  return shared;
}
