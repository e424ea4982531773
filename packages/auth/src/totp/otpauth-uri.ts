// otpauth:// URIs in Google's Key URI format: otpauth://totp/ISSUER:ACCOUNT?secret=..&issuer=..
// Issuer and account are percent-encoded separately (":" included, as %3A), so a name holding
// spaces, &, +, @, /, %, ":" or non-ASCII letters parses back to exactly itself.
import { decodeBase32, encodeBase32 } from "./base32.ts";
import { TOTP_DEFAULTS, type TotpAlgorithm, type TotpSettings } from "./totp.ts";

export interface OtpauthKey extends TotpSettings {
  issuer: string;
  account: string;
  secret: Uint8Array;
}

// encodeURIComponent leaves !'()* alone; encode them too so strict parsers see only unreserved text.
function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function buildOtpauthUri(key: Omit<OtpauthKey, keyof TotpSettings> & Partial<TotpSettings>): string {
  if (key.issuer === "" || key.account === "") throw new TypeError("issuer and account must not be empty");
  const settings = { ...TOTP_DEFAULTS, ...key };
  const params = [
    `secret=${encodeBase32(key.secret)}`,
    `issuer=${encodeComponent(key.issuer)}`,
    `algorithm=${settings.algorithm}`,
    `digits=${settings.digits}`,
    `period=${settings.periodSeconds}`,
  ];
  return `otpauth://totp/${encodeComponent(key.issuer)}:${encodeComponent(key.account)}?${params.join("&")}`;
}

/** The inverse of buildOtpauthUri (and a strict reader of Google-format TOTP URIs in general). */
export function parseOtpauthUri(uri: string): OtpauthKey {
  const match = /^otpauth:\/\/totp\/([^?#]*)\?([^#]*)$/i.exec(uri);
  if (!match) throw new TypeError("not an otpauth://totp/ URI");
  const label = match[1]!;
  const colon = label.indexOf(":");
  const labelIssuer = colon >= 0 ? decodeURIComponent(label.slice(0, colon)) : undefined;
  const account = decodeURIComponent(colon >= 0 ? label.slice(colon + 1) : label);
  const params = new Map<string, string>();
  for (const pair of match[2]!.split("&")) {
    const eq = pair.indexOf("=");
    if (eq > 0) params.set(pair.slice(0, eq).toLowerCase(), decodeURIComponent(pair.slice(eq + 1)));
  }
  const secret = decodeBase32(params.get("secret") ?? "");
  if (!secret) throw new TypeError("the URI has no valid base32 secret");
  const issuer = params.get("issuer") ?? labelIssuer ?? "";
  if (labelIssuer !== undefined && params.has("issuer") && labelIssuer !== issuer) throw new TypeError("label issuer and issuer parameter differ");
  const algorithm = (params.get("algorithm") ?? TOTP_DEFAULTS.algorithm).toUpperCase() as TotpAlgorithm;
  return {
    issuer,
    account,
    secret,
    algorithm,
    digits: Number(params.get("digits") ?? TOTP_DEFAULTS.digits),
    periodSeconds: Number(params.get("period") ?? TOTP_DEFAULTS.periodSeconds),
  };
}
