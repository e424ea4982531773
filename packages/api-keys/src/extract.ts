// Where a request carries its key: `Authorization: Bearer <key>` (scheme case-insensitive, RFC 9110 §11.1) or `X-API-Key`.
export type KeyLocation = { key: string } | { missing: true } | { malformedHeader: string };

export function extractApiKey(authorization: string | undefined, xApiKey: string | undefined): KeyLocation {
  if (authorization !== undefined) {
    const match = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { malformedHeader: "The Authorization header must be `Bearer <api key>`." };
    return { key: match[1]! };
  }
  if (xApiKey !== undefined) return { key: xApiKey.trim() };
  return { missing: true };
}
