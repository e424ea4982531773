// Words phishing URLs use to look like an account or security page. Matched on word pieces of
// the host and path (split on non-letters), so "secure-login" and "/signin/verify" both count.

// Pruned after the per-source study: words common in legitimate transactional links (tracking,
// delivery, invoice, support, notice, token, portal, ...) and PhishTank-era kit words (cmd, session)
// were dropped; what is left is about getting into an account.
export const SUSPICIOUS_URL_TOKENS: ReadonlySet<string> = new Set([
  "login", "logon", "log", "signin", "sign", "verify", "verification", "validate", "secure", "account", "accounts",
  "update", "confirm", "wallet", "bank", "banking", "password", "passwd", "auth", "authenticate", "authentication",
  "unlock", "suspended", "restore", "recovery", "recover", "reactivate", "activation", "activate", "webscr", "webmail",
  "owa", "mailbox", "helpdesk", "credential", "credentials", "kyc", "ssn", "otp", "2fa", "mfa", "dapp", "airdrop",
]);

/** Splits a string into lower-case alphanumeric word pieces (bounded work, no regex backtracking). */
export function wordPieces(text: string, maxPieces = 200): string[] {
  const pieces: string[] = [];
  let cur = "";
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length && pieces.length < maxPieces; i++) {
    const c = lower.charCodeAt(i);
    const isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (isWord) cur += lower[i];
    else if (cur) {
      pieces.push(cur);
      cur = "";
    }
  }
  if (cur && pieces.length < maxPieces) pieces.push(cur);
  return pieces;
}

/** Number of suspicious tokens found as pieces, or as substrings of longer run-together pieces. */
export function suspiciousTokenHits(text: string): string[] {
  const hits: string[] = [];
  for (const piece of wordPieces(text)) {
    if (SUSPICIOUS_URL_TOKENS.has(piece)) {
      hits.push(piece);
      continue;
    }
    if (piece.length > 8 && piece.length <= 40) {
      for (const token of ["login", "signin", "verify", "secure", "account", "update", "wallet", "password", "confirm"]) {
        if (piece.includes(token)) {
          hits.push(token);
          break;
        }
      }
    }
  }
  return hits;
}
