// User rows. The email is stored encrypted with a blind index beside it, so sign-in by email and
// the uniqueness check never decrypt other people's addresses. The optional phone number is stored
// encrypted only (nothing looks a user up by phone).
import { sql, type Kysely } from "kysely";
import { blindIndex, blindIndexCandidates, decryptFieldText, encryptField, type Keyring } from "@traceo/crypto";
import { newId, type Database } from "@traceo/db";
import { bytea } from "../keyring.ts";

export interface UserRow {
  id: string;
  account_id: string;
  username: string;
  password_hash: string;
  totp_enabled_at: Date | null;
  mfa_locked_until: Date | null;
}

const USER_COLUMNS = ["id", "account_id", "username", "password_hash", "totp_enabled_at", "mfa_locked_until"] as const;

export type CreateUserResult = { ok: true; user: UserRow } | { ok: false; taken: true };

const encryptPhone = async (keyring: Keyring, userId: string, phone: string) => bytea(await encryptField(keyring, { table: "users", column: "phone_enc", rowId: userId }, phone));

/** `phone` must already be normalised (normalisePhone). */
export async function createUser(db: Kysely<Database>, keyring: Keyring, input: { username: string; email: string; passwordHash: string; phone?: string }): Promise<CreateUserResult> {
  const userId = newId("usr");
  const accountId = newId("acc");
  const emailEnc = await encryptField(keyring, { table: "users", column: "email_enc", rowId: userId }, input.email.trim());
  const emailBidx = await blindIndex(keyring, input.email);
  const phoneEnc = input.phone === undefined ? null : await encryptPhone(keyring, userId, input.phone);
  try {
    const user = await db.transaction().execute(async (trx) => {
      await trx.insertInto("accounts").values({ id: accountId, name: `user:${userId}` }).execute();
      return trx
        .insertInto("users")
        .values({ id: userId, account_id: accountId, username: input.username, email_enc: bytea(emailEnc), email_bidx: bytea(emailBidx), password_hash: input.passwordHash, phone_enc: phoneEnc })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
    });
    return { ok: true, user };
  } catch (err) {
    if ((err as { code?: string }).code === "23505") return { ok: false, taken: true };
    throw err;
  }
}

/** By email (any rotation-era blind index) when the identifier has an "@", else by username. */
export async function findUserForLogin(db: Kysely<Database>, keyring: Keyring, identifier: string): Promise<UserRow | undefined> {
  if (identifier.includes("@")) {
    let candidates: Uint8Array[];
    try {
      candidates = (await blindIndexCandidates(keyring, identifier)).map((c) => bytea(c.index));
    } catch {
      return undefined; // not an email address: nobody has it
    }
    return db.selectFrom("users").select(USER_COLUMNS).where("email_bidx", "=", sql<Uint8Array>`ANY(${candidates}::bytea[])`).executeTakeFirst();
  }
  return db.selectFrom("users").select(USER_COLUMNS).where(sql`lower(username)`, "=", identifier.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, userId: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").select(USER_COLUMNS).where("id", "=", userId).executeTakeFirst();
}

export async function updatePasswordHash(db: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

export interface UserProfile {
  id: string;
  username: string;
  account_id: string;
  email: string;
  phone: string | null;
  two_factor_enabled: boolean;
  created_at: string;
}

/** The signed-in user's own profile, decrypted for them. */
export async function readProfile(db: Kysely<Database>, keyring: Keyring, userId: string): Promise<UserProfile | undefined> {
  const row = await db.selectFrom("users").select(["id", "username", "account_id", "email_enc", "phone_enc", "totp_enabled_at", "created_at"]).where("id", "=", userId).executeTakeFirst();
  if (!row) return undefined;
  const open = (column: string, envelope: Uint8Array) => decryptFieldText(keyring, { table: "users", column, rowId: row.id }, envelope);
  return {
    id: row.id,
    username: row.username,
    account_id: row.account_id,
    email: await open("email_enc", row.email_enc),
    phone: row.phone_enc ? await open("phone_enc", row.phone_enc) : null,
    two_factor_enabled: row.totp_enabled_at !== null,
    created_at: new Date(row.created_at).toISOString(),
  };
}

/** Sets (normalised E.164) or clears (null) the phone number; any write encrypts under the primary key. */
export async function setPhone(db: Kysely<Database>, keyring: Keyring, userId: string, phone: string | null): Promise<void> {
  await db.updateTable("users").set({ phone_enc: phone === null ? null : await encryptPhone(keyring, userId, phone) }).where("id", "=", userId).execute();
}
