// E-mail features: only what the sender controls (addresses, display name, subject, body,
// links, attachments). Nothing from receiving servers, dates, list software or collectors
// (see the data README); placeholders are neutralised before anything is read.
import { domainBelongsToBrand } from "../url/brands.ts";
import { hostFacts } from "../url/host.ts";
import { URL_FEATURE_NAMES, urlFeatures, type UrlFeatures } from "../url/features.ts";
import {
  ACTION_LINK_PHRASES,
  CREDENTIAL_PHRASES, GENERIC_GREETINGS, normaliseForPhrases, phraseHits, PRIZE_PHRASES, THREAT_PHRASES, URGENCY_PHRASES,
} from "../text/lexicon.ts";
import { disguisedWords } from "../text/disguised-words.ts";
import { greetsByAddress, isMalformedAddress, subjectHasAddress } from "./address-signals.ts";
import { attachmentFacts } from "./attachments.ts";
import { brandNamedIn, dominantBrandInText, FREEMAIL_LABELS } from "./brand-text.ts";
import { addressDomain, addressRegistrableDomain } from "./domains.ts";
import { scanHtml, type HtmlScan } from "./html.ts";
import { anchorMismatches, isScriptHref, isWebHref, urlsInText } from "./links.ts";
import type { ParsedEmail } from "./parse.ts";
import { neutralisePlaceholders, neutraliseSenderPlaceholders } from "./placeholders.ts";

export const EMAIL_FEATURE_NAMES = [
  // sender
  "email_replyto_mismatch",
  "email_display_name_brand_claim",
  "email_display_name_has_address",
  "email_from_lookalike",
  "email_from_brand_in_domain",
  "email_from_freemail",
  // language
  "email_subject_urgency",
  "email_urgency_terms",
  "email_credential_terms",
  "email_threat_terms",
  "email_generic_greeting",
  // links
  "email_link_count",
  "email_link_domains",
  "email_link_offdomain_ratio",
  "email_link_density",
  "email_link_text_mismatch",
  "email_link_ip",
  "email_link_lookalike",
  "email_link_brand_in_host",
  "email_link_shortener",
  "email_link_free_hosting",
  "email_link_userinfo",
  "email_link_script_scheme",
  "email_link_email_in_url",
  "email_link_suspicious_tokens_max",
  "email_link_risky_file",
  "email_link_nonstandard_port",
  "email_brand_claim_link_mismatch",
  // html
  "email_html_forms",
  "email_html_password_fields",
  "email_html_scripts",
  "email_html_meta_refresh",
  "email_image_only",
  // attachments
  "email_attachment_count",
  "email_attachment_html",
  "email_attachment_html_active",
  "email_attachment_executable",
  "email_attachment_macro_document",
  "email_attachment_archive",
  "email_attachment_double_extension",
  "email_attachment_type_mismatch",
  // added after v1 (appended so existing positions do not move)
  "email_replyto_freemail",
  "email_link_action_text",
  "email_body_brand_offdomain",
  // added in v3: multilingual bait, disguised letters, address oddities
  "email_prize_terms",
  "email_text_mixed_script_words",
  "email_subject_mixed_script",
  "email_display_name_mixed_script",
  "email_from_malformed",
  "email_subject_has_address",
  "email_greeting_address",
  "email_subject_brand_claim",
] as const;

export type EmailFeatureName = (typeof EMAIL_FEATURE_NAMES)[number];

export interface EmailFeatures {
  values: (number | null)[];
  evidence: Record<string, string>;
  urls: string[];
}

const INDEX: Record<string, number> = Object.fromEntries(EMAIL_FEATURE_NAMES.map((n, i) => [n, i]));
const MAX_URLS = 100;

const FU = URL_FEATURE_NAMES.reduce<Record<string, number>>((acc, n, i) => ((acc[n] = i), acc), {});

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  const limit = Math.min(text.length, 500_000);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    const space = c <= 32 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** urlFeatures that returns null instead of throwing, memoised per message (links repeat a lot). */
function urlFeaturesMemo(): (url: string) => UrlFeatures | null {
  const memo = new Map<string, UrlFeatures | null>();
  return (url) => {
    let f = memo.get(url);
    if (f === undefined) {
      try {
        f = urlFeatures(url);
      } catch {
        f = null;
      }
      memo.set(url, f);
    }
    return f;
  };
}

function num(f: UrlFeatures, name: string): number {
  return f.values[FU[name] as number] ?? 0;
}

