// Reads a JSON body before the schema sees it, so each way it can be wrong keeps its own clear
// answer: 415 for another media type, 400 for an empty or unparseable body (the schema then
// validates the parsed value, which Hono's body cache hands to the validator without a re-read).
import type { MiddlewareHandler } from "hono";
import { isJsonContentType, problems, readJsonBody } from "@traceo/problem";

/** `otherTypes`: media types the handler reads itself (e.g. message/rfc822), passed through unread. */
export function jsonBody(opts: { otherTypes?: string[] } = {}): MiddlewareHandler {
  const others = opts.otherTypes ?? [];
  return async (c, next) => {
    const contentType = c.req.header("content-type");
    if (isJsonContentType(contentType)) await readJsonBody(c);
    else if (!others.includes(contentType?.split(";")[0]!.trim().toLowerCase() ?? "")) throw problems.unsupportedMediaType([...others, "application/json"]);
    await next();
  };
}
