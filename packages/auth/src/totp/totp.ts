// TOTP (RFC 6238) over otpauth's HOTP (RFC 4226). Verification reports WHICH time step matched, so
// the caller can refuse a step that was already accepted (RFC 6238 §5.2).
import { HOTP, Secret } from "otpauth";
import { timingSafeEqual } from "../bytes.ts";

export type TotpAlgorithm = "SHA1" | "SHA256" | "SHA512";

export interface TotpSettings {
  algorithm: TotpAlgorithm;
  digits: number;
  periodSeconds: number;
}

/** What authenticator apps assume when a URI says nothing else. */
export const TOTP_DEFAULTS: Readonly<TotpSettings> = Object.freeze({ algorithm: "SHA1", digits: 6, periodSeconds: 30 });
/** RFC 6238 §5.2: accept one step of clock drift either way. */
export const TOTP_WINDOW = 1;
/** 160 bits, RFC 4226's recommended secret length. */
export const TOTP_SECRET_BYTES = 20;

export function hotp(secret: Uint8Array, counter: number, settings: Pick<TotpSettings, "algorithm" | "digits"> = TOTP_DEFAULTS): string {
  return HOTP.generate({ secret: new Secret({ buffer: secret.slice().buffer }), algorithm: settings.algorithm, digits: settings.digits, counter });
}

export function timeStep(timeMs: number, periodSeconds = TOTP_DEFAULTS.periodSeconds): number {
  return Math.floor(timeMs / 1000 / periodSeconds);
}

export function totp(secret: Uint8Array, timeMs: number, settings: TotpSettings = TOTP_DEFAULTS): string {
  return hotp(secret, timeStep(timeMs, settings.periodSeconds), settings);
}

/** Accepts "123456" and "123 456"; anything else is not a code. */
export function normaliseTotpCode(input: string, digits = TOTP_DEFAULTS.digits): string | undefined {
  const code = input.replace(/\s+/g, "");
  return new RegExp(`^\\d{${digits}}$`).test(code) ? code : undefined;
}

/**
 * The time step whose code equals `code` within ±window steps of `timeMs`, or undefined. Every
 * candidate is compared (in constant time) so the time taken does not say which one matched.
 */
export function matchTotpStep(secret: Uint8Array, code: string, timeMs: number, settings: TotpSettings = TOTP_DEFAULTS, window = TOTP_WINDOW): number | undefined {
  const entered = new TextEncoder().encode(code);
  const now = timeStep(timeMs, settings.periodSeconds);
  let matched: number | undefined;
  for (let step = now - window; step <= now + window; step++) {
    const expected = new TextEncoder().encode(hotp(secret, step, settings));
    if (timingSafeEqual(expected, entered)) matched = step;
  }
  return matched;
}

export function newTotpSecret(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(TOTP_SECRET_BYTES));
}
