// CORS for the web console only: its origin (CONSOLE_ORIGIN, a [vars] setting) gets the CORS
// headers; any other origin, or none, gets no CORS header at all, so browsers refuse to hand another
// site the answer. Sessions travel as `Authorization: Bearer` tokens, never cookies, so credentials
// mode stays off.
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

export const CORS_ALLOWED_HEADERS = ["authorization", "content-type", "x-api-key", "x-request-id"];
export const CORS_EXPOSED_HEADERS = ["x-request-id", "retry-after", "ratelimit", "ratelimit-policy", "allow"];

const forConsole = cors({
  origin: (origin) => origin,
  allowMethods: ["GET", "POST", "DELETE"],
  allowHeaders: CORS_ALLOWED_HEADERS,
  exposeHeaders: CORS_EXPOSED_HEADERS,
  credentials: false,
  maxAge: 600,
});

export function consoleCors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header("origin");
    const allowed = (c.env as { CONSOLE_ORIGIN?: string } | undefined)?.CONSOLE_ORIGIN;
    if (origin && allowed && origin === allowed) return forConsole(c, next);
    // Another origin's preflight: answered, but without any grant.
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      c.header("vary", "Origin");
      return c.body(null, 204);
    }
    await next();
    // The answer depends on Origin, so caches must keep the console's and others' apart.
    c.res.headers.append("vary", "Origin");
  };
}
