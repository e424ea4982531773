// A deploy without a usable JWT secret answers 503 naming the setting, instead of a 500 at signing.
import type { MiddlewareHandler } from "hono";
import { problems } from "@traceo/problem";
import type { SessionEnv } from "./env.ts";

export const MIN_JWT_SECRET_CHARS = 32;

export function requireSessionSettings(): MiddlewareHandler<{ Bindings: SessionEnv }> {
  return async (c, next) => {
    const secret = c.env.AUTH_JWT_SECRET;
    if (typeof secret !== "string" || secret.length < MIN_JWT_SECRET_CHARS) {
      console.error(JSON.stringify({ level: "error", msg: "missing settings", missing: ["AUTH_JWT_SECRET"] }));
      throw problems.serviceUnavailable(`The service is not configured (missing: AUTH_JWT_SECRET, at least ${MIN_JWT_SECRET_CHARS} characters).`, 60);
    }
    await next();
  };
}
