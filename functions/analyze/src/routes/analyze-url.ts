// POST /v1/analyze/url — JSON {"url": "..."} or {"urls": [...]} (at most 100).
import { analyzeUrl, analyzeUrls, UrlParseError } from "@traceo/detector";
import { requireApiKey } from "@traceo/gateway";
import { isJsonContentType, limitBody, problems, readJsonBody } from "@traceo/problem";
import type { AnalyzeApp } from "../index.ts";
import { storeReport } from "../store-report.ts";

export const MAX_URLS = 100;
export const MAX_URL_LENGTH = 8_192;
const MAX_URL_BODY_BYTES = 1024 * 1024;

// Inside a URL these never appear unencoded; a string holding them is not a link someone clicked.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;

/** "x" or "http://intranet/": nothing a phishing link could be (IP literals normalise to dotted form). */
function isSingleLabelHost(input: string): boolean {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `http://${input}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return false; // the detector answers with its own parse error
  }
  return host !== "" && !host.includes(".") && !host.startsWith("[");
}

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
  const errors = urls.flatMap((u, i) =>
    typeof u !== "string" ? [{ path: path(i), message: "expected a string" }]
    : u.trim() === "" ? [{ path: path(i), message: "empty URL" }]
    : u.length > MAX_URL_LENGTH ? [{ path: path(i), message: `longer than ${MAX_URL_LENGTH} characters` }]
    : CONTROL_OR_SPACE.test(u.trim()) ? [{ path: path(i), message: "contains spaces or control characters" }]
    : isSingleLabelHost(u.trim()) ? [{ path: path(i), message: "not a web address: the host has no domain (e.g. example.com)" }]
    : [],
  );
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
