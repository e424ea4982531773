// POST /v1/analyze/email — a raw RFC 822 message in (as the body, or JSON {"raw": "..."}),
// a verdict with reasons out, stored as a report owned by the key's account.
import { analyzeEmailWithText, EmailParseError } from "@traceo/detector";
import { requireApiKey } from "@traceo/gateway";
import { API_KEY_SECURITY, createRoute, jsonBody, problemResponses, RATE_LIMIT_HEADERS, z, type RouteHandler } from "@traceo/openapi";
import { limitBody, problems } from "@traceo/problem";
import type { AnalyzeEnv } from "../app-types.ts";
import { ReportSchema } from "../schemas.ts";
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

const RawMessage = z.string().openapi({ description: "The raw RFC 822 message (≤ 10 MB).", example: "From: PayPal <service@paypa1-secure.top>\r\nSubject: Verify your account\r\n\r\nClick http://paypa1-secure.top/login" });

export const EmailJsonSchema = z
  .object({ raw: z.string({ error: "expected a string holding the RFC 822 message" }).openapi({ description: "The raw RFC 822 message." }) })
  .openapi("EmailRequest");

export const analyzeEmailRoute = createRoute({
  method: "post",
  path: "/v1/analyze/email",
  tags: ["analyze"],
  summary: "Score a raw email",
  description: "The message as the body (`message/rfc822` or `text/plain`), or JSON `{\"raw\": \"...\"}`; at most 10 MB.",
  security: API_KEY_SECURITY,
  middleware: [limitBody(MAX_EMAIL_BYTES), requireApiKey("analyze:email"), jsonBody({ otherTypes: RAW_TYPES })] as const,
  request: {
    // Documented as required once registered (see documentBodyAsRequired in index.ts).
    body: { required: false, content: { "message/rfc822": { schema: RawMessage }, "text/plain": { schema: RawMessage }, "application/json": { schema: EmailJsonSchema } } },
  },
  responses: {
    200: { description: "The report (stored, owned by the key's account).", headers: RATE_LIMIT_HEADERS, content: { "application/json": { schema: ReportSchema } } },
    ...problemResponses([400, 401, 403, 413, 415, 422, 429, 503], { rateLimited: true }),
  },
});

async function readMessage(c: Parameters<typeof analyzeEmailHandler>[0]): Promise<string | Uint8Array> {
  const mediaType = c.req.header("content-type")?.split(";")[0]!.trim().toLowerCase();
  if (mediaType && RAW_TYPES.includes(mediaType)) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength === 0) throw problems.emptyBody("Send the raw RFC 822 message as the body.");
    if (looksLikeJsonEnvelope(bytes)) throw problems.unsupportedMediaType(ACCEPTED_TYPES, 'The body is a JSON object: send it with "Content-Type: application/json".');
    return bytes;
  }
  // JSON (anything else was refused by jsonBody): the schema has checked {"raw": string}.
  const { raw } = c.req.valid("json") as z.infer<typeof EmailJsonSchema>;
  if (raw.trim() === "") throw problems.emptyBody('"raw" is empty.');
  return raw;
}

export const analyzeEmailHandler: RouteHandler<typeof analyzeEmailRoute, AnalyzeEnv> = async (c) => {
  const raw = await readMessage(c);
  let analysed;
  try {
    analysed = await analyzeEmailWithText(raw);
  } catch (err) {
    if (err instanceof EmailParseError) throw problems.unprocessableMessage(err.message);
    throw err;
  }
  const report = await storeReport(c, analysed.analysis, { raw, bodyText: analysed.bodyText });
  return c.json(report, 200);
};
