// The request id of the request being served, for log lines written deep inside it (gateway,
// stores) without passing it down. The scope holds the id only: hono/context-storage keeps the
// whole Context in AsyncLocalStorage, and workerd kept every request's Context (body and answer
// included) alive after it ended — ~20-110 KB a request, until the isolate ran out of heap in
// bench:load's soak. A scope of one string stays flat.
import { AsyncLocalStorage } from "node:async_hooks";
import type { MiddlewareHandler } from "hono";

const scope = new AsyncLocalStorage<{ requestId: string | undefined }>();

/** Mounted after hono/request-id: the rest of the request runs inside a scope holding its id. */
export function requestScope(): MiddlewareHandler {
  return (c, next) => scope.run({ requestId: c.get("requestId" as never) as string | undefined }, next);
}

/** The id of the request this code runs for, or undefined outside a request. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
