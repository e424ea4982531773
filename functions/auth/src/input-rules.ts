// What register/login accept. Usernames are letters, digits and . _ - (no "@", so a login
// identifier with "@" is always an email); passwords 10-1024 characters of anything.
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from "@traceo/auth";
import type { StringRule } from "@traceo/session-auth";

export const USERNAME: StringRule = { min: 3, max: 32, pattern: /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, hint: "`username` may hold letters, digits, `.`, `_` and `-`, starting with a letter or digit." };
export const EMAIL: StringRule = { min: 3, max: 254, pattern: /^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/u, hint: "`email` must be an email address." };
// Passwords are hashed, never stored as text: any characters (refusing some now could lock people out).
export const PASSWORD: StringRule = { min: MIN_PASSWORD_CHARS, max: MAX_PASSWORD_CHARS, anyText: true };
/** At login the password is only bounded: a wrong one must fail like any other wrong one. */
export const PASSWORD_AT_LOGIN: StringRule = { min: 1, max: MAX_PASSWORD_CHARS, anyText: true };
export const IDENTIFIER: StringRule = { min: 1, max: 254 };
export const CODE: StringRule = { min: 1, max: 32 };
export const OPAQUE_TOKEN: StringRule = { min: 1, max: 128 };
/** Bounded here; the form is checked by normalisePhone (E.164 with country code). */
export const PHONE: StringRule = { min: 1, max: 32 };
