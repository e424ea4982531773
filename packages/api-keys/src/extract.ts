// Where a request carries its key: `Authorization: Bearer <key>` (scheme case-insensitive, RFC 9110 §11.1) or `X-API-Key`.
export type KeyLocation = { key: string } | { missing: true } | { malformedHeader: string } | { conflicting: true };

export function extractApiKey(authorization: string | undefined, xApiKey: string | undefined): KeyLocation {
  if (authorization !== undefined) {
    const match = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { malformedHeader: "The Authorization header must be `Bearer <api key>`." };
    // Two different keys: which account to charge is the caller's call, not ours to guess.
    if (xApiKey !== undefined && xApiKey.trim() !== match[1]) return { conflicting: true };
    return { key: match[1]! };
  }
  if (xApiKey !== undefined) return { key: xApiKey.trim() };
  return { missing: true };
}
