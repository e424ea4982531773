// Wordings of the measured features (lengths, counts, ratios). A tree model can push toward phishing
// because a value is short, long or merely ordinary, so each sentence first says where the value lies
// against what legitimate addresses usually have, then which way it pushed when that is not the
// obvious way ("The host name is unusually short (6 characters; most are 9–21), which raised the score").

/**
 * Usual values on legitimate addresses: the 10th–90th percentiles of each feature over the ~71,700
 * benign rows of the shared training data (urls.csv.gz and urls_benign_diverse.csv.gz, through this
 * detector's urlFeatures, December 2026). Only used for wording; the model never sees them, so a
 * retrained model needs no change here unless the features change.
 */
export const USUAL_URL_RANGES = {
  url_host_length: [9, 21],
  url_host_entropy: [2.75, 3.68],
  url_domain_label_length: [5, 16],
  url_path_length: [0, 52],
  url_path_depth: [0, 3],
} as const;

export interface MeasureInput {
  value: number;
  /** The contribution pushed toward phishing. */
  risky: boolean;
  /** "raised the score" / "lowered the score", with "slightly" for small contributions. */
  effect: string;
  /** Concrete text from the feature module (e.g. which subdomains), when there is some. */
  evidence?: string;
  /** The host is an IP address: say "IP address" where a sentence would say "host name". */
  ipHost?: boolean;
}

type Describe = (m: MeasureInput) => string;

