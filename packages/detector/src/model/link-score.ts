// The email model's one model-derived input: the highest URL-model margin over the message's links
// (train.py's link_scores.py computes the same value from the same URL model). Null without links.

export const LINK_SCORE_FEATURE = "email_link_url_score_max";

export interface ScoredLink {
  url: string;
  margin: number;
  score: number;
}

/** The link with the highest URL-model margin, or null when the message has no scorable links. */
export function riskiestLink(links: readonly ScoredLink[]): ScoredLink | null {
  let best: ScoredLink | null = null;
  for (const l of links) if (best === null || l.margin > best.margin) best = l;
  return best;
}

export function describeLinkScore(link: ScoredLink | null, contribution: number): string {
  if (link === null) return "The message has no links to check.";
  return contribution > 0
    ? `The link ${link.url} looks like a phishing address (URL model score ${link.score}/100).`
    : `Its links look ordinary: the riskiest, ${link.url}, scores ${link.score}/100 on the URL model.`;
}
