// Hono's bodyLimit trusts any Content-Length it can parseInt and lets a non-numeric one through
// unchecked, so a malformed header is refused here before the limit applies.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { problems } from "./catalog.ts";

const DIGITS = /^\d{1,16}$/;

export function limitBody(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw problems.payloadTooLarge(maxBytes);
    },
  });
  return async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared !== undefined && !DIGITS.test(declared.trim())) throw problems.invalidContentLength();
    return limit(c, next);
  };
}
