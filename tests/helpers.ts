import { createEngine, type Engine } from "../src/app.js";
import { ManualClock } from "../src/trivia/clock.js";

const shared: Engine = await createEngine();

/** The real dataset and indexes, built once per test file. */
export function engine(): Engine {
  return shared;
}

/** A manual clock at a fixed start, so tests never depend on the time they run at. */
export class FakeClock extends ManualClock {
  constructor() {
    super(1_800_000_000_000);
  }
}