export function plural(n: number, noun: string): string {
  if (n === 1) return `1 ${noun}`;
  const many = /(?:s|x|ch|sh)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
  return `${n} ${many}`;
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** A length-like measure judged against its usual range: short, usual or long. */
function againstRange(noun: string, dimension: string, unit: string, range: readonly [number, number], words: [string, string]): Describe {
  const [lo, hi] = range;
  const [small, large] = words;
  return ({ value, risky, effect, ipHost }) => {
    const subject = ipHost && noun === "host name" ? "IP address" : noun;
    const amount = plural(value, unit);
    const usual = `most are ${lo}–${hi}`;
    if (value > hi) return risky ? `The ${subject} is unusually ${large} (${amount}; ${usual}).` : `The ${subject} is ${large} (${amount}; ${usual}), yet here that ${effect}.`;
    if (value < lo) return risky ? `The ${subject} is unusually ${small} (${amount}; ${usual}), which ${effect}.` : `The ${subject} is ${small} (${amount}).`;
    return risky ? `The ${subject}'s ${dimension} (${amount}) ${effect}, though it is within the usual ${lo}–${hi}.` : `The ${subject} has an ordinary ${dimension} (${amount}).`;
  };
}

const MEASURES: Record<string, Describe> = {
  url_host_length: againstRange("host name", "length", "character", USUAL_URL_RANGES.url_host_length, ["short", "long"]),
  url_domain_label_length: againstRange("domain name", "length", "character", USUAL_URL_RANGES.url_domain_label_length, ["short", "long"]),
  url_path_length: (m) =>
    m.value === 0
      ? `The link has no path (it opens the site's front page)${m.risky ? `, which here ${m.effect}` : ""}.`
      : againstRange("path", "length", "character", USUAL_URL_RANGES.url_path_length, ["short", "long"])(m),
  url_path_depth: (m) =>
    m.value === 0
      ? `The link has no folders in its path${m.risky ? `, which here ${m.effect}` : ""}.`
      : againstRange("path", "depth", "level", USUAL_URL_RANGES.url_path_depth, ["shallow", "deep"])(m),
  url_host_entropy: ({ value, risky, effect, ipHost }) => {
    const [, hi] = USUAL_URL_RANGES.url_host_entropy;
    if (ipHost) return `The mix of characters in the IP address ${effect}.`;
    if (risky) return value > hi ? "The host name looks random or machine-generated." : `The mix of letters in the host name ${effect}, though it does not look random.`;
    return value > hi ? `The host name's mix of letters looks random, yet here that ${effect}.` : "The host name does not look random.";
  },
  url_host_digit_ratio: ({ value, risky, effect }) => {
    if (value === 0) return risky ? `The host name has no digits, which here ${effect}.` : "The host name has no digits.";
    return risky ? `The host name contains digits (${percent(value)} of its characters).` : `The host name contains digits (${percent(value)} of its characters), yet here that ${effect}.`;
  },
  url_host_hyphens: ({ value, risky, effect }) => {
    if (value === 0) return risky ? `The host name has no hyphens, which here ${effect}.` : "The host name has no hyphens.";
    if (!risky) return `The host name contains ${plural(value, "hyphen")}, yet here that ${effect}.`;
    return value === 1 ? `The host name contains a hyphen, which ${effect}.` : `The host name strings words together with ${plural(value, "hyphen")}.`;
  },
  url_subdomain_depth: ({ value, risky, effect, evidence }) => {
    const which = evidence ? ` (${evidence})` : "";
    if (value === 0) return risky ? `The address has no subdomain in front of the domain, which here ${effect}.` : "The address has no subdomain in front of the domain.";
    if (!risky) return `The address has ${plural(value, "subdomain level")}${which}, yet here that ${effect}.`;
    if (value === 1) return evidence ? `The address has the subdomain ${evidence}, which ${effect}.` : `The address has a subdomain in front of the domain, which ${effect}.`;
    return evidence ? `The address stacks ${plural(value, "subdomain level")}${which}.` : `The address stacks ${plural(value, "subdomain level")} in front of the real domain.`;
  },
  url_encoded_chars: ({ value, risky, effect }) => {
    if (value === 0) return risky ? `The address has no percent-encoded characters, which here ${effect}.` : "The address has no percent-encoded characters.";
    return risky ? `The address contains ${plural(value, "percent-encoded character")}, which can hide text.` : `The address contains ${plural(value, "percent-encoded character")}, yet here that ${effect}.`;
  },
  url_special_chars: ({ value, risky, effect }) => {
    if (value === 0) return risky ? `The address has no unusual characters such as @ ~ ! $ * ; ( ), which here ${effect}.` : "The address has no unusual characters such as @ ~ ! $ * ; ( ).";
    return risky ? `The address contains ${plural(value, "unusual character")} such as @ ~ ! $ * ; ( ).` : `The address contains ${plural(value, "unusual character")} such as @ ~ ! $ * ; ( ), yet here that ${effect}.`;
  },
  url_path_random_token: ({ value, risky, effect }) => {
    if (value === 0) return risky ? `The path has no machine-made code of letters and digits, which here ${effect}.` : "The path has no machine-made code of letters and digits.";
    return risky ? `The path contains a machine-made code of letters and digits (${plural(value, "character")}).` : `The path contains a code of letters and digits (${plural(value, "character")}), yet here that ${effect}.`;
  },
  url_path_digit_ratio: ({ value, risky, effect }) => {
    if (value === 0) return risky ? `The path has no digits, which here ${effect}.` : "The path has no digits.";
    return risky ? `Digits make up ${percent(value)} of the path, which ${effect}.` : `Digits make up ${percent(value)} of the path, yet here that ${effect}.`;
  },
  url_path_token_entropy: ({ value, risky, effect }) => {
    if (value === 0) return `The path has no words to judge for randomness${risky ? `, which here ${effect}` : ""}.`;
    return risky ? `The mix of characters in the path's words ${effect}.` : `The path's words read like ordinary words or names, which ${effect}.`;
  },
  // E-mail: what is usual differs a lot between kinds of mail, so these state the value and its effect.
  email_link_count: ({ value, risky, effect }) => {
    if (value === 0) return risky ? `The message contains no web links, which here ${effect}.` : "The message contains no web links.";
    return risky ? `The number of links (${value}) ${effect}.` : `The number of links (${value}) looks ordinary.`;
  },
  email_link_domains: ({ value, risky, effect }) => {
    if (value === 0) return `The message has no web links, so no link domains${risky ? `, which here ${effect}` : ""}.`;
    const spread = value === 1 ? "All links lead to one domain" : `The links lead to ${value} different domains`;
    return risky ? `${spread}, which ${effect}.` : `${spread}.`;
  },
  email_link_offdomain_ratio: ({ value, risky, effect }) => {
    if (value === 1) return risky ? "All links lead away from the sender's own domain." : `All links lead away from the sender's own domain, yet here that ${effect}.`;
    if (value === 0) return risky ? `All links stay on the sender's own domain, yet here that ${effect}.` : "All links stay on the sender's own domain.";
    const share = `${percent(value)} of the links lead away from the sender's own domain`;
    if (value > 0.5) return risky ? `Most links (${percent(value)}) lead away from the sender's own domain.` : `${share}, yet here that ${effect}.`;
    if (value === 0.5) return `Half of the links lead away from the sender's own domain, which ${effect}.`;
    return risky ? `${share}, which ${effect}.` : `The links mostly stay on the sender's own domain (${percent(value)} lead elsewhere).`;
  },
  email_link_density: ({ value, risky, effect }) => {
    const rate = `${plural(Math.round(value * 100) / 100, "link")} per 100 words`;
    if (value === 0) return risky ? `The text is not crowded with links (it has no web links), which here ${effect}.` : "The text is not crowded with links (it has no web links).";
    if (value >= 50) return risky ? `The message is mostly links with little text (${rate}).` : `The message is mostly links (${rate}), yet here that ${effect}.`;
    return risky ? `The share of links in the text (${rate}) ${effect}.` : `The message has an ordinary balance of text and links (${rate}).`;
  },
  email_attachment_count: ({ value, risky, effect }) => {
    if (value === 0) return risky ? `The message has no attachments, which here ${effect}.` : "The message has no attachments.";
    return risky ? `The message carries ${plural(value, "attachment")}.` : `The message carries ${plural(value, "attachment")}, which ${effect}.`;
  },
};

export function isMeasure(name: string): boolean {
  return name in MEASURES;
}

export function describeMeasure(name: string, m: MeasureInput): string | null {
  const describe = MEASURES[name];
  return describe ? describe(m) : null;
}
