// POST /v1/analyze/url — JSON {"url": "..."} or {"urls": [...]} (at most 100).
import { analyzeUrl, analyzeUrls, MAX_URL_INPUT_LENGTH, UrlParseError, urlInputProblem } from "@traceo/detector";
import { requireApiKey } from "@traceo/gateway";
import { API_KEY_SECURITY, createRoute, jsonBody, problemResponses, RATE_LIMIT_HEADERS, z, type RouteHandler } from "@traceo/openapi";
import { limitBody, problems } from "@traceo/problem";
import type { AnalyzeEnv } from "../app-types.ts";
import { ReportSchema } from "../schemas.ts";
import { storeReport } from "../store-report.ts";

export const MAX_URLS = 100;
export const MAX_URL_LENGTH = MAX_URL_INPUT_LENGTH;
const MAX_URL_BODY_BYTES = 1024 * 1024;

/** One URL as sent: checked here, trimmed by the handler; whether it parses is the detector's call. */
const UrlString = z
  .string()
  .superRefine((u, ctx) => {
    const problem = urlInputProblem(u);
    if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
  })
  .openapi({
    maxLength: MAX_URL_LENGTH,
    example: "http://paypa1-secure.top/login",
    description: "A web address: http or https (without a scheme, http is assumed). javascript:, vbscript: and data: URLs are refused with 422: they run code or carry their content inside the link, so there is no site to analyse.",
  });

export const UrlRequestSchema = z
  .object({
    url: UrlString.optional(),
    urls: z.array(UrlString).min(1, '"urls" is empty: send at least one URL').max(MAX_URLS, `at most ${MAX_URLS} URLs per request`).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.url !== undefined && b.urls !== undefined) ctx.addIssue({ code: "custom", message: 'send either "url" or "urls" (not both)' });
    else if (b.url === undefined && b.urls === undefined) ctx.addIssue({ code: "custom", message: 'send "url" (one URL) or "urls" (a list)' });
  })
  .openapi("UrlRequest", { description: 'Exactly one of `url` or `urls`.', example: { url: "http://paypa1-secure.top/login" } });

export const analyzeUrlRoute = createRoute({
  method: "post",
  path: "/v1/analyze/url",
  tags: ["analyze"],
  summary: "Score one or more URLs",
  security: API_KEY_SECURITY,
  middleware: [limitBody(MAX_URL_BODY_BYTES), requireApiKey("analyze:url"), jsonBody()] as const,
  request: { body: { required: true, content: { "application/json": { schema: UrlRequestSchema } } } },
  responses: {
    200: { description: "The report (stored, owned by the key's account).", headers: RATE_LIMIT_HEADERS, content: { "application/json": { schema: ReportSchema } } },
    ...problemResponses([400, 401, 403, 413, 415, 422, 429, 503], { rateLimited: true }),
  },
});

// Only on the error path: find which URL failed so the client can fix that one.
function firstUnparseable(urls: string[]): number {
  return urls.findIndex((url) => {
    try {
      analyzeUrl(url);
      return false;
    } catch {
      return true;
    }
  });
}

export const analyzeUrlHandler: RouteHandler<typeof analyzeUrlRoute, AnalyzeEnv> = async (c) => {
  const body = c.req.valid("json");
  const urls = (body.url !== undefined ? [body.url] : body.urls!).map((u) => u.trim());
  let analysis;
  try {
    analysis = analyzeUrls(urls);
  } catch (err) {
    if (err instanceof UrlParseError) throw problems.invalidUrl(err.message, firstUnparseable(urls));
    throw err;
  }
  const report = await storeReport(c, analysis);
  return c.json(report, 200);
};
