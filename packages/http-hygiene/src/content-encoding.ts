// The API does not decode request bodies, so a compressed one would be read as its compressed bytes
// ("not valid UTF-8", a garbled message) and an unknown coding silently ignored. Any coding other
// than identity is refused up front, for every route, with 415 and `Accept-Encoding: identity`.
import type { MiddlewareHandler } from "hono";
import { problems } from "@traceo/problem";

/** The first coding in a Content-Encoding value that is not identity, or undefined. */
export function unsupportedCoding(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((coding) => coding.trim())
    .find((coding) => coding !== "" && coding.toLowerCase() !== "identity");
}

export function refuseContentEncoding(): MiddlewareHandler {
  return async (c, next) => {
    const coding = unsupportedCoding(c.req.header("content-encoding"));
    if (coding !== undefined) throw problems.unsupportedContentEncoding(coding);
    await next();
  };
}
