// Registrable domains of e-mail addresses (via the same host logic as URLs).
import { hostFacts } from "../url/host.ts";

/** Domain part of an address, lower-cased, or null when there is none. */
export function addressDomain(address: string | null | undefined): string | null {
  if (!address) return null;
  const at = address.lastIndexOf("@");
  if (at < 0 || at === address.length - 1) return null;
  const domain = address.slice(at + 1).trim().replace(/(?<![>\].])[>\].]+$/, "").toLowerCase();
  return domain || null;
}

/** Registrable domain of an address's domain (IDN-safe); the bare domain when tldts has none. */
export function addressRegistrableDomain(address: string | null | undefined): string | null {
  const domain = addressDomain(address);
  if (!domain) return null;
  const facts = hostFacts(domain);
  return facts.registrableDomain ?? facts.ip ?? facts.host;
}
