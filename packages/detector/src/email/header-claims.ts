// What a message's headers *claim* about its authentication and origin. Reported to users
// only: these results are written by receiving servers, so in our corpora they identify the
// collector, not phishing (see the data README); they are never model features.
import type { HeaderClaims } from "../types.ts";
import { addressDomain, addressRegistrableDomain } from "./domains.ts";
import type { ParsedEmail } from "./parse.ts";

function headerValues(parsed: ParsedEmail, key: string): string[] {
  return parsed.headers.filter((h) => h.key === key).map((h) => h.value);
}

/** Result of one method (spf, dkim, dmarc) in the topmost Authentication-Results header that has it. */
function authResult(parsed: ParsedEmail, method: "spf" | "dkim" | "dmarc"): string | null {
  const re = new RegExp(`(?:^|[;\\s])${method}\\s*=\\s*([a-z]{1,16})`, "i");
  for (const value of headerValues(parsed, "authentication-results")) {
    const m = re.exec(value.slice(0, 4000));
    if (m?.[1]) return m[1].toLowerCase();
  }
  return null;
}

function receivedSpf(parsed: ParsedEmail): string | null {
  const value = headerValues(parsed, "received-spf")[0];
  const m = value ? /^\s*([a-z]{1,16})/i.exec(value) : null;
  return m?.[1] ? m[1].toLowerCase() : null;
}

function aligned(domain: string | null, fromDomain: string | null): boolean | null {
  if (domain === null || fromDomain === null) return null;
  return domain === fromDomain;
}

export function headerClaims(parsed: ParsedEmail): HeaderClaims {
  const fromAddress = parsed.from?.address || null;
  const fromReg = addressRegistrableDomain(fromAddress);
  const replyTo = parsed.replyTo.find((m) => m.address)?.address ?? null;
  const replyReg = addressRegistrableDomain(replyTo);
  const returnReg = addressRegistrableDomain(parsed.returnPath);
  return {
    spf: authResult(parsed, "spf") ?? receivedSpf(parsed),
    dkim: authResult(parsed, "dkim"),
    dmarc: authResult(parsed, "dmarc"),
    from_address: fromAddress,
    from_display_name: parsed.from?.name || null,
    from_domain: addressDomain(fromAddress),
    reply_to_domain: addressDomain(replyTo),
    return_path_domain: addressDomain(parsed.returnPath),
    reply_to_aligned: aligned(replyReg, fromReg),
    return_path_aligned: aligned(returnReg, fromReg),
  };
}
