// Request ids and problem answers for the Workers that are not Hono apps (console, docs: static
// assets behind a few lines of fetch handler). Imported as "@traceo/http-hygiene/plain-worker":
// no Hono and no node:async_hooks, so those Workers stay small and need no nodejs_compat.
import { problemResponse } from "@traceo/problem/response";

// The rule hono/request-id applies in the API Workers, so a caller's id survives every Worker alike.
const MAX_ID_LENGTH = 255;
const NOT_ID_CHARACTER = /[^\w\-=]/;

/** The caller's X-Request-Id if it is well formed, otherwise a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  if (given && given.length <= MAX_ID_LENGTH && !NOT_ID_CHARACTER.test(given)) return given;
  return crypto.randomUUID();
}

/** 404 or 405 as problem+json, `instance` naming the request as the API Workers' problems do. */
export function plainProblem(status: 404 | 405, detail: string, requestId: string, headers: Record<string, string> = {}): Response {
  const [code, title] = status === 405 ? ["method-not-allowed", "Method not allowed"] : ["not-found", "Not found"];
  return problemResponse(status, { code, title, detail, headers }, `urn:traceo:request:${requestId}`);
}

/** `response` with `headers` set (a copy: answers from ASSETS or Response.redirect are immutable). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const copy = new Response(response.body, response);
  for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
  return copy;
}
