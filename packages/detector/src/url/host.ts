// Host-level facts shared by URL and e-mail features: registrable domain, IP literals,
// IDN, brand look-alikes. The host is always taken in its ASCII (punycode) form first, so a
// host written in Unicode and the same host in punycode give identical answers.
import { parse as parseDomain } from "tldts";
import { BRANDS, domainBelongsToBrand, substringAllowed, tokenIsShort, type Brand } from "./brands.ts";
import { hasMixedScript, isTypoVariant, skeleton } from "./confusables.ts";
import { normalizeIpHost } from "./ip-host.ts";
import { hostToUnicode } from "./punycode.ts";

export interface HostFacts {
  /** ASCII host, lower-case, leading `www.` removed. */
  host: string;
  unicodeHost: string;
  /** Canonical IP when the host is an IP literal in any notation. */
  ip: string | null;
  registrableDomain: string | null;
  publicSuffix: string | null;
  /** Labels left of the registrable domain (after `www.` removal). */
  subdomainLabels: string[];
  /** Part of the registrable domain left of the suffix (e.g. "paypal" in paypal.co.uk). */
  domainLabel: string;
  isIdn: boolean;
  mixedScript: boolean;
  /** Suffix is on the private section of the Public Suffix List (hosting platforms). */
  privateSuffix: boolean;
  /** A brand the host imitates with confusable characters or a one-letter change. */
  lookalike: { brand: Brand; piece: string } | null;
  /** A brand named plainly in the host although the domain is not the brand's. */
  brandMention: { brand: Brand; piece: string } | null;
  /** The brand this host really belongs to. */
  ownBrand: Brand | null;
}

const cache = new Map<string, HostFacts>();
const CACHE_LIMIT = 2000;

/** Converts any host (Unicode or ASCII) to the ASCII form the URL parser uses. */
export function toAsciiHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

function hostPieces(labels: string[]): string[] {
  const pieces: string[] = [];
  for (const label of labels) {
    pieces.push(label);
    if (label.includes("-")) for (const p of label.split("-")) if (p) pieces.push(p);
  }
  return pieces.slice(0, 64);
}

interface BrandToken {
  brand: Brand;
  token: string;
  sk: string;
}

// Skeletons of brand tokens, computed once per isolate.
const BRAND_TOKENS: BrandToken[] = BRANDS.flatMap((brand) => brand.tokens.map((token) => ({ brand, token, sk: skeleton(token) })));

function findLookalike(unicodeLabels: string[], registrableDomain: string | null): { brand: Brand; piece: string } | null {
  for (const piece of hostPieces(unicodeLabels)) {
    if (piece.length < 3 || piece.length > 40) continue;
    const sk = skeleton(piece);
    for (const { brand, token, sk: tokenSk } of BRAND_TOKENS) {
      if (piece === token) continue; // plain mention, not a disguise
      if (Math.abs(sk.length - tokenSk.length) > 1) continue;
      if (domainBelongsToBrand(brand, registrableDomain)) continue;
      if (sk === tokenSk && !tokenIsShort(token)) return { brand, piece };
      // Dropped letters only for brands that are not everyday words ("ledge" is not "ledger").
      if (token.length >= 5 && isTypoVariant(sk, tokenSk, substringAllowed(token))) return { brand, piece };
    }
  }
  return null;
}

/** A brand named plainly in these host labels, unless the registrable domain is that brand's own. */
export function findMention(labels: string[], registrableDomain: string | null): { brand: Brand; piece: string } | null {
  for (const piece of hostPieces(labels)) {
    for (const brand of BRANDS) {
      if (domainBelongsToBrand(brand, registrableDomain)) continue;
      for (const token of brand.tokens) {
        if (piece === token || (substringAllowed(token) && piece.length <= 60 && piece.includes(token))) return { brand, piece };
      }
    }
  }
  return null;
}

export function hostFacts(rawHost: string): HostFacts {
  const cached = cache.get(rawHost);
  if (cached) return cached;
  const ascii = (toAsciiHost(rawHost) ?? rawHost.toLowerCase()).replace(/\.$/, "");
  const host = ascii.startsWith("www.") ? ascii.slice(4) : ascii;
  const ip = normalizeIpHost(host);
  const unicode = hostToUnicode(host);
  let facts: HostFacts;
  if (ip) {
    facts = {
      host, unicodeHost: unicode, ip, registrableDomain: null, publicSuffix: null, subdomainLabels: [], domainLabel: "",
      isIdn: false, mixedScript: false, privateSuffix: false, lookalike: null, brandMention: null, ownBrand: null,
    };
  } else {
    const icann = parseDomain(host, { allowPrivateDomains: false });
    const priv = parseDomain(host, { allowPrivateDomains: true });
    const registrableDomain = icann.domain ?? null;
    const subdomain = icann.subdomain ? icann.subdomain.split(".").filter((l) => l && l !== "www") : [];
    const unicodeLabels = unicode.split(".");
    const suffixLabels = (icann.publicSuffix ?? "").split(".").filter(Boolean).length;
    const nameLabels = unicodeLabels.slice(0, Math.max(0, unicodeLabels.length - suffixLabels)).filter((l) => l !== "www");
    const asciiNameLabels = host.split(".").slice(0, Math.max(0, host.split(".").length - suffixLabels));
    const ownBrand = BRANDS.find((b) => domainBelongsToBrand(b, registrableDomain)) ?? null;
    facts = {
      host,
      unicodeHost: unicode,
      ip: null,
      registrableDomain,
      publicSuffix: icann.publicSuffix ?? null,
      subdomainLabels: subdomain,
      domainLabel: icann.domainWithoutSuffix ?? "",
      isIdn: host.split(".").some((l) => l.startsWith("xn--")),
      mixedScript: unicodeLabels.some(hasMixedScript),
      privateSuffix: priv.isPrivate === true,
      lookalike: findLookalike(nameLabels, registrableDomain),
      brandMention: findMention(asciiNameLabels, registrableDomain),
      ownBrand,
    };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(rawHost, facts);
  return facts;
}
