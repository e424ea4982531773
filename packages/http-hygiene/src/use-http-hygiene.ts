// Mounted first by every function, so every answer (404, 405, 413, problems, successes) carries a
// request id, the security headers and the console-only CORS headers, and is logged once.
import type { Hono } from "hono";
import { contextStorage } from "hono/context-storage";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { problemErrorHandler, problemNotFound } from "@traceo/problem";
import { consoleCors } from "./console-cors.ts";
import { methodGuard } from "./method-guard.ts";
import { requestLog } from "./request-log.ts";

export function useHttpHygiene(app: Hono<any, any, any>): void {
  app.use(contextStorage());
  app.use(requestId({ headerName: "x-request-id" }));
  app.use(requestLog());
  app.use(secureHeaders());
  app.use(consoleCors());
  app.use(methodGuard(app));
  app.onError(problemErrorHandler);
  app.notFound(problemNotFound);
}
