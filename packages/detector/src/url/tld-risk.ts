// Top-level domains with a high phishing-abuse *rate* (phishing domains per domain registered), from
// public reports, never from our training data (that would be leakage): Interisle Consulting's
// Phishing Landscape 2024 (worst phishing domain scores: .lol .bond .support .top .sbs) and 2025, and the
// Cybercrime Information Center's quarterly TLD tables to Oct 2025 (TLDs scoring at least ~5x .com),
// plus Interisle's "Phishing in the 2020s" five-year view (ShortDot's .bond .cfd .cyou .icu .sbs, and the
// Freenom ccTLDs .tk .ml .ga .cf .gq, abused until Freenom stopped in 2023). Common TLDs with many
// phishing domains only because they are big (.com .net .org .info .cn .ru) are not listed.
// Computed but not yet a model input (feature_policy.py, DROPPED): our benign corpora hardly sample these
// TLDs, so a model learns "never legitimate" instead of the real rate.
export const HIGH_ABUSE_TLDS: ReadonlySet<string> = new Set([
  "top", "xyz", "bond", "cfd", "sbs", "icu", "cyou", "lol", "xin", "vip", "shop", "live", "mobi", "world",
  "support", "tk", "ml", "ga", "cf", "gq",
]);

/** 1 when the host's top-level domain is on the curated high-abuse list. */
export function tldRisk(publicSuffix: string | null): number {
  if (!publicSuffix) return 0;
  const tld = publicSuffix.slice(publicSuffix.lastIndexOf(".") + 1);
  return HIGH_ABUSE_TLDS.has(tld) ? 1 : 0;
}
