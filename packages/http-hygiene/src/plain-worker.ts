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

/** What these Workers serve: reading only. OPTIONS is answered too, so `Allow` lists it, as the API's does. */
export const PLAIN_ALLOW = "GET, HEAD, OPTIONS";

/**
 * The headers hono/secure-headers gives every API answer that matter on a problem body: no content
 * sniffing of the JSON, no Referer leaking the path onward.
 */
export const PLAIN_SECURITY_HEADERS: Readonly<Record<string, string>> = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };

/** 404 or 405 as problem+json, `instance` naming the request as the API Workers' problems do. A 405 carries `Allow`. */
export function plainProblem(status: 404 | 405, detail: string, requestId: string, headers: Record<string, string> = {}): Response {
  const [code, title] = status === 405 ? ["method-not-allowed", "Method not allowed"] : ["not-found", "Not found"];
  const allow: Record<string, string> = status === 405 ? { allow: PLAIN_ALLOW } : {};
  return problemResponse(status, { code, title, detail, headers: { ...PLAIN_SECURITY_HEADERS, ...allow, ...headers } }, `urn:traceo:request:${requestId}`);
}

/** A plain OPTIONS (RFC 9110 §9.3.7): 204 with `Allow`, as the API Workers answer it. */
export function plainOptions(): Response {
  return new Response(null, { status: 204, headers: { ...PLAIN_SECURITY_HEADERS, allow: PLAIN_ALLOW } });
}

/** `response` with `headers` set (a copy: answers from ASSETS or Response.redirect are immutable). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const copy = new Response(response.body, response);
  for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
  return copy;
}