export function emailFeatures(parsed: ParsedEmail): EmailFeatures {
  const values: (number | null)[] = EMAIL_FEATURE_NAMES.map(() => null);
  const evidence: Record<string, string> = {};
  const set = (name: EmailFeatureName, v: number | null, why?: string) => {
    values[INDEX[name] as number] = v;
    if (why && v) evidence[name] = why;
  };

  // ---- sender -------------------------------------------------------------------------
  // The collectors' own mailboxes (phishing@pot, yyyy@...) also stand in for senders: neutralise them too.
  const fromAddress = neutraliseSenderPlaceholders(parsed.from?.address ?? "");
  const fromDomain = addressDomain(fromAddress);
  const fromReg = addressRegistrableDomain(fromAddress);
  const fromFacts = fromDomain ? hostFacts(fromDomain) : null;
  const displayName = neutraliseSenderPlaceholders(parsed.from?.name ?? "");

  const rawReplyTo = parsed.replyTo.find((m) => m.address)?.address;
  const replyTo = rawReplyTo ? neutraliseSenderPlaceholders(rawReplyTo) : null;
  const replyReg = addressRegistrableDomain(replyTo);
  set("email_replyto_mismatch", replyReg && fromReg ? (replyReg !== fromReg ? 1 : 0) : null,
    `replies go to ${replyReg} although the message is from ${fromReg}`);

  // "noreply@netflix": the fallback fromReg is the bare host, and "comes from netflix" would read as
  // if Netflix sent it. Wording only: the feature values stay as they are.
  const mailFrom = fromFacts && !fromFacts.registrableDomain && !fromFacts.ip
    ? `the sender's address (${fromAddress.slice(0, 100)}) has no real domain`
    : `the mail comes from ${fromReg}`;
  const claimed = displayName ? brandNamedIn(displayName) : null;
  const claimMismatch = claimed !== null && fromReg !== null && !domainBelongsToBrand(claimed, fromReg);
  set("email_display_name_brand_claim", fromReg ? (claimMismatch ? 1 : 0) : null,
    claimed ? `the sender's name claims to be ${claimed.name} but ${mailFrom}` : undefined);

  // The local part starts where its run of address characters starts (lookbehind): retrying it from every
  // position of a long run is what made the search quadratic; a local part over 64 characters is no address.
  const nameAddress = /(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5})/i.exec(displayName);
  const nameAddrReg = nameAddress ? addressRegistrableDomain(nameAddress[0]) : null;
  set("email_display_name_has_address", fromReg ? (nameAddrReg && nameAddrReg !== fromReg ? 1 : 0) : null,
    `the sender's name shows the address ${nameAddress?.[0]} but the mail comes from ${fromReg}`);

  set("email_from_lookalike", fromFacts ? (fromFacts.lookalike ? 1 : 0) : null,
    fromFacts?.lookalike ? `the sender's domain ${fromFacts.unicodeHost} imitates ${fromFacts.lookalike.brand.name}` : undefined);
  set("email_from_brand_in_domain", fromFacts ? (fromFacts.brandMention ? 1 : 0) : null,
    fromFacts?.brandMention ? `the sender's domain ${fromFacts.host} names ${fromFacts.brandMention.brand.name} but is not theirs` : undefined);
  set("email_from_freemail", fromFacts ? (FREEMAIL_LABELS.has(fromFacts.domainLabel) ? 1 : 0) : null,
    `the mail comes from a free webmail address (${fromReg})`);

  // ---- body ---------------------------------------------------------------------------
  const html = parsed.html ? neutralisePlaceholders(parsed.html) : null;
  const text = parsed.text ? neutralisePlaceholders(parsed.text) : null;
  const scan: HtmlScan | null = html ? scanHtml(html) : null;
  const readable = scan ? scan.visibleText : text ?? "";
  const subject = neutralisePlaceholders(parsed.subject ?? "");
  const words = countWords(readable);

  const subjectNorm = normaliseForPhrases(subject);
  const subjectHits = [...phraseHits(subjectNorm, URGENCY_PHRASES), ...phraseHits(subjectNorm, THREAT_PHRASES)];
  set("email_subject_urgency", subjectHits.length, `the subject says ${subjectHits.slice(0, 3).map((h) => `"${h}"`).join(", ")}`);
  const bodyNorm = normaliseForPhrases(readable);
  const urgency = phraseHits(bodyNorm, URGENCY_PHRASES);
  set("email_urgency_terms", urgency.length, `the message pushes for haste: ${urgency.slice(0, 3).map((h) => `"${h}"`).join(", ")}`);
  const creds = phraseHits(bodyNorm, CREDENTIAL_PHRASES);
  set("email_credential_terms", creds.length, `the message asks about credentials or payment details: ${creds.slice(0, 3).map((h) => `"${h}"`).join(", ")}`);
  const threats = phraseHits(bodyNorm, THREAT_PHRASES);
  set("email_threat_terms", threats.length, `the message threatens the account: ${threats.slice(0, 3).map((h) => `"${h}"`).join(", ")}`);
  const greet = phraseHits(bodyNorm.slice(0, 2000), GENERIC_GREETINGS);
  set("email_generic_greeting", greet.length ? 1 : 0, `the message opens with a generic greeting ("${greet[0]}")`);

  // ---- links --------------------------------------------------------------------------
  const rawLinks: string[] = [];
  let scriptLinks = 0;
  for (const a of scan?.anchors ?? []) {
    if (isScriptHref(a.href)) scriptLinks++;
    else if (isWebHref(a.href)) rawLinks.push(a.href);
  }
  for (const action of scan?.formActions ?? []) if (isWebHref(action)) rawLinks.push(action);
  if (text) rawLinks.push(...urlsInText(text));
  if (scan) rawLinks.push(...urlsInText(scan.textOutsideAnchors));

  const safeUrlFeatures = urlFeaturesMemo();
  const seen = new Set<string>();
  const linkFeatures: UrlFeatures[] = [];
  for (const raw of rawLinks) {
    if (linkFeatures.length >= MAX_URLS) break;
    const f = safeUrlFeatures(raw);
    if (!f || seen.has(f.url)) continue;
    seen.add(f.url);
    linkFeatures.push(f);
  }
  const urls = linkFeatures.map((f) => f.url);
  const linkDomains = new Set(linkFeatures.map((f) => f.registrable_domain ?? f.host));
  const hasLinks = linkFeatures.length > 0;
  set("email_link_count", linkFeatures.length);
  set("email_link_domains", linkDomains.size);
  const offDomain = linkFeatures.filter((f) => (f.registrable_domain ?? f.host) !== fromReg).length;
  set("email_link_offdomain_ratio", hasLinks && fromReg ? Math.round((offDomain / linkFeatures.length) * 1000) / 1000 : null);
  set("email_link_density", Math.min(100, Math.round((linkFeatures.length / Math.max(words, 1)) * 100 * 100) / 100));

  const hrefDomain = (href: string) => {
    const f = safeUrlFeatures(href);
    return f ? f.registrable_domain ?? (f.host || null) : null;
  };
  const mismatches = anchorMismatches(scan?.anchors ?? [], hrefDomain);
  const firstMismatch = mismatches[0];
  set("email_link_text_mismatch", mismatches.length,
    firstMismatch ? `the link text shows ${firstMismatch.shown} but points to ${firstMismatch.actual}` : undefined);

  const any = (name: string, feature: EmailFeatureName) => {
    const hit = linkFeatures.find((f) => num(f, name) > 0);
    // The URL module speaks of "the link"; in a message it is one of several.
    set(feature, linkFeatures.filter((f) => num(f, name) > 0).length, hit?.evidence[name]?.replace(/^the link\b/, "a link"));
  };
  any("url_is_ip_host", "email_link_ip");
  any("url_brand_lookalike", "email_link_lookalike");
  any("url_brand_in_host", "email_link_brand_in_host");
  any("url_is_shortener", "email_link_shortener");
  any("url_is_free_hosting", "email_link_free_hosting");
  any("url_has_userinfo", "email_link_userinfo");
  any("url_email_in_url", "email_link_email_in_url");
  any("url_risky_file_extension", "email_link_risky_file");
  any("url_nonstandard_port", "email_link_nonstandard_port");
  set("email_link_script_scheme", scriptLinks, "a link runs a script (javascript: or data: URL) instead of opening a page");
  let maxTokens = 0;
  let maxTokensEvidence: string | undefined;
  // Only links that leave the sender's domain: "/your-account" on the sender's own site is routine.
  for (const f of linkFeatures) {
    if (fromReg !== null && f.registrable_domain === fromReg) continue;
    const n = num(f, "url_suspicious_tokens");
    if (n > maxTokens) {
      maxTokens = n;
      maxTokensEvidence = f.evidence.url_suspicious_tokens?.replace(/^the link/, `a link to ${f.host}`);
    }
  }
  set("email_link_suspicious_tokens_max", maxTokens, maxTokensEvidence);

  const claimedBrand = (claimMismatch ? claimed : null) ?? fromFacts?.lookalike?.brand ?? fromFacts?.brandMention?.brand ?? null;
  const brandLinked = claimedBrand ? linkFeatures.some((f) => domainBelongsToBrand(claimedBrand, f.registrable_domain)) : false;
  set("email_brand_claim_link_mismatch", claimedBrand && hasLinks && !brandLinked ? 1 : 0,
    claimedBrand ? `the message presents itself as ${claimedBrand.name} but none of its links go to ${claimedBrand.name}` : undefined);

  // ---- html ---------------------------------------------------------------------------
  set("email_html_forms", scan ? scan.forms : 0, "the message contains a form that sends what you type to a web server");
  set("email_html_password_fields", scan ? scan.passwordInputs : 0, "the message contains a password field");
  set("email_html_scripts", scan ? scan.scripts : 0, "the message contains scripts");
  set("email_html_meta_refresh", scan?.metaRefresh != null ? 1 : 0, "the message redirects the browser automatically (meta refresh)");
  const textWords = text ? countWords(text) : 0;
  const imageOnly = scan !== null && scan.images > 0 && countWords(scan.visibleText) < 15 && textWords < 15;
  set("email_image_only", imageOnly ? 1 : 0, "the message is an image with almost no text, which hides its words from filters");

  // ---- attachments ----------------------------------------------------------------------
  const att = attachmentFacts(parsed.attachments);
  set("email_attachment_count", att.count);
  set("email_attachment_html", att.html, att.evidence.email_attachment_html);
  set("email_attachment_html_active", att.htmlActive, att.evidence.email_attachment_html_active);
  set("email_attachment_executable", att.executable, att.evidence.email_attachment_executable);
  set("email_attachment_macro_document", att.macroDoc, att.evidence.email_attachment_macro_document);
  set("email_attachment_archive", att.archive, att.evidence.email_attachment_archive);
  set("email_attachment_double_extension", att.doubleExtension, att.evidence.email_attachment_double_extension);
  set("email_attachment_type_mismatch", att.typeMismatch, att.evidence.email_attachment_type_mismatch);

  // ---- added after v1 -------------------------------------------------------------------
  const replyFacts = replyTo ? hostFacts(addressDomain(replyTo) ?? "") : null;
  const replyFree = replyFacts !== null && FREEMAIL_LABELS.has(replyFacts.domainLabel) && replyReg !== fromReg;
  set("email_replyto_freemail", replyTo && fromReg ? (replyFree ? 1 : 0) : null,
    `replies go to a free webmail address (${replyReg}) instead of the sender's domain ${fromReg}`);

  const actionAnchors = (scan?.anchors ?? []).filter((a) => {
    if (!isWebHref(a.href) || a.text.length === 0 || a.text.length > 60) return false;
    const t = normaliseForPhrases(a.text);
    return ACTION_LINK_PHRASES.some((p) => t.includes(p));
  });
  set("email_link_action_text", actionAnchors.length,
    actionAnchors[0] ? `a button asks you to act: "${actionAnchors[0].text.slice(0, 40)}"` : undefined);

  const topic = dominantBrandInText(`${subject}\n${readable}`);
  const topicOff = topic !== null && !domainBelongsToBrand(topic, fromReg) && hasLinks && !linkFeatures.some((f) => domainBelongsToBrand(topic, f.registrable_domain));
  set("email_body_brand_offdomain", topicOff ? 1 : 0,
    topic ? `the message is about ${topic.name} but neither the sender nor any link belongs to ${topic.name}` : undefined);

  // ---- added in v3 ------------------------------------------------------------------------
  const prizes = phraseHits(normaliseForPhrases(`${subject}\n${readable}`), PRIZE_PHRASES);
  set("email_prize_terms", prizes.length, `the message dangles a prize or windfall: ${prizes.slice(0, 3).map((h) => `"${h}"`).join(", ")}`);
  const disguisedBody = disguisedWords(readable);
  set("email_text_mixed_script_words", Math.min(disguisedBody.length, 50),
    `words spelled with look-alike letters from other alphabets: ${disguisedBody.slice(0, 3).map((w) => `"${w}"`).join(", ")}`);
  const disguisedSubject = disguisedWords(subject);
  set("email_subject_mixed_script", disguisedSubject.length,
    `the subject spells words with look-alike letters: ${disguisedSubject.slice(0, 3).map((w) => `"${w}"`).join(", ")}`);
  const disguisedName = disguisedWords(displayName);
  set("email_display_name_mixed_script", disguisedName.length,
    `the sender's name spells words with look-alike letters: ${disguisedName.slice(0, 3).map((w) => `"${w}"`).join(", ")}`);
  set("email_from_malformed", fromAddress ? (isMalformedAddress(fromAddress) ? 1 : 0) : null,
    `the sender's address "${fromAddress}" is not a valid address`);
  set("email_subject_has_address", subjectHasAddress(subject) ? 1 : 0, "the subject addresses you by your e-mail address");
  set("email_greeting_address", greetsByAddress(readable) ? 1 : 0, "the message greets you by your e-mail address, not your name");
  const subjectBrand = subject ? brandNamedIn(subject) : null;
  const subjectClaim = subjectBrand !== null && fromReg !== null && !domainBelongsToBrand(subjectBrand, fromReg);
  set("email_subject_brand_claim", fromReg ? (subjectClaim ? 1 : 0) : null,
    subjectBrand ? `the subject names ${subjectBrand.name} but ${mailFrom}` : undefined);

  return { values, evidence, urls };
}
