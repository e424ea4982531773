// Checking a second factor: a TOTP code (±1 step, each step accepted once per user) or a backup code
// (spent once), with the consecutive-failure lock shared by verify, disable and regenerate.
import type { Context } from "hono";
import { hashBackupCode, matchTotpStep, normaliseBackupCode, normaliseTotpCode } from "@traceo/auth";
import { audit, authProblems } from "@traceo/session-auth";
import type { AuthContext } from "./app-types.ts";
import { keyringOf } from "./keyring.ts";
import { claimTotpStep, loadTotpSecret, lockSecondsLeft, recordMfaFailure, resetMfaFailures, spendBackupCode } from "./store/second-factor.ts";

export type SecondFactorMethod = "totp" | "backup_code";

/** Throws 429 with Retry-After while the user's second factor is locked. */
export async function assertNotLocked(c: Context<AuthContext>, userId: string): Promise<void> {
  const left = await lockSecondsLeft(c.get("services").database().db, userId);
  if (left > 0) throw authProblems.tooManyAttempts(left, "Too many wrong codes: two-factor verification is locked for a while.");
}

async function check(c: Context<AuthContext>, userId: string, entered: string): Promise<SecondFactorMethod | undefined> {
  const db = c.get("services").database().db;
  const code = normaliseTotpCode(entered);
  if (code) {
    const secret = await loadTotpSecret(db, keyringOf(c), userId, "totp_secret_enc");
    const step = secret ? matchTotpStep(secret, code, Date.now()) : undefined;
    return step !== undefined && (await claimTotpStep(db, userId, step)) ? "totp" : undefined;
  }
  const backup = normaliseBackupCode(entered);
  if (backup) return (await spendBackupCode(db, userId, await hashBackupCode(userId, backup))) ? "backup_code" : undefined;
  return undefined;
}

/** The method that matched; on a wrong, replayed or spent code counts a failure and throws 401 (or 429 when that locked it). */
export async function verifySecondFactor(c: Context<AuthContext>, user: { id: string; account_id: string }, entered: string, purpose: string): Promise<SecondFactorMethod> {
  const db = c.get("services").database().db;
  const method = await check(c, user.id, entered);
  const facts = { userId: user.id, accountId: user.account_id };
  if (method) {
    await resetMfaFailures(db, user.id);
    if (method === "backup_code") await audit(c, "user.backup_code_used", { ...facts, details: { purpose } });
    return method;
  }
  const { locked } = await recordMfaFailure(db, user.id);
  await audit(c, "user.2fa_failed", { ...facts, details: { purpose } });
  if (locked) await audit(c, "user.2fa_locked", { ...facts, details: { purpose } });
  throw authProblems.invalidCode("The code is wrong, was already used, or has expired.");
}
