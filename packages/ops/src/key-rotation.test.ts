// Key rotation against the real Postgres (127.0.0.1:5432) through the production driver: 100,000
// reports under key k1, `npm run keys:rotate` killed with SIGKILL past 40%, then run again. Every
// row must come back equal to what was written, under k2 only, none lost and none duplicated.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { blindIndex, blindIndexCandidates, decryptFieldText, encryptField, envelopeKeyId, loadKeyring, normaliseEmail } from "@traceo/crypto";
import { nodeCryptoEngine } from "@traceo/crypto/node-engine";
import { referenceBlindIndex, referenceEncrypt } from "@traceo/crypto/reference-format";
import type { EncryptedColumn } from "@traceo/db";
import { MIGRATIONS_DIR } from "./index.ts";
import { keyUsage, rotateToPrimary } from "./key-rotation.ts";
import { migrateUp } from "./migrations.ts";
import { openNodeDatabase } from "./node-database.ts";
import { REPO_ROOT } from "./settings.ts";

const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = `traceo_rotation_${process.pid}`;
const DATABASE_URL = Object.assign(new URL(ADMIN_URL), { pathname: `/${DATABASE}` }).toString();
const ROWS = 100_000;

// Fixed test keys (never used outside this test).
const K1 = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
const K2 = Uint8Array.from({ length: 32 }, (_, i) => (i * 53 + 200) & 0xff);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const SECRET_K1 = JSON.stringify({ primary: "k1", keys: { k1: b64(K1) } });
const SECRET_K1_K2 = JSON.stringify({ primary: "k2", keys: { k1: b64(K1), k2: b64(K2) } });
const SECRET_K2 = JSON.stringify({ primary: "k2", keys: { k2: b64(K2) } });

const reportId = (i: number) => `rep_${String(i).padStart(6, "0")}`;
const rawMessage = (i: number) =>
  `From: "Kundendienst ${i}" <billing${i}@example.com>\r\nTo: victim@example.org\r\nSubject: Rechnung #${i} überfällig\r\n\r\n` +
  `Sehr geehrte Kundin, bitte zahlen Sie Rechnung ${i} noch heute: https://pay-${i}.example.net/login\r\n`;
// Half the reports (the odd ones) have no sender address, as URL reports do not.
const senderAddress = (i: number) => (i % 2 === 0 ? `billing${i}@example.com` : null);

type Handle = Awaited<ReturnType<typeof openNodeDatabase>>;
let handle: Handle;

// One handle open at a time: the driver's proxy setting is process-wide, so a second handle's
// proxy would outlive (or vanish under) the first one's connections.
async function withAdmin(statement: string): Promise<void> {
  const admin = await openNodeDatabase(ADMIN_URL);
  try {
    await sql.raw(statement).execute(admin.db);
  } finally {
    await admin.close();
  }
}

