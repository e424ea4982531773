// What register/login accept. Usernames are letters, digits and . _ - (no "@", so a login
// identifier with "@" is always an email); passwords 10-1024 characters (no NUL or unpaired surrogate in a new one).
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from "@traceo/auth";
import type { StringRule } from "@traceo/session-auth";

export const USERNAME: StringRule = { min: 3, max: 32, pattern: /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, hint: "`username` may hold letters, digits, `.`, `_` and `-`, starting with a letter or digit." };
export const EMAIL: StringRule = { min: 3, max: 254, pattern: /^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/u, hint: "`email` must be an email address." };
// A new password is text like any field: an unpaired surrogate would be hashed as U+FFFD (so
// "a\ud800" and "a\udbff" would be one password, and not the one typed), and NUL is refused too.
export const PASSWORD: StringRule = { min: MIN_PASSWORD_CHARS, max: MAX_PASSWORD_CHARS };
/**
 * At login (and re-confirmation) the password is only bounded: accounts made before sign-up refused
 * those characters may hold them, and a wrong one must fail like any other wrong one (401).
 */
export const PASSWORD_AT_LOGIN: StringRule = { min: 1, max: MAX_PASSWORD_CHARS, anyText: true };
export const IDENTIFIER: StringRule = { min: 1, max: 254 };
export const CODE: StringRule = { min: 1, max: 32 };
export const OPAQUE_TOKEN: StringRule = { min: 1, max: 128 };
/** Bounded here; the form is checked by normalisePhone (E.164 with country code). */
export const PHONE: StringRule = { min: 1, max: 32 };
