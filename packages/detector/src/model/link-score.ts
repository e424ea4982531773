// The email model's one model-derived input: the highest URL-model margin over the message's links
// (train.py's link_scores.py computes the same value from the same URL model). Null without links.

import type { Verdict } from "../types.ts";

export const LINK_SCORE_FEATURE = "email_link_url_score_max";

export interface ScoredLink {
  url: string;
  margin: number;
  score: number;
  /** The URL model's own verdict on the link (used for wording only). */
  verdict?: Verdict;
}

/** The link with the highest URL-model margin, or null when the message has no scorable links. */
export function riskiestLink(links: readonly ScoredLink[]): ScoredLink | null {
  let best: ScoredLink | null = null;
  for (const l of links) if (best === null || l.margin > best.margin) best = l;
  return best;
}

/**
 * The riskiest link's URL-model score, in the direction it pushed the email's score. A link the URL
 * model itself calls legitimate can still raise an email's score (it is riskier than most mail links),
 * so the sentence only calls it phishing or suspicious when the URL model did.
 */
export function describeLinkScore(link: ScoredLink | null, contribution: number): string {
  const effect = contribution > 0 ? "raised the score" : "lowered the score";
  if (link === null) return contribution > 0 ? `The message has no web links to check, which here ${effect}.` : "The message has no web links to check.";
  const scored = `URL model score ${link.score}/100`;
  if (contribution > 0) {
    if (link.verdict === "phishing") return `The link ${link.url} looks like a phishing address (${scored}).`;
    if (link.verdict === "suspicious") return `The link ${link.url} looks suspicious (${scored}).`;
    return `The riskiest link, ${link.url}, is not flagged on its own (${scored}) but ${effect}.`;
  }
  if (link.verdict === "legitimate" || link.verdict === undefined) return `Its links look ordinary: the riskiest, ${link.url}, scores ${link.score}/100 on the URL model.`;
  return `The riskiest link, ${link.url}, scores ${link.score}/100 on the URL model, yet here the links ${effect}.`;
}
