// TOTP secrets, accepted time steps, backup codes and the failure counter. Every "use once" rule is
// a single conditional UPDATE ... RETURNING, so concurrent requests cannot both pass it.
import { sql, type Kysely, type Transaction } from "kysely";
import { decryptField, encryptField, type Keyring } from "@traceo/crypto";
import { newId, type Database } from "@traceo/db";
import { bytea } from "../keyring.ts";

export const MFA_MAX_FAILURES = 10;
export const MFA_LOCK_SECONDS = 15 * 60;
/** A pending secret must be confirmed within this time, or set up again. */
export const PENDING_TOTP_SECONDS = 15 * 60;

type Db = Kysely<Database> | Transaction<Database>;
type TotpColumn = "totp_secret_enc" | "totp_pending_enc";

function secretContext(userId: string, column: TotpColumn) {
  return { table: "users", column, rowId: userId };
}

export async function setPendingTotp(db: Db, keyring: Keyring, userId: string, secret: Uint8Array): Promise<boolean> {
  const envelope = await encryptField(keyring, secretContext(userId, "totp_pending_enc"), secret);
  const row = await db
    .updateTable("users")
    .set({ totp_pending_enc: bytea(envelope), totp_pending_created_at: sql`now()` })
    .where("id", "=", userId)
    .where("totp_enabled_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The enabled (or, with "totp_pending_enc", the pending and still fresh) secret's bytes. */
export async function loadTotpSecret(db: Db, keyring: Keyring, userId: string, column: TotpColumn): Promise<Uint8Array | undefined> {
  let query = db.selectFrom("users").select(column).where("id", "=", userId);
  if (column === "totp_pending_enc") {
    query = query.where("totp_enabled_at", "is", null).where("totp_pending_created_at", ">", sql<Date>`now() - make_interval(secs => ${PENDING_TOTP_SECONDS})`);
  } else {
    query = query.where("totp_enabled_at", "is not", null);
  }
  const row = await query.executeTakeFirst();
  const envelope = row?.[column];
  return envelope ? decryptField(keyring, secretContext(userId, column), new Uint8Array(envelope)) : undefined;
}

/** Records `step` as accepted unless it (or a later one) already was: RFC 6238 §5.2. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", String(step))]))
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function spendBackupCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const row = await db
    .updateTable("backup_codes")
    .set({ used_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function backupCodesLeft(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom("backup_codes").select(sql<string>`count(*)`.as("n")).where("user_id", "=", userId).where("used_at", "is", null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes and inserts in one transaction: a dropped connection never leaves a user without codes. */
export async function replaceBackupCodes(db: Db, userId: string, codeHashes: string[]): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => replaceBackupCodes(trx, userId, codeHashes));
  await db.deleteFrom("backup_codes").where("user_id", "=", userId).execute();
  if (codeHashes.length > 0) {
    await db.insertInto("backup_codes").values(codeHashes.map((code_hash) => ({ id: newId("bkc"), user_id: userId, code_hash }))).execute();
  }
}

/** Moves the pending secret into place (re-encrypted for its column), with the confirming step and new backup codes. */
export async function enableTotp(db: Kysely<Database>, keyring: Keyring, userId: string, secret: Uint8Array, step: number, codeHashes: string[]): Promise<boolean> {
  const envelope = await encryptField(keyring, secretContext(userId, "totp_secret_enc"), secret);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("users")
      .set({ totp_secret_enc: bytea(envelope), totp_enabled_at: sql`now()`, totp_last_step: step, totp_pending_enc: null, totp_pending_created_at: null, mfa_failures: 0 })
      .where("id", "=", userId)
      .where("totp_enabled_at", "is", null)
      .where("totp_pending_enc", "is not", null)
      .returning("id")
      .executeTakeFirst();
    if (!row) return false;
    await replaceBackupCodes(trx, userId, codeHashes);
    return true;
  });
}

export async function disableTotp(db: Kysely<Database>, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ totp_secret_enc: null, totp_enabled_at: null, totp_pending_enc: null, totp_pending_created_at: null })
      .where("id", "=", userId)
      .execute();
    await replaceBackupCodes(trx, userId, []);
  });
}

/** Seconds until the second-factor lock ends, or 0 when not locked. */
export async function lockSecondsLeft(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select(sql<string>`greatest(0, ceil(extract(epoch FROM mfa_locked_until - now())))`.as("left"))
    .where("id", "=", userId)
    .executeTakeFirst();
  return Number(row?.left ?? 0) || 0;
}

/** Counts a failure; the 10th consecutive one locks for 15 minutes (and restarts the count). */
export async function recordMfaFailure(db: Db, userId: string): Promise<{ locked: boolean }> {
  const row = await db
    .updateTable("users")
    .set({
      mfa_failures: sql`CASE WHEN mfa_failures + 1 >= ${MFA_MAX_FAILURES} THEN 0 ELSE mfa_failures + 1 END`,
      mfa_locked_until: sql`CASE WHEN mfa_failures + 1 >= ${MFA_MAX_FAILURES} THEN now() + make_interval(secs => ${MFA_LOCK_SECONDS}) ELSE mfa_locked_until END`,
    })
    .where("id", "=", userId)
    .returning(sql<boolean>`mfa_failures = 0 AND mfa_locked_until > now()`.as("locked"))
    .executeTakeFirst();
  return { locked: row?.locked === true };
}

export async function resetMfaFailures(db: Db, userId: string): Promise<void> {
  await db.updateTable("users").set({ mfa_failures: 0 }).where("id", "=", userId).where("mfa_failures", ">", 0).execute();
}
