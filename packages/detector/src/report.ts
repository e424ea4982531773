// What an analysis looks like to clients: the fields of the API's report, in the API's order. The
// analyze Worker adds `id` and `created_at`; the CLI adds where the message came from. Both build the
// rest here, so `traceo scan` and the API answer the same JSON for the same message.
import type { Analysis } from "./types.ts";

export type ReportFields = Pick<Analysis, "kind" | "verdict" | "score" | "probability" | "model_version" | "reasons" | "urls" | "headers" | "subject">;

export function reportFields(analysis: Analysis): ReportFields {
  return {
    kind: analysis.kind,
    verdict: analysis.verdict,
    score: analysis.score,
    probability: analysis.probability,
    model_version: analysis.model_version,
    reasons: analysis.reasons,
    urls: analysis.urls,
    headers: analysis.headers,
    subject: analysis.subject,
  };
}

/** The API's answer: a stored report's identity, then the analysis. */
export function toReport(analysis: Analysis, id: string, createdAt: Date): { id: string; created_at: string } & ReportFields {
  return { id, created_at: createdAt.toISOString(), ...reportFields(analysis) };
}
