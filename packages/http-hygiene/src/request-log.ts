// One access-log line per request, written after the answer: request id, method, path (never the
// query string, which can carry search terms), status and duration.
import type { MiddlewareHandler } from "hono";
import { logEvent } from "./log.ts";

export function requestLog(): MiddlewareHandler {
  return async (c, next) => {
    const started = Date.now();
    await next();
    const status = c.res.status;
    logEvent(status >= 500 ? "error" : "info", "request", {
      requestId: c.get("requestId" as never),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status,
      durationMs: Date.now() - started,
    });
  };
}
