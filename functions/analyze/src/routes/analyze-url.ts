// POST /v1/analyze/url — JSON {"url": "..."} or {"urls": [...]} (at most 100).
import { analyzeUrl, analyzeUrls, MAX_URL_INPUT_LENGTH, UrlParseError, urlInputProblem } from "@traceo/detector";
import { requireApiKey } from "@traceo/gateway";
import { isJsonContentType, limitBody, problems, readJsonBody } from "@traceo/problem";
import type { AnalyzeApp } from "../index.ts";
import { storeReport } from "../store-report.ts";

export const MAX_URLS = 100;
export const MAX_URL_LENGTH = MAX_URL_INPUT_LENGTH;
const MAX_URL_BODY_BYTES = 1024 * 1024;

export function parseUrlRequest(payload: unknown): string[] {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw problems.invalidRequest('Send a JSON object: {"url": "..."} or {"urls": ["...", ...]}.');
  }
  const body = payload as Record<string, unknown>;
  if ("url" in body && "urls" in body) throw problems.invalidRequest('Send either "url" or "urls", not both.');
  const urls = "url" in body ? [body.url] : body.urls;
  if (!Array.isArray(urls)) throw problems.invalidRequest('"urls" must be an array of strings (or send a single "url").', [{ path: "/urls", message: "expected an array" }]);
  if (urls.length === 0) throw problems.invalidRequest('"urls" is empty: send at least one URL.');
  if (urls.length > MAX_URLS) throw problems.invalidRequest(`At most ${MAX_URLS} URLs per request; this one has ${urls.length}.`);
  const path = (i: number) => ("url" in body ? "/url" : `/urls/${i}`);
  const errors = urls.flatMap((u, i) => {
    const problem = urlInputProblem(u);
    return problem === null ? [] : [{ path: path(i), message: problem }];
  });
  if (errors.length > 0) throw problems.invalidRequest("Some URLs are not usable strings.", errors);
  return (urls as string[]).map((u) => u.trim());
}

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

export function registerAnalyzeUrl(app: AnalyzeApp): void {
  app.post("/v1/analyze/url", limitBody(MAX_URL_BODY_BYTES), requireApiKey("analyze:url"), async (c) => {
    if (!isJsonContentType(c.req.header("content-type"))) throw problems.unsupportedMediaType(["application/json"]);
    const urls = parseUrlRequest(await readJsonBody(c));
    let analysis;
    try {
      analysis = analyzeUrls(urls);
    } catch (err) {
      if (err instanceof UrlParseError) throw problems.invalidUrl(err.message, firstUnparseable(urls));
      throw err;
    }
    const report = await storeReport(c, analysis);
    return c.json(report, 200);
  });
  app.on(["GET", "PUT", "PATCH", "DELETE"], "/v1/analyze/url", () => {
    throw problems.methodNotAllowed(["POST"]);
  });
}
