// `npm run keys:rotate` covers the fields added for issue 4: users' phone numbers, reports' encrypted
// subject and body, and the reports' blind search tokens (keyed by search_key_id). A key that still
// protects any of them cannot be removed; after rotation a keyring without it reads and finds everything.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type Kysely } from "kysely";
import { decryptFieldText, encryptField, envelopeKeyId, loadKeyring, blindIndex } from "@traceo/crypto";
import { bytea, reportSearchFields, searchReports, type Database } from "@traceo/db";
import { createScratchDatabase, type ScratchDatabase } from "@traceo/db/test-support/scratch-database.ts";
import { keyUsage } from "./key-rotation.ts";
import { REPO_ROOT } from "./settings.ts";

// Fixed test-only keys.
const b64 = (seed: number) => Buffer.from(Uint8Array.from({ length: 32 }, (_, i) => (i * seed + 7) & 0xff)).toString("base64");
const SECRET_K1 = JSON.stringify({ primary: "k1", keys: { k1: b64(29) } });
const SECRET_K1_K2 = JSON.stringify({ primary: "k2", keys: { k1: b64(29), k2: b64(71) } });
const SECRET_K2 = JSON.stringify({ primary: "k2", keys: { k2: b64(71) } });

let scratch: ScratchDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  scratch = await createScratchDatabase("rotation_cover");
  db = scratch.handle.db;
});
afterAll(async () => scratch?.drop());

async function cli(secret: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/ops/src/rotate-cli.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: scratch.url, TRACEO_ENCRYPTION_KEYS: secret },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}

describe("keys:rotate covers phone numbers, report subjects and bodies, and the blind search index", () => {
  it("refuses to drop a key they need, rotates them all, and everything reads and searches under the new key alone", async () => {
    const k1 = loadKeyring(SECRET_K1);
    const email = "rosa@example.org";
    await sql`INSERT INTO accounts (id, name) VALUES ('acc_rc', 'rotation coverage')`.execute(db);
    await db.insertInto("users").values({
      id: "usr_rc", account_id: "acc_rc", username: "rosa", password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y",
      email_enc: bytea(await encryptField(k1, { table: "users", column: "email_enc", rowId: "usr_rc" }, email)),
      email_bidx: bytea(await blindIndex(k1, email)),
      phone_enc: bytea(await encryptField(k1, { table: "users", column: "phone_enc", rowId: "usr_rc" }, "+442079460958")),
    }).execute();
    const fields = await reportSearchFields(k1, { id: "rep_rc", subject: "Tax refund waiting", bodyText: "Claim your refund before Friday", senderDomain: "hmrc-refunds.example", linkDomains: [] });
    await db.insertInto("reports").values({ id: "rep_rc", account_id: "acc_rc", kind: "email", verdict: "phishing", score: 95, probability: 0.95, model_version: "t", sender_domain: "hmrc-refunds.example", link_domains: [], result: "{}", ...fields }).execute();

    const blocked = await cli(SECRET_K1_K2, ["--check-removable", "k1"]);
    expect(blocked.code).toBe(1);
    for (const what of ["1 users.phone_enc", "1 reports.subject_enc", "1 reports.body_text_enc", "1 reports.search_tokens"]) expect(blocked.stderr).toContain(what);

    // Mid-rotation (new primary k2 deployed, rows still under k1): search blinds the query under both keys.
    const during = await searchReports(db, loadKeyring(SECRET_K1_K2), { accountId: "acc_rc", text: "refund", limit: 5 });
    expect(during.hits.map((h) => h.id)).toEqual(["rep_rc"]);

    const rotated = await cli(SECRET_K1_K2, []);
    expect(rotated.stderr).toBe("");
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain("search index: re-blinded 1 report(s); 0 left on other keys");
    expect((await keyUsage(db)).filter((u) => u.keyId !== "k2")).toEqual([]);
    expect((await cli(SECRET_K1_K2, ["--check-removable", "k1"])).code).toBe(0);

    const k2 = loadKeyring(SECRET_K2);
    const user = await db.selectFrom("users").select(["phone_enc"]).where("id", "=", "usr_rc").executeTakeFirstOrThrow();
    expect(envelopeKeyId(user.phone_enc!)).toBe("k2");
    expect(await decryptFieldText(k2, { table: "users", column: "phone_enc", rowId: "usr_rc" }, user.phone_enc!)).toBe("+442079460958");
    const page = await searchReports(db, k2, { accountId: "acc_rc", text: "refund friday", limit: 5 });
    expect(page.hits.map((h) => [h.id, h.subject])).toEqual([["rep_rc", "Tax refund waiting"]]);
    expect(page.hits[0]!.snippet).toBe("Tax «refund» waiting — Claim your «refund» before «Friday»");
    // The row is blinded under k2 now (k1 tokens replaced, not added).
    expect((await sql<{ k: string }>`SELECT search_key_id AS k FROM reports WHERE id = 'rep_rc'`.execute(db)).rows).toEqual([{ k: "k2" }]);
  }, 120_000);
});
