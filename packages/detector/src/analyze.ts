// The detector's entry points: raw email or URL(s) in, verdict with exact explanations out.
// The model JSON is imported statically, so a Worker parses and compiles it once per isolate.

import { EMAIL_FEATURE_NAMES, emailFeatures, headerClaims, parseEmail } from "./email/index.ts";
import { describeFeature } from "./explain/index.ts";
import { compileModel, type TreeEnsemble } from "./model/evaluator.ts";
import { bindFeatures, toModelRow } from "./model/feature-vector.ts";
import type { ModelJson } from "./model/model-json.ts";
import { scoreRow, type RowScore } from "./model/score.ts";
import { worstVerdict } from "./model/thresholds.ts";
import { URL_FEATURE_NAMES, urlFeatures } from "./url/index.ts";
import type { Analysis, Reason, UrlResult, Verdict } from "./types.ts";
import emailModelJson from "../models/email-model.json" with { type: "json" };
import urlModelJson from "../models/url-model.json" with { type: "json" };

const EMAIL_MODEL: TreeEnsemble = compileModel(emailModelJson as unknown as ModelJson);
const URL_MODEL: TreeEnsemble = compileModel(urlModelJson as unknown as ModelJson);
// Bound by name once: throws at load if the feature module stopped producing a feature the model needs.
const EMAIL_BINDING = bindFeatures(EMAIL_MODEL, EMAIL_FEATURE_NAMES);
const URL_BINDING = bindFeatures(URL_MODEL, URL_FEATURE_NAMES);

export const MODEL_VERSIONS: { email: string; url: string } = {
  email: EMAIL_MODEL.version,
  url: URL_MODEL.version,
};

const TOP_REASONS = 5;
const URL_REASONS = 3;
const MAX_URLS = 100;

/**
 * Largest contributions first, in the direction of the verdict: for phishing/suspicious the features
 * that pushed toward phishing, for legitimate the ones that pushed away from it.
 */
function topReasons(
  model: TreeEnsemble,
  row: Float32Array,
  scored: RowScore,
  evidence: Record<string, string>,
  limit: number,
): Reason[] {
  const contributions = scored.shap!.contributions;
  const sign = scored.verdict === "legitimate" ? -1 : 1;
  const order = Array.from(contributions.keys())
    .filter((j) => contributions[j]! * sign > 1e-6)
    .sort((a, b) => contributions[b]! * sign - contributions[a]! * sign || a - b)
    .slice(0, limit);
  return order.map((j) => {
    const feature = model.featureNames[j]!;
    const value = Number.isNaN(row[j]!) ? null : row[j]!;
    const contribution = contributions[j]!;
    return { feature, value, contribution, message: describeFeature(feature, value, contribution, evidence[feature]) };
  });
}

interface ScoredUrl {
  result: UrlResult;
  scored: RowScore;
  row: Float32Array;
  evidence: Record<string, string>;
}

function urlResult(url: string): ScoredUrl {
  const f = urlFeatures(url);
  const row = toModelRow(URL_BINDING, f.values);
  const scored = scoreRow(URL_MODEL, row, true);
  return {
    scored,
    row,
    evidence: f.evidence,
    result: {
      url: f.url,
      registrable_domain: f.registrable_domain,
      score: scored.score,
      probability: scored.probability,
      verdict: scored.verdict,
      reasons: topReasons(URL_MODEL, row, scored, f.evidence, URL_REASONS),
    },
  };
}

/** Results for the links of an email; a link that does not parse is simply not reported. */
function linkResults(urls: readonly string[]): UrlResult[] {
  const out: UrlResult[] = [];
  for (const url of urls.slice(0, MAX_URLS)) {
    try {
      out.push(urlResult(url).result);
    } catch (err) {
      if ((err as Error).name !== "UrlParseError") throw err;
    }
  }
  return out;
}

/** Analyse one raw RFC 822 message. Throws EmailParseError for input that is not an email. */
export async function analyzeEmail(raw: string | Uint8Array | ArrayBuffer): Promise<Analysis> {
  const parsed = await parseEmail(raw);
  const f = emailFeatures(parsed);
  const row = toModelRow(EMAIL_BINDING, f.values);
  const scored = scoreRow(EMAIL_MODEL, row, true);
  return {
    kind: "email",
    verdict: scored.verdict,
    score: scored.score,
    probability: scored.probability,
    model_version: EMAIL_MODEL.version,
    reasons: topReasons(EMAIL_MODEL, row, scored, f.evidence, TOP_REASONS),
    urls: linkResults(f.urls),
    headers: headerClaims(parsed),
    subject: parsed.subject,
  };
}

/** Analyse several URLs; the combined verdict, score and reasons are those of the worst URL. */
export function analyzeUrls(urls: readonly string[]): Analysis {
  if (urls.length === 0) throw new RangeError("analyzeUrls needs at least one URL");
  // Throws UrlParseError (from the feature module) for the first URL that does not parse.
  const scored = urls.map((u) => urlResult(u));
  let worst = scored[0]!;
  for (const s of scored) if (s.scored.margin > worst.scored.margin) worst = s;
  const verdict: Verdict = worstVerdict(scored.map((s) => s.result.verdict));
  return {
    kind: "url",
    verdict,
    score: worst.result.score,
    probability: worst.result.probability,
    model_version: URL_MODEL.version,
    reasons: topReasons(URL_MODEL, worst.row, worst.scored, worst.evidence, TOP_REASONS),
    urls: scored.map((s) => s.result),
    headers: null,
    subject: null,
  };
}

export function analyzeUrl(url: string): Analysis {
  return analyzeUrls([url]);
}
