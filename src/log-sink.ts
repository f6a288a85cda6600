// What the engine and the interaction layer need from a logger: a pino Logger is one, and so is
// the silent sink the console, the CLI and the tests use, without loading pino at all.
export interface LogSink {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
  isLevelEnabled(level: string): boolean;
}

const nothing = () => undefined;

/** A logger that writes nothing. */
export const silentLogger: LogSink = {
  error: nothing,
  warn: nothing,
  info: nothing,
  debug: nothing,
  isLevelEnabled: () => false,
};
