// URL features: properties of a link that its author chose and that hold beyond our corpora.
// Deliberately absent (see the data README): the scheme, a leading `www.`, query *presence*
// and total length, all crawl/era artefacts of the training sets.
import { shannonEntropy } from "../text/entropy.ts";
import { suspiciousTokenHits, wordPieces } from "../text/url-tokens.ts";
import { BRANDS, domainBelongsToBrand, substringAllowed, tokenIsShort } from "./brands.ts";
import { findMention, hostFacts, type HostFacts } from "./host.ts";
import { FREE_HOSTING_SUFFIXES, matchSuffix, SHORTENER_DOMAINS, USER_CONTENT_SUFFIXES } from "./hosting.ts";
import { parseUrlLoose } from "./parse-url.ts";
import { pathShape } from "./path-shape.ts";
import { tldRisk } from "./tld-risk.ts";
import { hostToUnicode } from "./punycode.ts";

export { UrlParseError } from "./parse-url.ts";

export const URL_FEATURE_NAMES = [
  "url_host_length",
  "url_host_entropy",
  "url_host_digit_ratio",
  "url_host_hyphens",
  "url_subdomain_depth",
  "url_domain_label_length",
  "url_is_ip_host",
  "url_is_idn",
  "url_mixed_script_host",
  "url_brand_lookalike",
  "url_brand_in_host",
  "url_brand_in_path",
  "url_has_userinfo",
  "url_nonstandard_port",
  "url_is_shortener",
  "url_is_free_hosting",
  "url_private_suffix",
  "url_path_length",
  "url_path_depth",
  "url_encoded_chars",
  "url_special_chars",
  "url_double_slash_in_path",
  "url_redirect_param",
  "url_email_in_url",
  "url_suspicious_tokens",
  "url_risky_file_extension",
  "url_script_scheme",
  "url_tld_risk",
  "url_path_random_token",
  "url_path_digit_ratio",
  "url_path_token_entropy",
  "url_brand_in_subdomain",
  "url_brand_is_registrable_domain",
] as const;

export type UrlFeatureName = (typeof URL_FEATURE_NAMES)[number];

export interface UrlFeatures {
  values: (number | null)[];
  evidence: Record<string, string>;
  url: string;
  host: string;
  registrable_domain: string | null;
  /** Facts reused by e-mail features; absent for data:/javascript: links. */
  hostFacts?: HostFacts;
}

const INDEX: Record<string, number> = Object.fromEntries(URL_FEATURE_NAMES.map((n, i) => [n, i]));
const MAX_SCAN = 2048;
const RISKY_EXTENSIONS = new Set([
  "exe", "scr", "msi", "apk", "bat", "cmd", "com", "pif", "js", "jse", "vbs", "vbe", "wsf", "hta", "jar",
  "ps1", "lnk", "iso", "img", "vhd", "zip", "rar", "7z", "gz", "cab", "dmg", "pkg", "xlsm", "docm", "appx",
]);
// Starts only where a run of address characters starts (linear); a local part over 64 characters is no address.
const EMAIL_IN_TEXT = /(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}(?:@|%40)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}/i;
const REDIRECT_PARAM = /(?:^|[?&;])(?:url|u|redirect|redirect_uri|redir|next|target|dest|destination|goto|return|returnurl|continue|link|r|q)=(?:https?|%68%74%74%70|www\.|%2f%2f)/i;

function setValue(values: (number | null)[], name: UrlFeatureName, v: number | null): void {
  values[INDEX[name] as number] = v;
}

function countMatches(text: string, chars: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i] as string)) n++;
  return n;
}

function brandInPath(pathAndQuery: string, facts: HostFacts): string | null {
  const pieces = wordPieces(pathAndQuery.slice(0, MAX_SCAN), 100);
  for (const piece of pieces) {
    for (const brand of BRANDS) {
      if (domainBelongsToBrand(brand, facts.registrableDomain)) continue;
      for (const token of brand.tokens) {
        if (tokenIsShort(token)) {
          if (piece === token) return brand.name;
        } else if (piece === token || (substringAllowed(token) && piece.length <= 60 && piece.includes(token))) return brand.name;
      }
    }
  }
  return null;
}

