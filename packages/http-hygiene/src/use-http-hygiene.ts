// Mounted first by every function, so every answer (404, 405, 413, problems, successes) carries a
// request id, the security headers and the console-only CORS headers, and is logged once.
import type { Hono, MiddlewareHandler } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { problemErrorHandler, problemNotFound } from "@traceo/problem";
import { consoleCors } from "./console-cors.ts";
import { refuseContentEncoding } from "./content-encoding.ts";
import { methodGuard } from "./method-guard.ts";
import { requestScope } from "./request-scope.ts";
import { requestLog } from "./request-log.ts";

/**
 * hono/request-id sets its header before the handler runs; an answer built as a fresh Response
 * (the problem handlers) would drop it, so it is stamped again on whatever answer goes out.
 */
const stampRequestId: MiddlewareHandler = async (c, next) => {
  await next();
  const id = c.get("requestId" as never) as string | undefined;
  if (id && !c.res.headers.has("x-request-id")) c.res.headers.set("x-request-id", id);
};

export function useHttpHygiene(app: Hono<any, any, any>): void {
  app.use(requestId({ headerName: "x-request-id" }));
  app.use(requestScope());
  app.use(stampRequestId);
  app.use(requestLog());
  app.use(secureHeaders());
  app.use(consoleCors());
  app.use(methodGuard(app));
  app.use(refuseContentEncoding());
  app.onError(problemErrorHandler);
  app.notFound(problemNotFound);
}
