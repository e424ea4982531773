// In-process analysis: the same detector, model and report mapping as the analyze Worker, with the
// same refusals (size, empty body, unusable URL) so a scan gives the answer the API would.
import { installWindows1252Fix } from "./windows-1252.ts";
import { analyzeEmail, analyzeUrl, EmailParseError, reportFields, UrlParseError, urlInputProblem } from "@traceo/detector";
import type { Work } from "../inputs/work.ts";
import { emptyMessageError, MAX_EMAIL_BYTES, problemDetail, type Outcome } from "./outcome.ts";

installWindows1252Fix(); // so MIME text decodes as in workerd (see windows-1252.ts)

async function emailOutcome(raw: Uint8Array, source: Work["source"]): Promise<Outcome> {
  if (raw.length === 0) return { error: emptyMessageError(source) };
  if (raw.length > MAX_EMAIL_BYTES) return { error: { status: 413, detail: `The body must be at most ${MAX_EMAIL_BYTES} bytes.` } };
  try {
    return { report: reportFields(await analyzeEmail(raw)) };
  } catch (err) {
    if (err instanceof EmailParseError) return { error: { status: 422, detail: err.message } };
    throw err;
  }
}

function urlOutcome(url: string): Outcome {
  const problem = urlInputProblem(url);
  if (problem !== null) return { error: { status: 422, detail: problemDetail("Some URLs are not usable strings.", [{ path: "/url", message: problem }]) } };
  try {
    return { report: reportFields(analyzeUrl(url.trim())) };
  } catch (err) {
    if (err instanceof UrlParseError) return { error: { status: 422, detail: err.message } };
    throw err;
  }
}

export function localAnalyzer(): (work: Work) => Promise<Outcome> {
  return async (work) => (work.kind === "email" ? emailOutcome(work.raw, work.source) : urlOutcome(work.url));
}
