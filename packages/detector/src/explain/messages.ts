// Turns one feature's contribution into a sentence a person understands. Contributions are in margin
// units: > 0 pushes toward phishing, < 0 toward legitimate. A sentence describes the value as it is
// (present or absent, short or long) and adds which way it pushed whenever that is not the obvious
// way, so a short host name that raised the score is never called "unusually long". Evidence (from
// the feature extractors) names the concrete domains and words, and is preferred when present.
import { FLAGS, MISSING } from "./flags.ts";
import { describeMeasure, isMeasure, plural } from "./measures.ts";

export interface ExplainedFeature {
  feature: string;
  value: number | null;
  contribution: number;
}

/**
 * What the sentences of one report share: all its evidence, and the facts already said in full. An IP
 * host or a javascript: link leaves several features without a value; the first reason says why, the
 * others refer back to it instead of repeating it.
 */
export interface ReasonContext {
  evidence: Record<string, string>;
  said: Set<string>;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function humanise(name: string): string {
  return name.replace(/^(url|email)_/, "").replace(/_/g, " ");
}

function effectOf(contribution: number): string {
  const size = Math.abs(contribution) < 0.1 ? " slightly" : "";
  return contribution > 0 ? `raised the score${size}` : `lowered the score${size}`;
}

/** A true statement followed by an effect the reader would not expect from it. */
function yet(statement: string, effect: string): string {
  return `${statement.replace(/[.!?]$/, "")}, yet here that ${effect}.`;
}

function fill(template: string, value: number): string {
  return template.replace(/\{v:([a-z ]{1,40})\}/g, (_, noun: string) => plural(value, noun)).replace("{v}", formatValue(value));
}

// Features that have no value on an IP host, and what an IP address lacks for each.
const IP_LACKS: Record<string, string> = {
  url_host_digit_ratio: "An IP address is not a name, so its share of digits is not measured",
  url_subdomain_depth: "An IP address has no subdomains",
  url_domain_label_length: "An IP address has no domain name",
};

// The flags that state those facts themselves, and what to say when the fact was already said.
const SHARED_FLAGS: Record<string, { key: string; again: string }> = {
  url_is_ip_host: { key: "ip", again: "The IP address as host also counts on its own" },
  url_script_scheme: { key: "script", again: "Being a script link also counts on its own" },
};

/** A sentence for a feature that has no value because of a fact said once per report, or null. */
function notApplicable(name: string, contribution: number, ctx: ReasonContext): string | null {
  const effect = effectOf(contribution);
  const ip = ctx.evidence.url_is_ip_host;
  const script = ctx.evidence.url_script_scheme;
  let key: string;
  let full: string;
  let again: string;
  if (ip && name in IP_LACKS) {
    [key, full, again] = ["ip", sentence(ip), `${IP_LACKS[name]}; that also ${effect}.`];
  } else if (script && name.startsWith("url_")) {
    [key, full, again] = ["script", sentence(script), `A script link has no web address to check for ${FLAGS[name]?.what ?? humanise(name)}; that also ${effect}.`];
  } else {
    return null;
  }
  if (ctx.said.has(key)) return again;
  ctx.said.add(key);
  return contribution > 0 ? full : yet(full, effect);
}

export function describeFeature(
  name: string,
  value: number | null,
  contribution: number,
  evidence?: string,
  ctx: ReasonContext = { evidence: evidence ? { [name]: evidence } : {}, said: new Set() },
): string {
  const risky = contribution > 0;
  const effect = effectOf(contribution);
  if (value === null) {
    const shared = notApplicable(name, contribution, ctx);
    if (shared) return shared;
    const missing = MISSING[name] ?? `The ${FLAGS[name]?.what ?? humanise(name)} could not be measured`;
    return `${missing}, which ${effect}.`;
  }
  if (isMeasure(name)) {
    return describeMeasure(name, { value, risky, effect, evidence, ipHost: ctx.evidence.url_is_ip_host !== undefined })!;
  }
  const flag = FLAGS[name];
  if (!flag) return `The ${humanise(name)} (${formatValue(value)}) ${effect}.`;
  if (value > 0) {
    const shared = SHARED_FLAGS[name];
    if (shared && ctx.said.has(shared.key)) return `${shared.again}, which ${effect}.`;
    if (shared) ctx.said.add(shared.key);
    const present = evidence ? sentence(evidence) : fill(flag.risky, value);
    if (flag.protective) return risky ? yet(present, effect) : `${present.replace(/[.!?]$/, "")}, which ${effect}.`;
    return risky ? present : yet(present, effect);
  }
  if (flag.protective) return risky ? `${flag.absent.replace(/[.!?]$/, "")}, which ${effect}.` : yet(flag.absent, effect);
  return risky ? yet(flag.absent, effect) : flag.absent;
}

/** The sentences of one report's reasons, in order; facts shared by several reasons are said once. */
export function describeFeatures(reasons: readonly ExplainedFeature[], evidence: Record<string, string>): string[] {
  const ctx: ReasonContext = { evidence, said: new Set() };
  return reasons.map((r) => describeFeature(r.feature, r.value, r.contribution, evidence[r.feature], ctx));
}

/** Names that have a dedicated wording (tests use it to check coverage of the feature lists). */
export function hasWording(name: string): boolean {
  return name in FLAGS || isMeasure(name);
}
