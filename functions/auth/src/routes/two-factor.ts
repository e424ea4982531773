// The 2FA endpoints (paths as in the product spec, semantics as in issue 3):
//   setup (session + password) -> pending secret, otpauth URI, QR;  confirm {code} -> enabled + backup codes;
//   verify {challenge, code} -> session;  disable {password, code};  backup-codes {password, code};  status.
import { BACKUP_CODE_COUNT, buildOtpauthUri, encodeBase32, hashBackupCode, looksLikeOpaqueToken, matchTotpStep, newBackupCodes, newTotpSecret, normaliseBackupCode, normaliseTotpCode, qrSvgDataUri } from "@traceo/auth";
import { audit, authProblems } from "@traceo/session-auth";
import type { Schema } from "hono";
import type { AuthApp } from "../app-types.ts";
import { backupCodesRoute, confirmRoute, disableRoute, setupRoute, statusRoute, verifyRoute } from "../api-routes.ts";
import { startSession } from "../issue-tokens.ts";
import { keyringOf } from "../keyring.ts";
import { reauthenticate } from "../reauthenticate.ts";
import { assertNotLocked, verifySecondFactor } from "../second-factor.ts";
import { consumeChallenge, findLiveChallenge, reserveAttempt } from "../store/challenges.ts";
import { backupCodesLeft, disableTotp, enableTotp, loadTotpSecret, replaceBackupCodes, setPendingTotp } from "../store/second-factor.ts";
import { findUserById } from "../store/users.ts";

export const TOTP_ISSUER = "Traceo";

async function freshBackupCodes(userId: string): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = newBackupCodes();
  const hashes = await Promise.all(codes.map((code) => hashBackupCode(userId, normaliseBackupCode(code)!)));
  return { codes, hashes };
}

export function registerTwoFactor<S extends Schema>(app: AuthApp<S>) {
  const app1 = app.openapi(setupRoute, async (c) => {
    const { password } = c.req.valid("json");
    const user = await reauthenticate(c, password, "2fa_setup");
    if (user.totp_enabled_at) throw authProblems.conflict("Two-factor authentication is already on; disable it first to set up a new authenticator.");
    const secret = newTotpSecret();
    if (!(await setPendingTotp(c.get("services").database().db, keyringOf(c), user.id, secret))) throw authProblems.conflict("Two-factor authentication is already on.");
    const otpauthUri = buildOtpauthUri({ issuer: TOTP_ISSUER, account: user.username, secret });
    return c.json({ otpauth_uri: otpauthUri, qr_svg: qrSvgDataUri(otpauthUri), secret: encodeBase32(secret), pending: true });
  });

  const app2 = app1.openapi(confirmRoute, async (c) => {
    const entered = c.req.valid("json").code;
    const { userId, accountId } = c.get("session");
    const db = c.get("services").database().db;
    await assertNotLocked(c, userId);
    const code = normaliseTotpCode(entered);
    const secret = await loadTotpSecret(db, keyringOf(c), userId, "totp_pending_enc");
    if (!secret) throw authProblems.conflict("There is no pending two-factor setup (or it is older than 15 minutes); call /auth/2fa/setup first.");
    const step = code ? matchTotpStep(secret, code, Date.now()) : undefined;
    if (step === undefined) throw authProblems.invalidCode("The code does not match the new authenticator; check the device clock and try the current code.");
    const { codes, hashes } = await freshBackupCodes(userId);
    if (!(await enableTotp(db, keyringOf(c), userId, secret, step, hashes))) throw authProblems.conflict("Two-factor authentication is already on.");
    await audit(c, "user.2fa_enabled", { userId, accountId });
    return c.json({ enabled: true, backup_codes: codes });
  });

  const app3 = app2.openapi(verifyRoute, async (c) => {
    const { challenge, code: entered } = c.req.valid("json");
    if (!looksLikeOpaqueToken("chl", challenge)) throw authProblems.invalidChallenge();
    const db = c.get("services").database().db;
    const live = await findLiveChallenge(db, challenge);
    if (!live) throw authProblems.invalidChallenge();
    await assertNotLocked(c, live.userId);
    if (!(await reserveAttempt(db, live.id))) throw authProblems.invalidChallenge();
    const user = await findUserById(db, live.userId);
    if (!user?.totp_enabled_at) throw authProblems.invalidChallenge();
    const method = await verifySecondFactor(c, user, entered, "login");
    if (!(await consumeChallenge(db, live.id))) throw authProblems.invalidChallenge();
    return c.json(await startSession(c, user, ["password", method]));
  });

  const app4 = app3.openapi(disableRoute, async (c) => {
    const { password, code: entered } = c.req.valid("json");
    const user = await reauthenticate(c, password, "2fa_disable");
    if (!user.totp_enabled_at) throw authProblems.conflict("Two-factor authentication is not on.");
    await assertNotLocked(c, user.id);
    const method = await verifySecondFactor(c, user, entered, "2fa_disable");
    await disableTotp(c.get("services").database().db, user.id);
    await audit(c, "user.2fa_disabled", { userId: user.id, accountId: user.account_id, details: { method } });
    return c.json({ enabled: false });
  });

  const app5 = app4.openapi(backupCodesRoute, async (c) => {
    const { password, code: entered } = c.req.valid("json");
    const user = await reauthenticate(c, password, "2fa_backup_codes");
    if (!user.totp_enabled_at) throw authProblems.conflict("Two-factor authentication is not on.");
    await assertNotLocked(c, user.id);
    await verifySecondFactor(c, user, entered, "2fa_backup_codes");
    const { codes, hashes } = await freshBackupCodes(user.id);
    await replaceBackupCodes(c.get("services").database().db, user.id, hashes);
    await audit(c, "user.backup_codes_regenerated", { userId: user.id, accountId: user.account_id, details: { count: BACKUP_CODE_COUNT } });
    return c.json({ backup_codes: codes });
  });

  return app5.openapi(statusRoute, async (c) => {
    const db = c.get("services").database().db;
    const user = await findUserById(db, c.get("session").userId);
    if (!user) throw authProblems.sessionRequired("This account no longer exists.");
    const enabled = user.totp_enabled_at !== null;
    return c.json({ enabled, enabled_at: user.totp_enabled_at, backup_codes_left: enabled ? await backupCodesLeft(db, user.id) : 0 });
  });
}
