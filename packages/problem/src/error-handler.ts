// Hono error and not-found handlers that answer every failure as problem+json.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ProblemError, problemResponse } from "./problem.ts";

function instanceOf(c: Context): string | undefined {
  const requestId = c.get("requestId" as never) as string | undefined;
  return requestId ? `urn:traceo:request:${requestId}` : undefined;
}

/** Class and message only: no stack, no request data. */
function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * Headers middleware set before the failure (the RateLimit fields of the token the request spent, say):
 * Hono keeps them for the handler's own response, but this one is built fresh, so they are copied in.
 * The problem's own headers (Retry-After, its RateLimit on a 429) win.
 */
function withPreparedHeaders(c: Context, res: Response): Response {
  for (const [name, value] of c.res.headers) {
    if (name !== "content-type" && !res.headers.has(name)) res.headers.set(name, value);
  }
  return res;
}

export const problemErrorHandler: ErrorHandler = (err, c) => withPreparedHeaders(c, problemFor(err, c));

function problemFor(err: Error, c: Context): Response {
  if (err instanceof ProblemError) {
    // A backing service failed: log the event (what failed, never request data) for the operator.
    if (err.status >= 500) {
      const cause = (err as { cause?: unknown }).cause;
      console.error(JSON.stringify({ level: "error", msg: "service unavailable", requestId: c.get("requestId" as never), status: err.status, detail: err.init.detail, ...(cause !== undefined ? { cause: describe(cause) } : {}) }));
    }
    return problemResponse(err.status, err.init, instanceOf(c));
  }
  if (err instanceof HTTPException && err.status < 500) {
    return problemResponse(err.status, { code: "http-" + err.status, title: err.message || "Bad request" }, instanceOf(c));
  }
  // Unexpected: log the error class and message only (never request bodies or headers).
  console.error(JSON.stringify({ level: "error", msg: "unhandled", requestId: c.get("requestId" as never), error: describe(err) }));
  return problemResponse(500, { code: "internal", title: "Internal error", detail: "Something failed on our side; the request id identifies it." }, instanceOf(c));
}

export const problemNotFound: NotFoundHandler = (c) =>
  problemResponse(404, { code: "not-found", title: "Not found", detail: `No route for ${c.req.method} ${new URL(c.req.url).pathname}.` }, instanceOf(c));
