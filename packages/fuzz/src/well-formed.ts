// What "a well-formed report" means for the properties and the fuzz run: every field a client reads
// has its documented type and range, and the report survives JSON (no NaN or Infinity turned into null).
import type { Analysis, Reason, UrlResult } from "@traceo/detector";

const VERDICTS = new Set(["phishing", "suspicious", "legitimate"]);
const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function reasonProblems(r: Reason, where: string): string[] {
  const out: string[] = [];
  if (typeof r.feature !== "string" || r.feature === "") out.push(`${where}.feature is not a name`);
  if (r.value !== null && !finite(r.value)) out.push(`${where}.value ${r.value} is not finite`);
  if (!finite(r.contribution)) out.push(`${where}.contribution ${r.contribution} is not finite`);
  if (typeof r.message !== "string" || r.message.trim() === "") out.push(`${where}.message is empty`);
  return out;
}

function scoreProblems(x: { score: number; probability: number; verdict: string }, where: string): string[] {
  const out: string[] = [];
  if (!Number.isInteger(x.score) || x.score < 0 || x.score > 100) out.push(`${where}.score ${x.score} is not an integer in 0-100`);
  if (!finite(x.probability) || x.probability < 0 || x.probability > 1) out.push(`${where}.probability ${x.probability} is not in [0, 1]`);
  else if (x.score !== Math.round(x.probability * 100)) out.push(`${where}.score ${x.score} is not round(probability * 100)`);
  if (!VERDICTS.has(x.verdict)) out.push(`${where}.verdict ${x.verdict} is not a verdict`);
  return out;
}

function urlProblems(u: UrlResult, where: string): string[] {
  return [
    ...(typeof u.url === "string" && u.url !== "" ? [] : [`${where}.url is empty`]),
    ...(u.registrable_domain === null || typeof u.registrable_domain === "string" ? [] : [`${where}.registrable_domain is not a string`]),
    ...scoreProblems(u, where),
    ...u.reasons.flatMap((r, i) => reasonProblems(r, `${where}.reasons[${i}]`)),
  ];
}

/** Everything wrong with an analysis; empty when it is well formed. */
export function analysisProblems(a: Analysis, kind: "email" | "url"): string[] {
  const out: string[] = [];
  if (a.kind !== kind) out.push(`kind ${a.kind}, expected ${kind}`);
  out.push(...scoreProblems(a, "report"));
  if (typeof a.model_version !== "string" || a.model_version === "") out.push("model_version is empty");
  if (!Array.isArray(a.reasons) || a.reasons.length > 5) out.push("reasons is not a list of at most 5");
  else out.push(...a.reasons.flatMap((r, i) => reasonProblems(r, `reasons[${i}]`)));
  if (!Array.isArray(a.urls) || a.urls.length > 100) out.push("urls is not a list of at most 100");
  else out.push(...a.urls.flatMap((u, i) => urlProblems(u, `urls[${i}]`)));
  if (kind === "url" && (a.headers !== null || a.subject !== null)) out.push("a URL report has headers or a subject");
  if (kind === "url" && a.urls.length === 0) out.push("a URL report lists no URL");
  if (kind === "email" && (a.headers === null || typeof a.headers !== "object")) out.push("an email report has no headers object");
  if (a.subject !== null && typeof a.subject !== "string") out.push("subject is not a string");
  let nonFinite = 0;
  JSON.stringify(a, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) && nonFinite++, v));
  if (nonFinite > 0) out.push(`${nonFinite} numbers would not survive JSON`);
  return out;
}
