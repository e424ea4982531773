// The pure part of what the analyze Worker does with a submitted email or URL (everything but the
// database write and the encryption), as one call each, and how an outcome is judged:
// - "report": a well-formed report came out;
// - "refused": the project's own typed error, which the Worker answers with 422 problem+json
//   (EmailParseError, UrlParseError, or the URL input check the route schema runs first);
// - "bug": anything else thrown, or a report that is not well formed.
import { analyzeEmailWithText, analyzeUrl, analyzeUrls, EmailParseError, toReport, UrlParseError, urlInputProblem, type Analysis } from "@traceo/detector";
// The tokeniser files themselves: @traceo/db's index would load the database driver.
import { boundSearchBody } from "../../db/src/search-body.ts";
import { searchTokens } from "../../db/src/search-text.ts";
import { storedCopy } from "../../../functions/analyze/src/stored-copy.ts";
import { analysisProblems } from "./well-formed.ts";

export type Outcome = { kind: "report"; verdict: string } | { kind: "refused"; error: string } | { kind: "bug"; error: string };

const CREATED = new Date("2026-12-04T00:00:00Z");

/** The report as the Worker builds it, its stored copy and search tokens (store-report.ts, report-search-fields.ts). */
function finish(analysis: Analysis, kind: "email" | "url", bodyText: string | null): Outcome {
  const problems = analysisProblems(analysis, kind);
  if (problems.length > 0) return { kind: "bug", error: `malformed report: ${problems.slice(0, 5).join("; ")}` };
  const report = toReport(analysis, "rep_fuzz", CREATED);
  JSON.parse(storedCopy(report));
  const domains = [analysis.headers?.from_domain, ...analysis.urls.map((u) => u.registrable_domain)].filter((d): d is string => !!d).join(" ");
  searchTokens(analysis.subject?.slice(0, 2048) ?? null, 256);
  searchTokens(domains, 512);
  searchTokens(boundSearchBody(bodyText), 4096);
  return { kind: "report", verdict: analysis.verdict };
}

function judge(err: unknown, typed: readonly (abstract new (...args: never[]) => Error)[]): Outcome {
  if (typed.some((t) => err instanceof t)) return { kind: "refused", error: (err as Error).name };
  return { kind: "bug", error: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack?.split("\n").slice(1, 4).join("\n")}` : String(err) };
}

/** POST /v1/analyze/email with this body. */
export async function emailPipeline(raw: string | Uint8Array): Promise<Outcome> {
  try {
    const { analysis, bodyText } = await analyzeEmailWithText(raw);
    return finish(analysis, "email", bodyText);
  } catch (err) {
    return judge(err, [EmailParseError]);
  }
}

/** POST /v1/analyze/url with {"urls": inputs}: the route's input check, then the detector. */
export function urlPipeline(inputs: readonly string[]): Outcome {
  const problem = inputs.map(urlInputProblem).find((p) => p !== null);
  if (problem) return { kind: "refused", error: `input check: ${problem}` };
  try {
    return finish(analyzeUrls(inputs.map((u) => u.trim())), "url", null);
  } catch (err) {
    return judge(err, [UrlParseError]);
  }
}

/** The detector's URL entry on its own, with no input check in front (the CLI and links in mail reach it so). */
export function urlDetector(input: string): Outcome {
  try {
    return finish(analyzeUrl(input), "url", null);
  } catch (err) {
    return judge(err, [UrlParseError]);
  }
}
