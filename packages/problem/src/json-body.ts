// Reads a JSON body with a clear answer for each way it can be wrong.
import type { Context } from "hono";
import { problems } from "./catalog.ts";

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") throw problems.emptyBody("Send a JSON object.");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw problems.invalidJson(err instanceof Error ? err.message : "Unparseable JSON.");
  }
}
