// The one error shape (RFC 9457) as a shared component, and the error answers a route documents.
import { z } from "@hono/zod-openapi";
import { PROBLEM_CONTENT_TYPE } from "@traceo/problem";
import { RATE_LIMIT_HEADERS, RETRY_AFTER_HEADER } from "./headers.ts";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ format: "uri", example: "https://traceo.dev/problems/invalid-request" }),
    title: z.string().openapi({ example: "The request is not valid" }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().optional().openapi({ example: "The request body is not valid: `url`: Invalid input: expected string, received number." }),
    instance: z.string().optional().openapi({ example: "urn:traceo:request:5b0f3a8e-1c1e-4f9b-9d57-1f3c6a0e2a11" }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().openapi({ description: "Each invalid field (422)." }),
    retry_after: z.number().int().optional().openapi({ description: "Seconds to wait (429)." }),
  })
  .catchall(z.unknown())
  .openapi("Problem", { description: "RFC 9457 problem details; every error answer has this shape." });

const WHY: Record<number, string> = {
  400: "Unreadable body (empty, not UTF-8, not JSON), a malformed Content-Length, or two different API keys in one request.",
  401: "Missing, malformed, unknown, revoked or expired credentials.",
  403: "The credentials may not do this.",
  404: "No such resource.",
  409: "Conflicts with the current state.",
  413: "The body is too large.",
  415: "Unsupported Content-Type, or a compressed body (any Content-Encoding but identity: send it uncompressed).",
  422: "Invalid fields (each one listed in `errors`), or content that cannot be parsed.",
  429: "Too many requests; wait `Retry-After` seconds.",
  503: "A backing service is unavailable; retry after `Retry-After` seconds.",
};

/**
 * Problem answers for the given statuses. `rateLimited` adds the IETF RateLimit fields the API-key
 * gateway sends on its 429; every 429 and 503 carries Retry-After.
 */
export function problemResponses(statuses: number[], opts: { rateLimited?: boolean } = {}) {
  const out: Record<number, { description: string; headers?: Record<string, { $ref: string }>; content: Record<string, { schema: typeof ProblemSchema }> }> = {};
  for (const status of statuses) {
    const headers = status === 429 ? { ...(opts.rateLimited ? RATE_LIMIT_HEADERS : {}), ...RETRY_AFTER_HEADER } : status === 503 ? RETRY_AFTER_HEADER : undefined;
    out[status] = { description: WHY[status] ?? "Error.", ...(headers ? { headers } : {}), content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } };
  }
  return out;
}