beforeAll(async () => {
  await withAdmin(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await withAdmin(`CREATE DATABASE "${DATABASE}"`);
  handle = await openNodeDatabase(DATABASE_URL);
  await migrateUp(handle.db, MIGRATIONS_DIR);
}, 60_000);

afterAll(async () => {
  await handle?.close();
  await withAdmin(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
});

/** Seeds under k1 with the independent node:crypto writer of the documented format (fast, and a second implementation). */
async function seedReports(): Promise<void> {
  await sql`INSERT INTO accounts (id, name) VALUES ('acc_rotation', 'rotation')`.execute(handle.db);
  const encoder = new TextEncoder();
  for (let start = 0; start < ROWS; start += 10_000) {
    const ids: string[] = [];
    const raws: Buffer[] = [];
    const senders: (Buffer | null)[] = [];
    for (let i = start; i < start + 10_000; i++) {
      const id = reportId(i);
      ids.push(id);
      raws.push(referenceEncrypt(K1, "k1", { table: "reports", column: "raw_message_enc", rowId: id }, encoder.encode(rawMessage(i)), crypto.getRandomValues(new Uint8Array(12))));
      const sender = senderAddress(i);
      senders.push(sender === null ? null : referenceEncrypt(K1, "k1", { table: "reports", column: "sender_address_enc", rowId: id }, encoder.encode(sender), crypto.getRandomValues(new Uint8Array(12))));
    }
    await sql`
      INSERT INTO reports (id, account_id, kind, verdict, score, probability, model_version, result, raw_message_enc, sender_address_enc)
      SELECT id, 'acc_rotation', 'email', 'phishing', 97, 0.97, 'test', '{}'::jsonb, raw, sender
      FROM unnest(${ids}::text[], ${raws}::bytea[], ${senders}::bytea[]) AS u(id, raw, sender)`.execute(handle.db);
  }
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string[];
  stderr: string;
}

/** Runs `npm run keys:rotate`'s entry point; optionally SIGKILLs it once a progress line reaches killAtPercent. */
async function runCli(secret: string, args: string[] = [], killAtPercent?: number): Promise<CliRun> {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/ops/src/rotate-cli.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL, TRACEO_ENCRYPTION_KEYS: secret },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: CliRun = { code: null, signal: null, stdout: [], stderr: "" };
  child.stderr.on("data", (chunk) => (run.stderr += chunk));
  createInterface({ input: child.stdout }).on("line", (line) => {
    run.stdout.push(line);
    const percent = /^progress: \d+\/\d+ rows \((\d+)%\)/.exec(line);
    if (killAtPercent !== undefined && percent && Number(percent[1]) >= killAtPercent) child.kill("SIGKILL");
  });
  [run.code, run.signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  return run;
}

async function rowsOnKey(keyId: string): Promise<number> {
  const usage = await keyUsage(handle.db);
  return usage.filter((u) => u.table === "reports" && u.column === "raw_message_enc" && u.keyId === keyId).reduce((n, u) => n + u.rows, 0);
}

describe("npm run keys:rotate on 100,000 reports", () => {
  it("refuses without the old key, survives SIGKILL past 40%, and ends with every row intact under the new key", async () => {
    const phases: string[] = [];
    let mark = Date.now();
    const phase = (name: string) => {
      phases.push(`${name} ${((Date.now() - mark) / 1000).toFixed(1)}s`);
      mark = Date.now();
    };
    await seedReports();
    phase("seed");
    const fields = ROWS + ROWS / 2;
    expect(await keyUsage(handle.db)).toEqual([
      { table: "reports", column: "raw_message_enc", keyId: "k1", rows: ROWS },
      { table: "reports", column: "sender_address_enc", keyId: "k1", rows: ROWS / 2 },
    ]);

    // A keyring that lacks k1 would leave data unreadable: refused before anything is written.
    const refused = await runCli(SECRET_K2);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("data is encrypted with key(s) k1 that the keyring lacks (it has k2)");
    expect(await rowsOnKey("k1")).toBe(ROWS);
    phase("refusal");
    const notRemovable = await runCli(SECRET_K1_K2, ["--check-removable", "k1"]);
    expect(notRemovable.code).toBe(1);
    expect(notRemovable.stderr).toContain(`"k1" still protects ${ROWS} reports.raw_message_enc, ${ROWS / 2} reports.sender_address_enc`);

    phase("check-removable");
    const killed = await runCli(SECRET_K1_K2, [], 40);
    phase("rotate until killed");
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stdout[0]).toBe(`rotating ${ROWS} row(s) to key "k2" in batches of 500`);
    const midway = await rowsOnKey("k2");
    expect(midway).toBeGreaterThanOrEqual(0.4 * ROWS);
    expect(midway).toBeLessThan(ROWS);
    expect(midway + (await rowsOnKey("k1"))).toBe(ROWS);

    const resumed = await runCli(SECRET_K1_K2);
    phase("rotate to the end");
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(resumed.stdout[0]).toBe(`rotating ${ROWS - midway} row(s) to key "k2" in batches of 500`);
    expect(resumed.stdout).toContain(`progress: ${ROWS - midway}/${ROWS - midway} rows (100%) [reports]`);
    const done = resumed.stdout.find((line) => line.startsWith("done: "));
    expect(done).toMatch(new RegExp(`^done: re-encrypted \\d+ field\\(s\\) in ${ROWS - midway} row\\(s\\) to key "k2" in [\\d.]+s; 0 field\\(s\\) left on other keys$`));
    expect(await keyUsage(handle.db)).toEqual([
      { table: "reports", column: "raw_message_enc", keyId: "k2", rows: ROWS },
      { table: "reports", column: "sender_address_enc", keyId: "k2", rows: ROWS / 2 },
    ]);

    // Every row, read back by the package with a keyring that no longer has k1 (on node:crypto, for
    // speed); every 25th also through WebCrypto, as the Worker reads it.
    const k2Only = loadKeyring(SECRET_K2, { engine: nodeCryptoEngine });
    const k2OnlyWebCrypto = loadKeyring(SECRET_K2);
    const seen = new Set<string>();
    const wrong: string[] = [];
    let checkedFields = 0;
    let after = "";
    for (;;) {
      const page = await sql<{ id: string; raw_message_enc: Uint8Array; sender_address_enc: Uint8Array | null }>`
        SELECT id, raw_message_enc, sender_address_enc FROM reports WHERE id > ${after} ORDER BY id LIMIT 5000`.execute(handle.db);
      if (page.rows.length === 0) break;
      await Promise.all(
        page.rows.map(async (row) => {
          const i = Number(row.id.slice(4));
          const raw = { table: "reports", column: "raw_message_enc", rowId: row.id };
          if (row.id !== reportId(i) || seen.has(row.id)) wrong.push(`${row.id}: unexpected or duplicated id`);
          seen.add(row.id);
          if (envelopeKeyId(row.raw_message_enc) !== "k2") wrong.push(`${row.id}: raw message not on k2`);
          if ((await decryptFieldText(k2Only, raw, row.raw_message_enc)) !== rawMessage(i)) wrong.push(`${row.id}: raw message differs`);
          if (i % 25 === 0 && (await decryptFieldText(k2OnlyWebCrypto, raw, row.raw_message_enc)) !== rawMessage(i)) wrong.push(`${row.id}: WebCrypto read differs`);
          const sender = senderAddress(i);
          if (sender === null) {
            if (row.sender_address_enc !== null) wrong.push(`${row.id}: sender appeared`);
          } else if ((await decryptFieldText(k2Only, { table: "reports", column: "sender_address_enc", rowId: row.id }, row.sender_address_enc!)) !== sender) {
            wrong.push(`${row.id}: sender differs`);
          }
          checkedFields += sender === null ? 1 : 2;
        }),
      );
      after = page.rows.at(-1)!.id;
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(seen.size).toBe(ROWS);
    expect(checkedFields).toBe(fields);
    phase("verify every row");

    const removable = await runCli(SECRET_K1_K2, ["--check-removable", "k1"]);
    expect(removable.code).toBe(0);
    expect(removable.stdout).toContain(`key "k1" protects no data; it can be removed from TRACEO_ENCRYPTION_KEYS`);
    const check = await runCli(SECRET_K2, ["--check"]);
    expect(check.code).toBe(0);
    expect(check.stdout).toEqual([`reports.raw_message_enc\tk2\t${ROWS} (primary)`, `reports.sender_address_enc\tk2\t${ROWS / 2} (primary)`, `per key: k2 ${ROWS + ROWS / 2}`]);
    phase("final checks");
    console.log(`rotation of ${ROWS} rows (${fields} fields), killed at ${midway} rows: ${phases.join(", ")}`);
  }, 240_000);
});

describe("rotateToPrimary on a table with a blind index", () => {
  const PEOPLE = [
    { table: "rotation_people", column: "email_enc", blindIndex: { column: "email_bidx", of: "email" } },
  ] as unknown as EncryptedColumn[];
  const emails = ["ana@example.com", "Bo@Example.com", "chen+news@example.org", "dana@bücher.de", "eve@example.net"];

  it("re-encrypts and re-indexes, skips a row another transaction holds, and finishes it on the next run", async () => {
    await sql`CREATE TABLE rotation_people (id text PRIMARY KEY, email_enc bytea, email_bidx bytea UNIQUE)`.execute(handle.db);
    for (const [n, email] of emails.entries()) {
      const id = `p${n}`;
      const envelope = referenceEncrypt(K1, "k1", { table: "rotation_people", column: "email_enc", rowId: id }, new TextEncoder().encode(email), crypto.getRandomValues(new Uint8Array(12)));
      await sql`INSERT INTO rotation_people VALUES (${id}, ${envelope}, ${referenceBlindIndex(K1, normaliseEmail(email))})`.execute(handle.db);
    }
    const k1 = loadKeyring(SECRET_K1);
    const rotating = loadKeyring(SECRET_K1_K2);
    // The package's k1 index equals what the reference wrote, so lookups before rotation work.
    expect(Buffer.from(await blindIndex(k1, "BO@example.com")).toString("hex")).toBe(
      (await sql<{ h: string }>`SELECT encode(email_bidx, 'hex') AS h FROM rotation_people WHERE id = 'p1'`.execute(handle.db)).rows[0]!.h,
    );

    // The lock is held on one of the pool's two connections while rotation (one worker) uses the other.
    const log: string[] = [];
    const first = await handle.db.transaction().execute(async (trx) => {
      await sql`SELECT id FROM rotation_people WHERE id = 'p2' FOR UPDATE`.execute(trx);
      return rotateToPrimary(handle.db, rotating, { columns: PEOPLE, batchSize: 2, maxPasses: 2, workers: 1, log: (line) => log.push(line) });
    });
    expect(first).toEqual({ rowsRotated: 4, fieldsRotated: 4, fieldsLeft: 1 });
    expect(log).toContain("pass 2: 1 row(s) were locked or written under an old key meanwhile; retrying");
    expect(await rotateToPrimary(handle.db, rotating, { columns: PEOPLE })).toEqual({ rowsRotated: 1, fieldsRotated: 1, fieldsLeft: 0 });

    const k2Only = loadKeyring(SECRET_K2);
    for (const [n, email] of emails.entries()) {
      const row = (await sql<{ email_enc: Uint8Array; email_bidx: Uint8Array }>`SELECT email_enc, email_bidx FROM rotation_people WHERE id = ${`p${n}`}`.execute(handle.db)).rows[0]!;
      expect(await decryptFieldText(k2Only, { table: "rotation_people", column: "email_enc", rowId: `p${n}` }, row.email_enc)).toBe(email);
      expect(Buffer.from(row.email_bidx).equals(Buffer.from(await blindIndex(k2Only, email)))).toBe(true);
    }
    // A login lookup by any spelling finds the row through the primary's index.
    const candidates = (await blindIndexCandidates(rotating, " DANA@BÜCHER.DE ")).map((c) => Buffer.from(c.index));
    const found = await sql<{ id: string }>`SELECT id FROM rotation_people WHERE email_bidx = ANY(${candidates}::bytea[])`.execute(handle.db);
    expect(found.rows.map((r) => r.id)).toEqual(["p3"]);
    // New writes go to the primary too.
    expect(envelopeKeyId(await encryptField(rotating, { table: "rotation_people", column: "email_enc", rowId: "p9" }, "new@example.com"))).toBe("k2");
  }, 60_000);
});
