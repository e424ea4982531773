// Reads a JSON body with a clear answer for each way it can be wrong.
import type { Context } from "hono";
import { problems } from "./catalog.ts";
import { jsonErrorOffset, positionAt } from "./json-syntax.ts";

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

// JSON is UTF-8 (RFC 8259 §8.1). A lenient decoder would turn bad bytes into U+FFFD, and the request
// would go on with text the client never sent.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Our words, not the engine's: its message differs between engines and can quote the body back. */
function invalidJsonDetail(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return "The body is not valid JSON."; // JSON, but the engine refused it (e.g. nested too deep)
  const { line, column } = positionAt(text, offset);
  const where = `line ${line}, column ${column}`;
  return offset >= text.length ? `The body is not valid JSON: it ends before the JSON value is complete (${where}).` : `The body is not valid JSON (at ${where}).`;
}

export async function readJsonBody(c: Context): Promise<unknown> {
  const bytes = await c.req.arrayBuffer().catch(() => {
    throw problems.clientClosedRequest(); // the client went away mid-body (see limitBody)
  });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw problems.invalidUtf8();
  }
  // Later reads (the route's validator calls c.req.json()) parse this text, not the bytes again.
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
  if (text.trim() === "") throw problems.emptyBody("Send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw problems.invalidJson(invalidJsonDetail(text));
  }
}
