// The detector's public result types. The analyze function returns these as JSON, so field
// names are snake_case and stable: scripts outside the repo read `verdict` and `score`.

export type Verdict = "phishing" | "suspicious" | "legitimate";

/** One feature's exact contribution (TreeSHAP, in margin/log-odds units) turned into words. */
export interface Reason {
  feature: string;
  value: number | null;
  contribution: number;
  message: string;
}

export interface UrlResult {
  url: string;
  registrable_domain: string | null;
  score: number; // 0-100
  probability: number; // calibrated, 0-1
  verdict: Verdict;
  reasons: Reason[];
}

/** What the message's headers claim. Reported to the user, never used as model input. */
export interface HeaderClaims {
  spf: string | null;
  dkim: string | null;
  dmarc: string | null;
  from_address: string | null;
  from_display_name: string | null;
  from_domain: string | null;
  reply_to_domain: string | null;
  return_path_domain: string | null;
  /** true when the domain's registrable domain equals From's; null when the header is absent. */
  reply_to_aligned: boolean | null;
  return_path_aligned: boolean | null;
}

export interface Analysis {
  kind: "email" | "url";
  verdict: Verdict;
  score: number; // 0-100, round(probability * 100)
  probability: number;
  model_version: string;
  reasons: Reason[];
  urls: UrlResult[];
  headers: HeaderClaims | null; // null for URL analyses
  subject: string | null;
}
