// Verdict from the margin. Thresholds were chosen at training time on out-of-fold predictions:
// `phishing` keeps the false-positive rate on legitimate mail (or benign URLs) at or below 0.5%,
// `suspicious` is the band below it.

import type { Verdict } from "../types.ts";
import type { ModelJson } from "./model-json.ts";

export function verdictFor(thresholds: ModelJson["thresholds"], margin: number): Verdict {
  if (margin >= thresholds.phishing.margin) return "phishing";
  if (margin >= thresholds.suspicious.margin) return "suspicious";
  return "legitimate";
}

const RANK: Record<Verdict, number> = { legitimate: 0, suspicious: 1, phishing: 2 };

export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = "legitimate";
  for (const v of verdicts) if (RANK[v] > RANK[worst]) worst = v;
  return worst;
}