/** Features of one URL; throws UrlParseError when it does not parse or has no host. */
export function urlFeatures(input: string): UrlFeatures {
  const parsed = parseUrlLoose(input);
  const values: (number | null)[] = URL_FEATURE_NAMES.map(() => null);
  const evidence: Record<string, string> = {};

  if (parsed.kind === "script") {
    // A data:/javascript: link runs or renders content in place; host features do not apply.
    setValue(values, "url_script_scheme", 1);
    evidence.url_script_scheme = scriptSchemeEvidence(parsed.scheme);
    return { values, evidence, url: parsed.text.slice(0, 200), host: "", registrable_domain: null };
  }

  const { url } = parsed;
  const facts = hostFacts(url.hostname);
  const host = facts.host;
  const path = url.pathname.slice(0, MAX_SCAN);
  const query = url.search.slice(0, MAX_SCAN);
  const fragment = url.hash.slice(0, MAX_SCAN);

  // Shape features use the host as displayed (Unicode), so punycode's "xn--" adds nothing.
  const shown = [...facts.unicodeHost];
  const shownText = facts.unicodeHost;
  setValue(values, "url_host_length", shown.length);
  setValue(values, "url_host_entropy", Math.round(shannonEntropy(shownText) * 1000) / 1000);
  setValue(values, "url_host_digit_ratio", facts.ip ? null : shown.length ? countMatches(shownText, "0123456789") / shown.length : 0);
  setValue(values, "url_host_hyphens", countMatches(shownText, "-"));
  setValue(values, "url_subdomain_depth", facts.ip ? null : facts.subdomainLabels.length);
  if (!facts.ip && facts.subdomainLabels.length && facts.registrableDomain) {
    evidence.url_subdomain_depth = `"${facts.subdomainLabels.join(".").slice(0, 80)}" in front of ${facts.registrableDomain}`;
  }
  setValue(values, "url_domain_label_length", facts.ip ? null : [...hostToUnicode(facts.domainLabel)].length);

  setValue(values, "url_is_ip_host", facts.ip ? 1 : 0);
  if (facts.ip) evidence.url_is_ip_host = ipHostEvidence(parsed.rawHost, facts.ip);

  setValue(values, "url_is_idn", facts.isIdn ? 1 : 0);
  if (facts.isIdn) evidence.url_is_idn = `the host ${host} is displayed as ${facts.unicodeHost}`;
  setValue(values, "url_mixed_script_host", facts.mixedScript ? 1 : 0);
  if (facts.mixedScript) evidence.url_mixed_script_host = `the host ${facts.unicodeHost} mixes Latin letters with Cyrillic or Greek ones`;

  setValue(values, "url_brand_lookalike", facts.lookalike ? 1 : 0);
  if (facts.lookalike) evidence.url_brand_lookalike = `the domain ${facts.unicodeHost} imitates ${facts.lookalike.brand.name} ("${facts.lookalike.piece}")`;
  // Host-like text before "@" (paypal.com@evil.example) is read as the host by people: a brand named
  // there is a brand named in the address of a site that is not the brand's.
  const hasUserinfo = url.username !== "" || url.password !== "";
  const userLabels = hasUserinfo ? decodeURIComponentSafe(url.username).toLowerCase().split(/[.:]/).filter(Boolean).slice(0, 16) : [];
  const userBrand = userLabels.length ? findMention(userLabels, facts.registrableDomain) : null;
  const hostBrand = facts.brandMention ?? userBrand;
  setValue(values, "url_brand_in_host", hostBrand ? 1 : 0);
  if (facts.brandMention) evidence.url_brand_in_host = `the address ${host} names ${facts.brandMention.brand.name} but does not belong to ${facts.brandMention.brand.name}`;
  else if (userBrand) evidence.url_brand_in_host = `the address shows ${userBrand.brand.name} before "@", but the link goes to ${host}, which does not belong to ${userBrand.brand.name}`;
  const pathBrand = brandInPath(path + query, facts);
  setValue(values, "url_brand_in_path", pathBrand ? 1 : 0);
  if (pathBrand) evidence.url_brand_in_path = `the path names ${pathBrand} on ${facts.registrableDomain ?? host}, which is not ${pathBrand}'s site`;

  setValue(values, "url_has_userinfo", hasUserinfo ? 1 : 0);
  if (hasUserinfo) evidence.url_has_userinfo = `the text before "@" (${decodeURIComponentSafe(url.username).slice(0, 60)}) hides the real host ${host}`;
  setValue(values, "url_nonstandard_port", url.port !== "" ? 1 : 0);
  if (url.port) evidence.url_nonstandard_port = `the link uses port ${url.port}`;

  const shortener = matchSuffix(host, SHORTENER_DOMAINS);
  setValue(values, "url_is_shortener", shortener ? 1 : 0);
  if (shortener) evidence.url_is_shortener = `the link goes through ${shortener}, a link shortener that hides the destination`;
  const hosting = matchSuffix(host, FREE_HOSTING_SUFFIXES);
  setValue(values, "url_is_free_hosting", hosting ? 1 : 0);
  if (hosting) evidence.url_is_free_hosting = host === hosting ? `the page is on ${hosting}, where anyone can publish for free` : `the site ${host} is hosted on ${hosting}, where anyone can publish a page for free`;
  setValue(values, "url_private_suffix", facts.privateSuffix ? 1 : 0);

  setValue(values, "url_path_length", path === "/" ? 0 : path.length);
  setValue(values, "url_path_depth", path.split("/").filter(Boolean).length);
  const rest = path + query + fragment;
  setValue(values, "url_encoded_chars", (rest.match(/%[0-9a-f]{2}/gi) ?? []).length);
  setValue(values, "url_special_chars", countMatches(rest, "@~!$*,;'()"));
  setValue(values, "url_double_slash_in_path", path.indexOf("//", 1) >= 0 ? 1 : 0);
  const redirect = REDIRECT_PARAM.test(query);
  setValue(values, "url_redirect_param", redirect ? 1 : 0);
  if (redirect) evidence.url_redirect_param = "the link carries another web address in its query (a redirect)";
  const emailInUrl = EMAIL_IN_TEXT.test(rest);
  setValue(values, "url_email_in_url", emailInUrl ? 1 : 0);
  if (emailInUrl) evidence.url_email_in_url = "the link carries an e-mail address, typically to pre-fill a fake sign-in page";

  const tokens = suspiciousTokenHits(`${facts.subdomainLabels.join(".")} ${facts.domainLabel} ${path} ${query}`.slice(0, MAX_SCAN));
  setValue(values, "url_suspicious_tokens", tokens.length);
  if (tokens.length) evidence.url_suspicious_tokens = `the link contains ${[...new Set(tokens)].slice(0, 4).map((t) => `"${t}"`).join(", ")}`;

  const lastSegment = path.split("/").pop() ?? "";
  const dot = lastSegment.lastIndexOf(".");
  const ext = dot > 0 ? lastSegment.slice(dot + 1).toLowerCase() : "";
  const risky = RISKY_EXTENSIONS.has(ext);
  setValue(values, "url_risky_file_extension", risky ? 1 : 0);
  if (risky) evidence.url_risky_file_extension = riskyFileEvidence(ext, decodeURIComponentSafe(lastSegment));
  setValue(values, "url_script_scheme", 0);

  const tld = tldRisk(facts.publicSuffix);
  setValue(values, "url_tld_risk", tld);
  if (tld) evidence.url_tld_risk = `.${(facts.publicSuffix ?? "").split(".").pop()} is a top-level domain with a high rate of phishing abuse`;
  const shape = pathShape(path);
  setValue(values, "url_path_random_token", shape.randomTokenLength);
  setValue(values, "url_path_digit_ratio", Math.round(shape.digitRatio * 1000) / 1000);
  setValue(values, "url_path_token_entropy", shape.tokenEntropyMax);

  // A brand shown left of the real registrable domain: as a subdomain label (paypal.com.secure.example)
  // or as host-like text before "@" (paypal.com@evil.example). Both make the brand read first.
  const inSub = findMention(facts.subdomainLabels, facts.registrableDomain);
  const shownBrand = inSub ?? userBrand;
  setValue(values, "url_brand_in_subdomain", shownBrand ? 1 : 0);
  if (shownBrand) evidence.url_brand_in_subdomain = inSub ? `${host} puts ${shownBrand.brand.name} in front of the real domain ${facts.registrableDomain ?? host}` : `the text before "@" names ${shownBrand.brand.name}, but the link goes to ${host}`;
  // The brand's own site: its registrable domain, but not a host where users publish or a link that redirects on.
  const ownSite = facts.ownBrand !== null && !hosting && !shortener && !redirect && !matchSuffix(host, USER_CONTENT_SUFFIXES);
  setValue(values, "url_brand_is_registrable_domain", ownSite ? 1 : 0);
  if (ownSite) evidence.url_brand_is_registrable_domain = `the address is on ${facts.registrableDomain}, ${facts.ownBrand?.name}'s own domain`;

  const normalised = `${url.protocol}//${hasUserinfo ? `${url.username}${url.password ? `:${url.password}` : ""}@` : ""}${url.host}${url.pathname}${url.search}${url.hash}`;
  return { values, evidence, url: normalised, host, registrable_domain: facts.registrableDomain, hostFacts: facts };
}

