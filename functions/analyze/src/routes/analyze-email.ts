// POST /v1/analyze/email — a raw RFC 822 message in (as the body, or JSON {"raw": "..."}),
// a verdict with reasons out, stored as a report owned by the key's account.
import { analyzeEmailWithText, EmailParseError } from "@traceo/detector";
import { requireApiKey } from "@traceo/gateway";
import { isJsonContentType, limitBody, problems, readJsonBody } from "@traceo/problem";
import type { AnalyzeApp } from "../index.ts";
import { storeReport } from "../store-report.ts";

export const MAX_EMAIL_BYTES = 10 * 1024 * 1024;
const RAW_TYPES = ["message/rfc822", "text/plain"];
const ACCEPTED_TYPES = [...RAW_TYPES, "application/json"];

// A JSON {"raw": ...} sent as text/plain (curl -d, fetch with a string body) would otherwise be
// analysed as if the JSON text were the message.
function looksLikeJsonEnvelope(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (!head.startsWith("{")) return false;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes));
    return typeof parsed === "object" && parsed !== null && "raw" in parsed;
  } catch {
    return false;
  }
}

async function readMessage(contentType: string | undefined, body: () => Promise<ArrayBuffer>, json: () => Promise<unknown>): Promise<string | Uint8Array> {
  const mediaType = contentType?.split(";")[0]!.trim().toLowerCase();
  if (mediaType && RAW_TYPES.includes(mediaType)) {
    const bytes = new Uint8Array(await body());
    if (bytes.byteLength === 0) throw problems.emptyBody("Send the raw RFC 822 message as the body.");
    if (looksLikeJsonEnvelope(bytes)) throw problems.unsupportedMediaType(ACCEPTED_TYPES, 'The body is a JSON object: send it with "Content-Type: application/json".');
    return bytes;
  }
  if (isJsonContentType(contentType)) {
    const payload = await json();
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) throw problems.invalidRequest('Send a JSON object: {"raw": "<the RFC 822 message>"}.');
    const raw = (payload as Record<string, unknown>).raw;
    if (typeof raw !== "string") throw problems.invalidRequest('"raw" must be a string holding the RFC 822 message.', [{ path: "/raw", message: "expected a string" }]);
    if (raw.trim() === "") throw problems.emptyBody('"raw" is empty.');
    return raw;
  }
  throw problems.unsupportedMediaType(ACCEPTED_TYPES);
}

export function registerAnalyzeEmail(app: AnalyzeApp): void {
  app.post("/v1/analyze/email", limitBody(MAX_EMAIL_BYTES), requireApiKey("analyze:email"), async (c) => {
    const raw = await readMessage(c.req.header("content-type"), () => c.req.arrayBuffer(), () => readJsonBody(c));
    let analysed;
    try {
      analysed = await analyzeEmailWithText(raw);
    } catch (err) {
      if (err instanceof EmailParseError) throw problems.unprocessableMessage(err.message);
      throw err;
    }
    const report = await storeReport(c, analysed.analysis, { raw, bodyText: analysed.bodyText });
    return c.json(report, 200);
  });
  app.on(["GET", "PUT", "PATCH", "DELETE"], "/v1/analyze/email", () => {
    throw problems.methodNotAllowed(["POST"]);
  });
}
