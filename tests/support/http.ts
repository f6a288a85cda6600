// For tests of the bot's HTTP endpoints: a free port to give it, and one series read from /metrics.
import { createServer } from "node:net";

/** A port nothing listens on now (the system's pick, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The value of one series in a Prometheus exposition, or undefined when it is not there. */
export function series(text: string, name: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}
