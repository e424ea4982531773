// RFC 9457 problem details: the one error shape of the whole API.
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
const PROBLEM_BASE = "https://traceo.dev/problems/";

export interface ProblemInit {
  /** Short slug, becomes the `type` URI (e.g. "invalid-json"). */
  code: string;
  title: string;
  detail?: string;
  headers?: Record<string, string>;
  /** Extension members (RFC 9457 §3.2), e.g. `errors` or `limit`. */
  extensions?: Record<string, unknown>;
}

/** An expected, client-visible failure. Thrown inside handlers, rendered by `problemErrorHandler`. */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode;
  readonly init: ProblemInit;
  constructor(status: ContentfulStatusCode, init: ProblemInit) {
    super(init.detail ?? init.title);
    this.name = "ProblemError";
    this.status = status;
    this.init = init;
  }
}

export function problemBody(status: number, init: ProblemInit, instance?: string) {
  return {
    type: PROBLEM_BASE + init.code,
    title: init.title,
    status,
    ...(init.detail !== undefined ? { detail: init.detail } : {}),
    ...(instance !== undefined ? { instance } : {}),
    ...init.extensions,
  };
}

export function problemResponse(status: number, init: ProblemInit, instance?: string): Response {
  return new Response(JSON.stringify(problemBody(status, init, instance)), {
    status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, ...init.headers },
  });
}
