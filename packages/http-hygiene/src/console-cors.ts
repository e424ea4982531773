// CORS for the web console only: its origin (CONSOLE_ORIGIN, a [vars] setting) gets the CORS
// headers; any other origin gets none, so browsers refuse to hand it the answer. Sessions travel as
// `Authorization: Bearer` tokens, never cookies, so credentials mode stays off.
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

export const CORS_ALLOWED_HEADERS = ["authorization", "content-type", "x-api-key", "x-request-id"];
export const CORS_EXPOSED_HEADERS = ["x-request-id", "retry-after", "ratelimit", "ratelimit-policy", "allow"];

export function consoleCors(): MiddlewareHandler<{ Bindings: { CONSOLE_ORIGIN?: string } }> {
  return cors({
    origin: (origin, c) => {
      const allowed = (c.env as { CONSOLE_ORIGIN?: string } | undefined)?.CONSOLE_ORIGIN;
      return allowed && origin === allowed ? origin : null;
    },
    allowMethods: ["GET", "POST", "DELETE"],
    allowHeaders: CORS_ALLOWED_HEADERS,
    exposeHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
}
