// One access-log line per request, written after the answer: request id, method, path (never the
// query string, which can carry search terms), status and duration. A client that went away
// mid-body is 499 at info level: routine on mobile networks, not a failure of ours.
import type { MiddlewareHandler } from "hono";
import { CLIENT_CLOSED_REQUEST } from "@traceo/problem";
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
      ...(status === CLIENT_CLOSED_REQUEST ? { clientAborted: true } : {}),
    });
  };
}
