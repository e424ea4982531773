// Every problem the API can answer with, in one place, so codes and wording stay consistent.
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ProblemError } from "./problem.ts";

/** nginx's "client closed request": the client went away before we read its body. Not a server error. */
export const CLIENT_CLOSED_REQUEST = 499;

export const problems = {
  invalidJson: (detail: string) =>
    new ProblemError(400, { code: "invalid-json", title: "The request body is not valid JSON", detail }),
  invalidUtf8: () =>
    new ProblemError(400, { code: "invalid-utf8", title: "The request body is not valid UTF-8", detail: "The body is not valid UTF-8: send JSON text encoded as UTF-8." }),
  invalidRequest: (detail: string, errors?: { path: string; message: string }[]) =>
    new ProblemError(422, {
      code: "invalid-request",
      title: "The request is not valid",
      detail,
      ...(errors ? { extensions: { errors } } : {}),
    }),
  emptyBody: (detail: string) =>
    new ProblemError(400, { code: "empty-body", title: "The request body is empty", detail }),
  unsupportedMediaType: (allowed: string[], hint?: string) =>
    new ProblemError(415, {
      code: "unsupported-media-type",
      title: "Unsupported Content-Type",
      detail: hint ?? `Send the body with one of these Content-Type values: ${allowed.join(", ")}.`,
      headers: { "accept-post": allowed.join(", ") },
    }),
  /** RFC 9110 §15.5.16: the API reads bodies as sent; `Accept-Encoding: identity` says what it takes instead (§12.5.3). */
  unsupportedContentEncoding: (coding: string) =>
    new ProblemError(415, {
      code: "unsupported-content-encoding",
      title: "Unsupported Content-Encoding",
      detail: `Content-Encoding ${coding} is not supported: send the body uncompressed.`,
      headers: { "accept-encoding": "identity" },
    }),
  payloadTooLarge: (maxBytes: number) =>
    new ProblemError(413, {
      code: "payload-too-large",
      title: "The request body is too large",
      detail: `The body must be at most ${maxBytes} bytes.`,
      extensions: { max_bytes: maxBytes },
    }),
  /** The body stream failed (the client disconnected mid-body): nobody will read this answer; it is for the log. */
  clientClosedRequest: () =>
    new ProblemError(CLIENT_CLOSED_REQUEST as ContentfulStatusCode, {
      code: "client-closed-request",
      title: "The client closed the connection",
      detail: "The request body stopped before its end; the request was not processed.",
    }),
  invalidContentLength: () =>
    new ProblemError(400, {
      code: "invalid-content-length",
      title: "Invalid Content-Length header",
      detail: "Content-Length must be a non-negative whole number of bytes.",
    }),
  unauthenticated: (detail: string) =>
    new ProblemError(401, {
      code: "unauthenticated",
      title: "A valid API key is required",
      detail,
      headers: { "www-authenticate": 'Bearer realm="traceo"' },
    }),
  conflictingApiKeys: () =>
    new ProblemError(400, {
      code: "conflicting-api-keys",
      title: "Two different API keys",
      detail: "The request carries one key in `Authorization: Bearer` and another in `X-API-Key`: send the key once, in one of the two.",
    }),
  forbidden: (detail: string) =>
    new ProblemError(403, { code: "forbidden", title: "This key may not do that", detail }),
  notFound: (detail: string) => new ProblemError(404, { code: "not-found", title: "Not found", detail }),
  /** `allowed` is the whole `Allow` list; the detail names the methods that do something (not HEAD, OPTIONS). */
  methodNotAllowed: (allowed: string[]) =>
    new ProblemError(405, {
      code: "method-not-allowed",
      title: "Method not allowed",
      detail: `Use ${allowed.filter((m) => m !== "HEAD" && m !== "OPTIONS").join(" or ")}.`,
      headers: { allow: allowed.join(", ") },
    }),
  rateLimited: (retryAfterSeconds: number, window: string, headers: Record<string, string>) =>
    new ProblemError(429, {
      code: "rate-limited",
      title: "Rate limit exceeded",
      detail: `This key has used its ${window} allowance. Retry after ${retryAfterSeconds} s.`,
      headers: { ...headers, "retry-after": String(retryAfterSeconds) },
      extensions: { window, retry_after: retryAfterSeconds },
    }),
  unprocessableMessage: (detail: string) =>
    new ProblemError(422, { code: "unparseable-message", title: "The message could not be parsed", detail }),
  invalidUrl: (detail: string, index?: number) =>
    new ProblemError(422, {
      code: "invalid-url",
      title: "A URL could not be parsed",
      detail,
      ...(index !== undefined ? { extensions: { index } } : {}),
    }),
  serviceUnavailable: (detail: string, retryAfterSeconds = 5) =>
    new ProblemError(503, {
      code: "service-unavailable",
      title: "A backing service is unavailable",
      detail,
      headers: { "retry-after": String(retryAfterSeconds) },
    }),
};
