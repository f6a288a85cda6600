// The HTTP server itself: @hono/node-server on HTTP_HOST:HTTP_PORT, started only when HTTP_PORT
// is set, and closed at shutdown (open keep-alive connections too, so the process can exit).
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { Logger } from "pino";

export interface RunningHttp {
  /** The port it listens on (the one asked for, or the system's pick for port 0). */
  port: number;
  close(): Promise<void>;
}

export function startHttp(
  app: Hono,
  options: { port: number; host: string },
  log: Logger,
): Promise<RunningHttp> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      log.info({ host: options.host, port: info.port }, "HTTP server listening");
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