/** The host as the reader saw it and, when it was written in hex, octal or as one number, the dotted address it means. */
function ipHostEvidence(rawHost: string, ip: string): string {
  const written = rawHost.toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
  if (written === ip || written === "") return `the link points to the bare IP address ${ip} instead of a domain name`;
  return `the link points to a bare IP address (written ${written.slice(0, 60)}, which is ${ip}) instead of a domain name`;
}

// The name is shown because an extension alone misleads: "/signin/paypal.com" ends in the DOS program
// type .com. Not when it holds an e-mail address: reports keep sentences in clear, and links in mail
// are cut to their host in stored copies for that reason.
const ARCHIVE_EXTENSIONS = new Set(["iso", "img", "vhd", "zip", "rar", "7z", "gz", "cab", "dmg", "pkg"]);
function riskyFileEvidence(ext: string, name: string): string {
  const kind = ARCHIVE_EXTENSIONS.has(ext) ? "an archive or disk image, which can hide other files" : ext === "xlsm" || ext === "docm" ? "an Office document that can carry macros" : "a type that runs as a program";
  const shown = /@|%40/i.test(name) ? "" : ` ("${name.slice(0, 60)}")`;
  return `the link ends in a .${ext} file name${shown}, ${kind}`;
}

function scriptSchemeEvidence(scheme: string): string {
  return scheme === "data"
    ? "this is a data: URL: it carries a whole page or file inside the link instead of opening a site"
    : `this is a ${scheme}: URL: it runs code instead of opening a page`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
